"""Exercises for overwhelming moments. They work without an account; then nothing is
stored. Logged in, the distress before and after is stored sealed, and "what helps me"
shows the average change per exercise."""

from __future__ import annotations

import functools
import uuid
from collections import defaultdict
from statistics import mean
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from gezien.accounts.decorators import account_required
from gezien.core import summary
from gezien.drafts import service as drafts
from gezien.exercises import catalogue as data
from gezien.exercises.models import ExerciseRating
from gezien.lib import charts
from gezien.vault import person
from gezien.vault.person import Person

catalogue = functools.cache(data.load)
BREATHING = "breathing"


class RatingForm(forms.Form):
    before = forms.TypedChoiceField(
        label=gettext_lazy("Before: how upset or overwhelmed do you feel now?"),
        choices=[(str(n), str(n)) for n in range(11)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choose a number from 0 to 10 for before."),
            "invalid_choice": gettext_lazy("Choose a number from 0 to 10."),
        },
    )
    after = forms.TypedChoiceField(
        label=gettext_lazy("After: how upset or overwhelmed do you feel now?"),
        choices=[(str(n), str(n)) for n in range(11)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choose a number from 0 to 10 for after."),
            "invalid_choice": gettext_lazy("Choose a number from 0 to 10."),
        },
    )


def _name(exercise_id: str, variant: str = "") -> str:
    cat = catalogue()
    if exercise_id == BREATHING:
        pattern = cat.pattern(variant)
        return _("Breathing %(pattern)s") % {"pattern": pattern.id if pattern else variant}
    try:
        return cat.exercise(exercise_id).title.get()
    except StopIteration:
        return exercise_id


def breathing_steps(pattern: data.Pattern) -> list[str]:
    """The breathing exercise as plain steps, made from the pattern's numbers."""
    steps = [
        _(
            "Sit or lie down in a way that feels good. You may close your eyes, but you do not have to."
        ),
        _("Breathe in through your nose while you count slowly to %(n)d.") % {"n": pattern.inhale},
    ]
    if pattern.hold:
        steps.append(_("Hold your breath and count to %(n)d.") % {"n": pattern.hold})
    steps.append(
        _("Breathe out slowly through your mouth while you count to %(n)d.") % {"n": pattern.exhale}
    )
    if pattern.pause:
        steps.append(
            _("Wait before you breathe in again, and count to %(n)d.") % {"n": pattern.pause}
        )
    steps.append(_("Do this five to ten times. Do you feel dizzy? Then breathe as usual again."))
    return steps


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    cat = catalogue()
    items = [
        {
            "url": reverse("exercises:breathing"),
            "title": _("Calm breathing"),
            "summary": _(
                "Breathe in a steady rhythm, with a moving circle or with counting. Helps your body to calm down."
            ),
        },
        *[
            {
                "url": reverse(f"exercises:{e.id}"),
                "title": e.title.get(),
                "summary": e.summary.get(),
            }
            for e in cat.exercises
        ],
    ]
    return render(
        request,
        "exercises/index.html",
        {"items": items, "logged_in": person.unlocked(request) is not None},
    )


@require_http_methods(["GET", "POST"])
def exercise(request: HttpRequest, exercise_id: str) -> HttpResponse:
    cat = catalogue()
    pattern = None
    if exercise_id == BREATHING:
        pattern = (
            cat.pattern(request.POST.get("pattern") or request.GET.get("patroon", ""))
            or cat.patterns[0]
        )
        context: dict[str, Any] = {
            "title": _("Calm breathing"),
            "intro": pattern.about.get(),
            "steps": [{"text": text} for text in breathing_steps(pattern)],
            "pattern": pattern,
            "patterns": [
                {"id": p.id, "name": p.name.get(), "current": p == pattern} for p in cat.patterns
            ],
        }
    else:
        item = cat.exercise(exercise_id)
        context = {
            "title": item.title.get(),
            "intro": item.intro.get(),
            "steps": [
                {"text": step.text.get(), "tense": step.tense, "relax": step.relax}
                for step in item.steps
            ],
            "timer": any(step.tense for step in item.steps),
        }
    me = person.unlocked(request)
    form = RatingForm(request.POST if request.method == "POST" else None)
    result = None
    if request.method == "POST" and form.is_valid():
        before, after = form.cleaned_data["before"], form.cleaned_data["after"]
        result = {"before": before, "after": after, "change": after - before}
        if me is not None:
            variant = pattern.id if pattern else ""

            def store() -> str:
                rating = ExerciseRating(owner=request.user)
                rating.seal_content(
                    me.data_key,
                    {
                        "exercise": exercise_id,
                        "variant": variant,
                        "before": before,
                        "after": after,
                        "date": timezone.localdate().isoformat(),
                    },
                )
                rating.save()
                messages.success(
                    request, _result_message(result) + " " + _("Your numbers are saved.")
                )
                return request.path + (f"?patroon={variant}" if variant else "")

            return redirect(drafts.submit_once(request, store))
    return render(
        request,
        "exercises/exercise.html",
        {
            **context,
            "exercise_id": exercise_id,
            "form": form,
            "result": result,
            "result_message": _result_message(result) if result else "",
            "logged_in": me is not None,
            "session_expired": getattr(request, "session_expired", False),
            "submit_token": request.POST.get("submit_token") or str(uuid.uuid4()),
        },
        status=400 if request.method == "POST" and not form.is_valid() else 200,
    )


def _result_message(result: dict[str, int] | None) -> str:
    if result is None:
        return ""
    numbers = {"before": result["before"], "after": result["after"]}
    if result["change"] < 0:
        return _("Your distress went from %(before)d to %(after)d. It went down.") % numbers
    if result["change"] > 0:
        return (
            _(
                "Your distress went from %(before)d to %(after)d. This time it did not help; that happens. Maybe another exercise fits better now."
            )
            % numbers
        )
    return _("Your distress stayed at %(before)d.") % numbers


def what_helps_rows(me: Person) -> list[dict[str, Any]]:
    """Per exercise: how often it was done and the average distress before and after,
    the biggest drop first."""
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for rating in me.records(ExerciseRating):
        grouped[(rating.content["exercise"], rating.content.get("variant", ""))].append(
            rating.content
        )
    rows = []
    for (exercise_id, variant), ratings in grouped.items():
        rows.append(
            {
                "name": _name(exercise_id, variant),
                "times": len(ratings),
                "before": round(mean(r["before"] for r in ratings), 1),
                "after": round(mean(r["after"] for r in ratings), 1),
                "change": round(mean(r["after"] - r["before"] for r in ratings), 1),
            }
        )
    rows.sort(key=lambda row: (row["change"], row["name"]))
    return rows


@account_required
def what_helps(request: HttpRequest) -> HttpResponse:
    rows = what_helps_rows(person.of(request))
    chart = charts.bar_chart([(row["name"], max(0.0, -row["change"])) for row in rows])
    return render(request, "exercises/what_helps.html", {"rows": rows, "chart": chart})


def summary_section(me: Person) -> summary.Section | None:
    """ "What helps me" as a part the person may add to the summary for a professional."""
    rows = what_helps_rows(me)
    if not rows:
        return None
    facts = tuple(
        (
            row["name"],
            ngettext(
                "done %(times)d time; distress on average %(before)s before and %(after)s after (0–10)",
                "done %(times)d times; distress on average %(before)s before and %(after)s after (0–10)",
                row["times"],
            )
            % {
                **row,
                "before": number_format(row["before"], 1),
                "after": number_format(row["after"], 1),
            },
        )
        for row in rows
    )
    part = summary.Part(key="exercises.what-helps", title=_("Exercises that help me"), facts=facts)
    return summary.Section(key="exercises", title=_("What helps"), parts=(part,))


def export_section(me: Person) -> list[dict[str, Any]]:
    return [
        {"created_at": rating.record.created_at.isoformat(), **rating.content}
        for rating in me.records(ExerciseRating)
    ]
