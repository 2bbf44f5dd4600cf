"""The check-up's pages: setting it up, taking it part by part (each part is kept as soon as
it is sent, so a person can stop at any moment), the result beside the one before, and the
calendar file. Every page works without JavaScript."""

from __future__ import annotations

import datetime
import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gezien.accounts.decorators import account_required
from gezien.checkup import due, forms, plan, reminder, store, taking
from gezien.checkup.plan import DONE, Part, Taken
from gezien.core.lookups import QuestionnaireForm
from gezien.drafts import service as drafts
from gezien.vault import person
from gezien.vault.person import Person

# The step form's own fields; every other field belongs to the questionnaire.
STEP_FIELDS = frozenset({"action", "part"})
ACTIONS = ("next", "skip")
# Far more than the longest part needs (three reflections of 2,000 characters); larger is
# refused unread.
MAX_BODY_BYTES = 32 * 1024


def _names() -> dict[str, str]:
    return {i: form.name for i, form in taking.offered().items()}


def _home(
    request: HttpRequest, me: Person, reminder_form: forms.ReminderForm | None = None
) -> HttpResponse:
    chosen = store.plan(me)
    taken = store.all_checkups(me)
    if chosen is None:
        return render(request, "checkup/intro.html", {"offered": taking.offered()})
    due_on = due.next_due(chosen, taken)
    today = timezone.localdate()
    if reminder_form is None:
        reminder_form = forms.ReminderForm(
            initial={
                "title": plan.rules().reminder.title.get(),
                "first_day": max(due_on, today),
                "at": plan.rules().reminder.time,
            }
        )
    now = timezone.now()
    going = next((t for t in reversed(taken) if t.can_continue(now)), None)
    names = _names()
    return render(
        request,
        "checkup/home.html",
        {
            "plan": chosen,
            "names": [names.get(i, i.upper()) for i in chosen.questionnaires],
            "due": due_on,
            "due_now": due_on <= today,
            "going": going,
            "past": [t for t in reversed(taken) if t.has_answers],
            "reminder_form": reminder_form,
            "submit_token": uuid.uuid4(),
        },
        status=400 if reminder_form.is_bound else 200,
    )


@account_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return _home(request, person.of(request))


@account_required
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    me = person.of(request)
    offered = taking.offered()
    current = store.plan(me) or plan.default_plan(list(offered))
    form = forms.PlanForm(
        request.POST or None,
        offered=offered,
        initial={
            "questionnaires": list(current.questionnaires),
            "reflections": current.reflections,
            "every_weeks": current.every_weeks,
        },
    )
    if request.method == "POST":
        if form.is_valid():
            store.save_plan(me.account, me.data_key, form.plan())
            messages.success(request, _("Your check-up is set up."))
            return redirect("checkup:home")
        status = 400
    else:
        status = 200
    return render(request, "checkup/setup.html", {"form": form, "offered": offered}, status=status)


@require_POST
@account_required
def start(request: HttpRequest) -> HttpResponse:
    me = person.of(request)
    chosen = store.plan(me)
    if chosen is None:
        return redirect("checkup:setup")
    now = timezone.now()
    going = next((t for t in reversed(store.all_checkups(me)) if t.can_continue(now)), None)
    if going is not None:
        return redirect("checkup:step", pk=going.id)

    def begin() -> str:
        return reverse("checkup:step", args=[store.start(me.account, me.data_key, chosen, now)])

    # A start sent twice (a double click) begins one check-up.
    return redirect(drafts.submit_once(request, begin))


def _taken_or_404(me: Person, pk: object) -> Taken:
    taken = store.one(me, pk)
    if taken is None:
        raise Http404
    return taken


def _step_page(
    request: HttpRequest,
    taken: Taken,
    part: Part,
    *,
    missing: tuple[str, ...] = (),
    values: dict[str, int | None] | None = None,
    help_first: str | None = None,
    reflections: forms.ReflectionsForm | None = None,
    tampered: bool = False,
    status: int = 200,
) -> HttpResponse:
    names = _names()
    before = taken.before(part)
    if help_first is None and before is not None and before.state == DONE:
        help_first = before.help_first
    form = None
    if part.is_questionnaire:
        lookup = taking.forms()
        form = lookup.form(part.id) if lookup else None
    if part.is_questionnaire and form is None:
        # Switched off since the check-up began: nothing to fill in for this part.
        return _skip_unavailable(request, taken, part)
    context = {
        "taken": taken,
        "part": part,
        "position": taken.position(part),
        "count": len(taken.parts),
        "overview": [
            (names.get(p.id, p.id.upper()) if p.is_questionnaire else None, p.state, p is part)
            for p in taken.parts
        ],
        "questionnaire": form,
        "items": [(item, (values or {}).get(item.id)) for item in form.items] if form else [],
        "missing": [],
        "missing_ids": set(missing),
        "reflections": reflections or forms.ReflectionsForm(initial=part.answers),
        "help_first": help_first,
        "tampered": tampered,
        "submit_token": uuid.uuid4(),
    }
    if form:
        numbers = {item.id: n for n, item in enumerate(form.items, 1)}
        context["missing"] = [
            (
                f"{item_id}-{_first_value(form, item_id)}",
                _("Question %(n)s") % {"n": numbers[item_id]},
            )
            for item_id in missing
        ]
    return render(request, "checkup/step.html", context, status=status)


def _first_value(form: QuestionnaireForm, item_id: str) -> int:
    item = next(item for item in form.items if item.id == item_id)
    return item.options[0].value


def _skip_unavailable(request: HttpRequest, taken: Taken, part: Part) -> HttpResponse:
    me = person.of(request)
    taking.skip(me, taken.id, part.id)
    return redirect("checkup:step", pk=taken.id)


def _next(me: Person, taken: Taken, stored: bool) -> str:
    """Where to go after a part was sent: the next part (or the result, which the step page
    sends on to); the check-up's page when the check-up was deleted meanwhile."""
    if not stored:
        return reverse("checkup:home")
    taking.close_if_done(me, taken.id, timezone.now())
    return reverse("checkup:step", args=[taken.id])


def _body_too_large(request: HttpRequest) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES
    except ValueError:
        return True


def _post_step(request: HttpRequest, me: Person, taken: Taken) -> HttpResponse:
    current = taken.current()
    if current is None:
        return redirect("checkup:result", pk=taken.id)
    if _body_too_large(request):
        return _step_page(request, taken, current, tampered=True, status=400)
    part = taken.part(request.POST.get("part", ""))
    action = request.POST.get("action", "next")
    if part is None or action not in ACTIONS:
        return _step_page(request, taken, current, tampered=True, status=400)
    try:
        if action == "skip":
            return redirect(
                drafts.submit_once(
                    request, lambda: _next(me, taken, taking.skip(me, taken.id, part.id))
                )
            )
        if part.is_questionnaire:
            return _post_questionnaire(request, me, taken, part)
        return _post_reflections(request, me, taken, part)
    except taking.WrongPart:
        return _step_page(request, taken, current, tampered=True, status=400)


def _post_questionnaire(request: HttpRequest, me: Person, taken: Taken, part: Part) -> HttpResponse:
    lookup = taking.forms()
    if lookup is None or lookup.form(part.id) is None:
        raise taking.WrongPart
    posted = {name: values for name, values in request.POST.lists() if name not in STEP_FIELDS}
    try:
        answers = lookup.read(part.id, posted)
    except ValueError:
        return _step_page(request, taken, part, tampered=True, status=400)
    if answers.missing:
        return _step_page(
            request,
            taken,
            part,
            missing=answers.missing,
            values=answers.values,
            help_first=answers.help_first,
        )
    return redirect(
        drafts.submit_once(
            request, lambda: _next(me, taken, taking.answer(me, taken.id, part.id, answers))
        )
    )


def _post_reflections(request: HttpRequest, me: Person, taken: Taken, part: Part) -> HttpResponse:
    form = forms.ReflectionsForm(request.POST)
    if not form.is_valid():
        return _step_page(request, taken, part, reflections=form, status=400)
    return redirect(
        drafts.submit_once(
            request, lambda: _next(me, taken, taking.reflect(me, taken.id, form.cleaned_data))
        )
    )


@sensitive_post_parameters()
@account_required
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, pk: object) -> HttpResponse:
    me = person.of(request)
    taken = _taken_or_404(me, pk)
    if request.method == "POST":
        return _post_step(request, me, taken)
    part = taken.current()
    if part is None:
        return redirect("checkup:result", pk=taken.id)
    return _step_page(request, taken, part)


@account_required
@require_http_methods(["GET", "POST"])
def result(request: HttpRequest, pk: object) -> HttpResponse:
    """The check-up beside the one before. A POST ends the check-up here (the parts not
    done yet stay empty)."""
    me = person.of(request)
    taken = _taken_or_404(me, pk)
    if request.method == "POST":
        taking.finish(me, taken.id, timezone.now())
        return redirect("checkup:result", pk=taken.id)
    everything = store.all_checkups(me)
    chosen = store.plan(me)
    return render(
        request,
        "checkup/result.html",
        {
            "taken": taken,
            "compared": taking.comparison(me, taken, everything),
            "due": due.next_due(chosen, everything) if chosen else None,
            "open": taken.current() is not None,
        },
    )


@account_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, pk: object) -> HttpResponse:
    me = person.of(request)
    taken = _taken_or_404(me, pk)
    if request.method == "POST":
        taking.forget(me, taken)
        messages.success(request, _("The check-up is deleted, with its answers."))
        return redirect("checkup:home")
    return render(request, "checkup/delete.html", {"taken": taken})


@sensitive_post_parameters()
@require_POST
@account_required
def calendar(request: HttpRequest) -> HttpResponse:
    """The calendar file, made for this request only: nothing of it is stored or logged."""
    me = person.of(request)
    chosen = store.plan(me)
    if chosen is None:
        return redirect("checkup:setup")
    form = forms.ReminderForm(request.POST)
    if not form.is_valid():
        return _home(request, me, form)
    address = None
    if form.cleaned_data["with_address"]:
        address = request.build_absolute_uri(reverse("checkup:home"))
    body = reminder.calendar_file(
        title=form.cleaned_data["title"],
        first=datetime.datetime.combine(form.cleaned_data["first_day"], form.cleaned_data["at"]),
        minutes=plan.rules().reminder.minutes,
        every_weeks=chosen.every_weeks,
        address=address,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    # A neutral name: the file may stay behind in a downloads folder.
    response["Content-Disposition"] = 'attachment; filename="agenda.ics"'
    return response
