"""Questionnaire pages. Scoring lives in scoring.py, wording in the definition files and
guidance.toml, and what a page shows in presentation.py; views connect them."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from gezien.accounts.decorators import account_required
from gezien.core import lookups
from gezien.drafts import service as drafts
from gezien.lib.text import current_language
from gezien.measure import catalogue, forms, presentation, store
from gezien.measure.definitions import Instrument, Item
from gezien.measure.models import QuestionnaireResult
from gezien.measure.scoring import score
from gezien.vault import person
from gezien.vault.records import owned_or_404

log = logging.getLogger("gezien.measure")


def _instrument_or_404(instrument_id: str, offered_only: bool = False) -> Instrument:
    """A shipped questionnaire; with `offered_only`, only one this installation offers."""
    instruments = catalogue.offered() if offered_only else catalogue.instruments()
    instrument = instruments.get(instrument_id)
    if instrument is None:
        raise Http404
    return instrument


def _retake(results: list[store.Stored]) -> list[dict[str, Any]]:
    due = store.due_for_retake(results, timezone.now())
    offered = catalogue.offered()
    return [
        {
            "instrument": instrument,
            "name": instrument.name.shown(),
            "date": presentation.local_date(stored.taken_at),
        }
        for stored in due
        # An offered questionnaire is a shipped one, so it has its definition.
        if stored.instrument_id in offered and (instrument := stored.instrument) is not None
    ]


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    me = person.unlocked(request)
    return render(
        request,
        "measure/overview.html",
        {
            "cards": presentation.cards(),
            "retake": _retake(store.all_results(me) if me else []),
            # The check-up fills in these questionnaires every few weeks (an account's tool).
            "checkup_url": lookups.site_url("checkup") if me else None,
        },
    )


@require_GET
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "measure/about.html", {"cards": presentation.cards(offered_only=False)})


def _form(
    request: HttpRequest,
    instrument: Instrument,
    *,
    answers: dict[str, int | None] | None = None,
    missing: Sequence[Item] | None = None,
    help_first: str | None = None,
    tampered: bool = False,
    status: int = 200,
    submit_token: str = "",
) -> HttpResponse:
    items = presentation.form_items(instrument, answers, missing or ())
    context = {
        "card": presentation.card(instrument),
        "items": items,
        # The error summary's lines: each unanswered question, linked to its first answer.
        "missing": [
            (item.first_input_id, _("Question %(n)s") % {"n": item.position})
            for item in items
            if item.error
        ],
        "time_frame": instrument.time_frame.text.shown(),
        "instructions": instrument.instructions.shown(),
        # Dutch by nature: it tells a Dutch reader why the questions are in English.
        "dutch_note": instrument.wording.dutch_note if current_language() == "nl" else None,
        "help_first": help_first,
        # English by nature: it tells an English reader why the questions are in Dutch.
        "english_note": instrument.wording.english_note if current_language() == "en" else None,
        "tampered": tampered,
        "can_keep": person.unlocked(request) is not None,
        "keep": answers is None or request.POST.get("keep") == "on",
        # One token per filled-in form, kept when the form comes back for missing answers.
        "submit_token": submit_token or str(uuid.uuid4()),
        "safety_plan": presentation.existing(presentation.SAFETY_PLAN),
    }
    return render(request, "measure/take.html", context, status=status)


def _body_too_large(request: HttpRequest) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > forms.MAX_BODY_BYTES
    except ValueError:
        return True


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def take(request: HttpRequest, instrument_id: str) -> HttpResponse:
    """The questionnaire; on POST, the result (shown in the response, so no score is ever in
    a web address), or the form again with what is missing."""
    instrument = _instrument_or_404(instrument_id, offered_only=True)
    if request.method == "GET":
        return _form(request, instrument)
    # Checked before reading the form, so a huge body is never parsed.
    if _body_too_large(request):
        log.info("questionnaire form refused: body too large")
        return _form(request, instrument, tampered=True, status=400)
    try:
        answers, missing = forms.read_answers(instrument, dict(request.POST.lists()))
    except forms.Tampered as problem:
        log.info("questionnaire form refused: %s", problem)
        return _form(request, instrument, tampered=True, status=400)
    result = score(instrument, answers)
    if missing:
        return _form(
            request,
            instrument,
            answers=answers,
            missing=missing,
            help_first=presentation.help_first(instrument, result),
            submit_token=request.POST.get("submit_token", ""),
        )
    me = person.unlocked(request)
    if me is not None and request.POST.get("keep") == "on":
        language = presentation.wording_language(instrument)

        def save() -> str:
            record = store.save(me.account, me.data_key, instrument, answers, result, language)
            messages.success(request, _("Your result is saved in your account."))
            return reverse("measure:result", kwargs={"pk": record.pk})

        # The saved result has a page of its own, so reloading it never stores it twice; the
        # same form sent twice gets the first result's page back.
        return redirect(drafts.submit_once(request, save))
    earlier = store.latest(store.all_results(me), instrument) if me else None
    return render(
        request,
        "measure/result.html",
        {
            "view": presentation.result_view(instrument, answers, result, earlier),
            "safety_plan": presentation.existing(presentation.SAFETY_PLAN),
            "logged_in": request.user.is_authenticated,
        },
    )


@account_required
@require_http_methods(["GET", "POST"])
def result(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """A saved result, by its record id (an opaque id: the web address holds no score).
    Only the person's own results are searched, so anyone else's id is a 404."""
    results = store.all_results(person.of(request))
    stored = next((s for s in results if s.id == str(pk)), None)
    instrument = stored.instrument if stored else None
    if stored is None or instrument is None or instrument.version != stored.version:
        raise Http404
    return render(
        request,
        "measure/result.html",
        {
            "view": presentation.result_view(
                instrument, stored.answers, stored.result, store.previous(results, stored)
            ),
            "stored": stored,
            "taken_on": presentation.local_date(stored.taken_at),
            "safety_plan": presentation.existing(presentation.SAFETY_PLAN),
            "logged_in": True,
        },
    )


@account_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    record = owned_or_404(QuestionnaireResult, request, pk)
    if request.method == "POST":
        record.delete()
        messages.success(request, _("The result is deleted."))
        return redirect("measure:results")
    stored = store.opened(record, person.of(request).data_key)
    return render(
        request,
        "measure/delete.html",
        {
            "stored": stored,
            "name": presentation.name_of(stored),
            "taken_on": presentation.local_date(stored.taken_at),
        },
    )


@account_required
@require_GET
def results(request: HttpRequest) -> HttpResponse:
    stored_results = store.all_results(person.of(request))
    rows = [
        {
            "stored": stored,
            "date": presentation.local_date(stored.taken_at),
            "name": presentation.name_of(stored),
            "summary": presentation.summary(stored.instrument, stored.result)
            if stored.instrument
            else "",
        }
        for stored in reversed(stored_results)
    ]
    taken = {stored.instrument_id for stored in stored_results}
    histories = [
        card for card in presentation.cards(offered_only=False) if card.instrument.id in taken
    ]
    return render(
        request,
        "measure/results.html",
        {"rows": rows, "histories": histories, "retake": _retake(stored_results)},
    )


@account_required
@require_GET
def history(request: HttpRequest, instrument_id: str) -> HttpResponse:
    instrument = _instrument_or_404(instrument_id)
    own = store.of_instrument(store.all_results(person.of(request)), instrument.id)
    return render(
        request,
        "measure/history.html",
        {
            "card": presentation.card(instrument),
            "history": presentation.history(instrument, own) if own else None,
        },
    )
