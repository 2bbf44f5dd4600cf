"""Exercises for overwhelming moments. They work without an account; then nothing is
stored. Logged in, the distress before and after is stored sealed, and "what helps me"
shows the average change per exercise."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from gezien.accounts.decorators import account_required
from gezien.drafts import service as drafts
from gezien.exercises import catalogue as data
from gezien.exercises import store as ratings
from gezien.exercises.models import ExerciseRating
from gezien.vault import person
from gezien.vault.records import owned_or_404


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


def breathing_steps(pattern: data.Pattern) -> list[str]:
    """The breathing exercise as plain steps, made from the pattern's numbers."""
    steps = [
        _(
            "Sit or lie down in a way that feels good. You may close your eyes, but you do not "
            "have to."
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
    cat = data.loaded()
    items = [
        {
            "url": reverse("exercises:breathing"),
            "title": _("Calm breathing"),
            "summary": _(
                "Breathe in a steady rhythm, with a moving circle or with counting. Helps your "
                "body to calm down."
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
    cat = data.loaded()
    pattern = None
    if exercise_id == data.BREATHING:
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
    if request.method == "POST" and form.is_valid():
        before, after = form.cleaned_data["before"], form.cleaned_data["after"]
        variant = pattern.id if pattern else ""
        if me is None:
            # Nothing is stored without an account, so the closing screen is this answer.
            return _done(request, exercise_id, variant, before, after, saved=False)

        def store() -> str:
            rating = ExerciseRating(owner=me.account)
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
            return reverse("exercises:done", args=[rating.pk])

        return redirect(drafts.submit_once(request, store))
    return render(
        request,
        "exercises/exercise.html",
        {
            **context,
            "exercise_id": exercise_id,
            "form": form,
            "logged_in": me is not None,
            "submit_token": request.POST.get("submit_token") or str(uuid.uuid4()),
        },
        status=400 if request.method == "POST" and not form.is_valid() else 200,
    )


@require_GET
@account_required
def done(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The closing screen of a stored rating (only its owner sees it)."""
    rating = owned_or_404(ExerciseRating, request, pk).open_content(person.of(request).data_key)
    return _done(
        request,
        rating["exercise"],
        rating.get("variant", ""),
        rating["before"],
        rating["after"],
        saved=True,
    )


def _done(
    request: HttpRequest, exercise_id: str, variant: str, before: int, after: int, saved: bool
) -> HttpResponse:
    """After an exercise: what the person rated, a kind word that fits how it went, and what
    they can do next."""
    result = {"before": before, "after": after, "change": after - before}
    url = reverse(f"exercises:{exercise_id}")
    return render(
        request,
        "exercises/done.html",
        {
            "name": ratings.name(exercise_id, variant),
            "result": result,
            "result_message": _result_message(result),
            "saved": saved,
            "session_expired": getattr(request, "session_expired", False),
            "again_url": url + (f"?patroon={variant}" if variant else ""),
            "logged_in": saved or person.unlocked(request) is not None,
        },
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
                "Your distress went from %(before)d to %(after)d. This time it did not help; that "
                "happens. Maybe another exercise fits better now."
            )
            % numbers
        )
    return _("Your distress stayed at %(before)d.") % numbers


@account_required
def what_helps(request: HttpRequest) -> HttpResponse:
    rows = [
        {**row, "difference": abs(row["change"])}
        for row in ratings.what_helps_rows(person.of(request))
    ]
    return render(request, "exercises/what_helps.html", {"rows": rows})
