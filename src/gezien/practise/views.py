"""The practice ladder's pages. Without an account a ladder is made, put in order and
printed, and nothing is stored: it travels in the form. With an account every step is
sealed, and the person tries the steps one by one and sees expected against actual."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gezien.accounts.decorators import account_required
from gezien.core import lookups
from gezien.drafts import service as drafts
from gezien.lib import charts
from gezien.practise import forms, ladder, store
from gezien.practise.ladder import Step, Try
from gezien.practise.models import LadderStep
from gezien.vault import person
from gezien.vault.records import owned_or_404

CHART_TRIES = 12  # the chart shows the latest tries; the table shows them all


def _links() -> dict[str, str | None]:
    """Other tools a ladder page points to, when this installation has them."""
    return {
        "exercises_url": lookups.site_url("exercises"),
        "safety_plan_url": lookups.site_url("safety-plan"),
        "therapy_fit_url": lookups.site_url("therapy-fit"),
    }


def _shown(steps: list[Step]) -> list[dict[str, Any]]:
    catalogue = ladder.load()
    return [
        {
            "id": step.id,
            "situation": ladder.situation(step, catalogue),
            "expected": step.expected,
            "done": step.done,
            "tries": len(step.tries),
            "last": step.tries[-1].actual if step.tries else None,
            "started": step.pending is not None,
        }
        for step in steps
    ]


def _source(key: str) -> str:
    source = ladder.load().sources[key]
    if source.library:
        return lookups.library().source_name(source.library)
    assert source.text is not None
    return source.text.get()


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    me = person.unlocked(request)
    steps = store.steps(me) if me is not None else []
    context: dict[str, Any] = {"logged_in": me is not None, "report": _source("report"), **_links()}
    if steps:
        upcoming = ladder.next_step(steps)
        context.update(
            steps=_shown(steps),
            upcoming=_shown([upcoming])[0] if upcoming else None,
            figures=ladder.figures(steps),
        )
    return render(request, "practise/index.html", context)


# --- making a ladder (with or without an account) -------------------------------------------


def _choose_page(
    request: HttpRequest, form: forms.ChooseForm, message: str = "", status: int = 200
) -> HttpResponse:
    catalogue = ladder.load()
    theme_of = {example.id: example.theme for example in catalogue.examples}
    themes = [
        {
            "name": theme.name.get(),
            "options": [o for o in form["examples"] if theme_of.get(o.data["value"]) == theme.id],
        }
        for theme in catalogue.themes
    ]
    library = lookups.library()
    sources = sorted({library.source_name(theme.source) for theme in catalogue.themes})
    context = {"form": form, "themes": themes, "message": message, "sources": sources}
    return render(request, "practise/choose.html", context, status=status)


def _rate_page(request: HttpRequest, formset: Any, message: str = "") -> HttpResponse:
    # The error summary links each missing number to its situation's scale.
    errors = [
        (f"{form['expected'].auto_id}_0", f"{form['situation'].value()}: {error}")
        for form in formset.forms
        if formset.is_bound
        for error in form.errors.get("expected", [])
    ]
    context = {
        "formset": formset,
        "errors": errors,
        "message": message,
        "logged_in": person.unlocked(request) is not None,
        "submit_token": request.POST.get("submit_token") or str(uuid.uuid4()),
    }
    return render(request, "practise/rate.html", context)


def _unsaved_page(request: HttpRequest, steps: list[Step]) -> HttpResponse:
    formset = forms.step_formset(steps=steps)
    context = {
        "formset": formset,
        "rows": list(zip(_shown(steps), formset, strict=True)),
        **_links(),
    }
    return render(request, "practise/unsaved.html", context)


def _save(request: HttpRequest, steps: list[Step]) -> HttpResponse:
    me = person.of(request)

    def save() -> str:
        store.add(me.account, me.data_key, steps)
        messages.success(
            request,
            ngettext(
                "%(n)d situation is on your ladder now.",
                "%(n)d situations are on your ladder now.",
                len(steps),
            )
            % {"n": len(steps)},
        )
        return reverse("practise:index")

    try:
        return redirect(drafts.submit_once(request, save))
    except store.Full:
        message = _(
            "Your ladder can hold %(n)d situations. Delete a step you no longer need, then "
            "add this one."
        ) % {"n": store.MAX_STEPS}
        return _rate_page(request, forms.step_formset(request.POST), message)


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def make(request: HttpRequest) -> HttpResponse:
    """Step 1: choose situations; step 2: rate each; then, with an account, they join the
    stored ladder; without one, the ladder is shown in order, to change the order and print.
    Each step posts everything chosen so far, so nothing needs to be stored."""
    stage = request.POST.get("stage", "") if request.method == "POST" else ""
    if stage == "choose":
        form = forms.ChooseForm(request.POST)
        if not form.is_valid():
            return _choose_page(request, form)
        return _rate_page(request, forms.step_formset(steps=form.chosen(), rated=False))
    if stage in ("rate", "ordered"):
        formset = forms.step_formset(request.POST)
        if not formset.is_valid():
            # Only the rating is typed on the page; anything else wrong was changed.
            typed = all(set(form.errors) <= {"expected"} for form in formset.forms)
            if stage == "rate" and typed and not formset.non_form_errors():
                return _rate_page(request, formset)
            message = _("This form was changed or is incomplete. Please start again.")
            return _choose_page(request, forms.ChooseForm(), message, status=400)
        steps = [form.step() for form in formset]
        if stage == "rate" and person.unlocked(request) is not None:
            done = drafts.submitted(request)
            return redirect(done) if done else _save(request, steps)
        if stage == "rate":
            return _unsaved_page(request, ladder.easy_to_hard(steps))
        index, _colon, direction = request.POST.get("move", "").partition(":")
        return _unsaved_page(
            request, ladder.move(steps, int(index) if index.isdigit() else -1, direction)
        )
    if request.method == "POST":
        message = _("This form was changed or is incomplete. Please start again.")
        return _choose_page(request, forms.ChooseForm(), message, status=400)
    return _choose_page(request, forms.ChooseForm())


# --- the stored ladder -----------------------------------------------------------------------


@account_required
@require_GET
def order(request: HttpRequest) -> HttpResponse:
    steps = store.steps(person.of(request))
    return render(request, "practise/order.html", {"steps": _shown(steps)})


@account_required
@require_POST
def move(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    owned_or_404(LadderStep, request, pk)
    me = person.of(request)
    direction = request.POST.get("direction", "")
    if direction in (ladder.EARLIER, ladder.LATER):
        try:
            store.move(me.account, me.data_key, str(pk), direction)
        except store.Gone:
            raise Http404 from None
    return redirect(f"{reverse('practise:order')}#stap-{pk}")


@account_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    owned_or_404(LadderStep, request, pk)
    me = person.of(request)
    step = _step_or_404(request, pk)
    if request.method == "POST":
        store.delete(me.account, me.data_key, step.id)
        messages.success(request, _("The step is deleted."))
        return redirect("practise:order")
    return render(request, "practise/delete.html", {"step": _shown([step])[0]})


def _step_or_404(request: HttpRequest, pk: uuid.UUID) -> Step:
    step = next((s for s in store.steps(person.of(request)) if s.id == str(pk)), None)
    if step is None:
        raise Http404
    return step


def _result_message(tried: Try) -> str:
    numbers = {"expected": tried.expected, "actual": tried.actual}
    if tried.outcome == ladder.LOWER:
        return (
            _("It was less hard than you expected: you expected %(expected)d, it was %(actual)d.")
            % numbers
        )
    if tried.outcome == ladder.SAME:
        return _("It was about as hard as you expected: %(actual)d.") % numbers
    return (
        _(
            "It was harder than you expected: you expected %(expected)d, it was %(actual)d. You "
            "did it anyway, and that counts. You can try this step again, or first choose a "
            "smaller step. Both are fine."
        )
        % numbers
    )


def _try_page(request: HttpRequest, step: Step, form: Any) -> HttpResponse:
    context = {
        "step": _shown([step])[0],
        "expected_now": step.pending,
        "form": form,
        "stage": "after" if step.pending is not None else "before",
        "submit_token": request.POST.get("submit_token") or str(uuid.uuid4()),
        "craske_2008": _source("craske-2008"),
        **_links(),
    }
    return render(request, "practise/try.html", context)


@sensitive_post_parameters()
@account_required
@require_http_methods(["GET", "POST"])
def attempt(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Trying a step: before, the distress expected; after, the distress felt, what happened
    and what helped. The two halves may be hours apart, so the first is stored."""
    owned_or_404(LadderStep, request, pk)
    me = person.of(request)
    step = _step_or_404(request, pk)
    stage = "after" if step.pending is not None else "before"
    if request.method == "GET":
        return _try_page(request, step, forms.AfterForm() if step.pending else forms.BeforeForm())
    done = drafts.submitted(request)
    if done is not None:
        return redirect(done)
    if request.POST.get("stage") != stage:
        # Another window moved this step on, or the form was not this page's.
        messages.warning(request, _("This step changed in the meantime. This is where it is now."))
        return redirect("practise:try", pk=pk)
    if stage == "after" and request.POST.get("action") == "cancel":
        store.cancel_try(me.account, me.data_key, step.id)
        messages.success(request, _("That is fine. You can try this step another time."))
        return redirect("practise:index")
    if stage == "before":
        before = forms.BeforeForm(request.POST)
        if not before.is_valid():
            return _try_page(request, step, before)

        def start() -> str:
            store.start_try(me.account, me.data_key, step.id, before.cleaned_data["expected"])
            return reverse("practise:try", kwargs={"pk": pk})

        return redirect(drafts.submit_once(request, start))
    after = forms.AfterForm(request.POST)
    if not after.is_valid():
        return _try_page(request, step, after)

    def finish() -> str:
        tried = store.finish_try(
            me.account,
            me.data_key,
            step.id,
            actual=after.cleaned_data["actual"],
            happened=after.cleaned_data["happened"].strip(),
            helped=after.cleaned_data["helped"].strip(),
            done=after.cleaned_data["next"] == "next",
        )
        messages.success(request, _result_message(tried))
        return reverse("practise:index")

    try:
        return redirect(drafts.submit_once(request, finish))
    except store.NotStarted:
        return redirect("practise:try", pk=pk)
    except store.TooMany:
        after.add_error(None, _("This step has as many tries as Gezien keeps. Well done."))
        return _try_page(request, step, after)


# --- expected against actual -----------------------------------------------------------------


@account_required
@require_GET
def history(request: HttpRequest) -> HttpResponse:
    steps = store.steps(person.of(request))
    catalogue = ladder.load()
    found = ladder.figures(steps)
    latest = found.rows[-CHART_TRIES:]
    chart = charts.paired_bar_chart(
        [
            (
                ladder.short(ladder.situation(row.step, catalogue)),
                row.tried.expected,
                row.tried.actual,
            )
            for row in latest
        ],
        ladder.HIGHEST,
    )
    rows = [
        {
            "situation": ladder.situation(row.step, catalogue),
            "at": datetime.fromisoformat(row.tried.at),
            "expected": row.tried.expected,
            "actual": row.tried.actual,
            "outcome": row.tried.outcome,
            "happened": row.tried.happened,
            "helped": row.tried.helped,
        }
        for row in found.rows
    ]
    context = {
        "figures": found,
        "rows": rows,
        "chart": chart if latest else None,
        "charted": len(latest),
        "note": ladder.often_lower(found, catalogue.min_tries),
        "rachman": _source("rachman-1994"),
        "craske_2014": _source("craske-2014"),
    }
    return render(request, "practise/history.html", context)
