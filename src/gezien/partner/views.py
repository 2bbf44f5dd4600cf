"""The partner's side of Gezien, from the person's account: what they write for their partner
(shared through the sharing app's links, audience "partner"), and the check-in conversation
for two on one device, which stores nothing unless the person keeps a note in their vault."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from gezien.accounts.decorators import account_required
from gezien.core import lookups
from gezien.drafts import service as drafts
from gezien.lib.text import current_language
from gezien.partner import checkin, forms, store
from gezien.partner.models import CheckinNote
from gezien.vault import person
from gezien.vault.records import owned_or_404


@sensitive_post_parameters()
@account_required
@require_http_methods(["GET", "POST"])
def write(request: HttpRequest) -> HttpResponse:
    me = person.of(request)
    written = store.letter(me)
    form = forms.LetterForm(
        request.POST or None, initial={**written.texts, "pages": list(written.pages)}
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            store.save_letter(me.account, me.data_key, form.written())
            messages.success(request, _("Saved. Only you can read it, until you share it."))
            return redirect("partner:write")
        status = 400
    return render(
        request,
        "partner/write.html",
        {"form": form, "has_text": bool(written.texts or written.pages)},
        status=status,
    )


# --- the check-in conversation -------------------------------------------------------------


def _names(data: dict[str, str]) -> tuple[str, str]:
    return (
        data.get("name_1", "").strip() or _("First person"),
        data.get("name_2", "").strip() or _("Second person"),
    )


def _visible(screen: int, last: int, turn: int, step: checkin.Step | None) -> set[str]:
    if screen == 0:
        return {"name_1", "name_2"}
    if screen == last:
        return {"keep_agreement", "keep_statements"}
    if step is not None and step.statement:
        return {f"{piece}_{turn}" for piece in checkin.PIECES}
    if step is not None and step.id == "agreement":
        return {"agreement"}
    return set()


def _conversation_page(
    request: HttpRequest,
    data: dict[str, str],
    screen: int,
    *,
    built: bool = False,
    form: forms.ConversationForm | None = None,
    status: int = 200,
) -> HttpResponse:
    screens = checkin.screens()
    last = len(screens) + 1
    current = screens[screen - 1] if 0 < screen < last else None
    step = current.step if current else None
    turn = current.turn if current else 0
    first, second = _names(data)
    speaker, listener = (first, second) if turn != 2 else (second, first)
    language = current_language()
    if form is None:
        form = forms.ConversationForm(initial={**data, "screen": screen})
    pieces = {p: data.get(f"{p}_{turn}", "") for p in checkin.PIECES}
    statements = [
        (name, checkin.sentence({p: data.get(f"{p}_{n}", "") for p in checkin.PIECES}, language))
        for n, name in ((1, first), (2, second))
    ]
    context = {
        "form": form,
        "screen": screen,
        "last": last,
        "step": step,
        "turn": turn,
        "speaker": speaker,
        "listener": listener,
        "visible": _visible(screen, last, turn, step),
        "built": checkin.sentence(pieces, language) if built else "",
        "hints": checkin.hints(pieces, language) if built else [],
        "statements": [(name, text) for name, text in statements if text],
        "agreement": data.get("agreement", "").strip(),
        "can_keep": screen == last and person.unlocked(request) is not None,
        "submit_token": uuid.uuid4(),
        "partner_page": lookups.library().page("voor-partners"),
    }
    return render(request, "partner/checkin.html", context, status=status)


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def conversation(request: HttpRequest) -> HttpResponse:
    """One screen after the other, each a POST carrying what was typed so far."""
    if request.method == "GET":
        return _conversation_page(request, {}, 0)
    form = forms.ConversationForm(request.POST)
    if not form.is_valid():
        if "screen" in form.errors or "action" in form.errors:
            messages.error(request, str(forms.WENT_WRONG))
            return _conversation_page(request, {}, 0, status=400)
        # Too long: the same screen again, with the message and what was typed.
        kept = {k: v for k, v in form.cleaned_data.items() if isinstance(v, str)}
        return _conversation_page(request, kept, form.cleaned_data["screen"], form=form, status=400)
    data = {k: v for k, v in form.cleaned_data.items() if isinstance(v, str)}
    screen, action = form.cleaned_data["screen"], form.cleaned_data["action"] or "next"
    last = len(checkin.screens()) + 1
    if action == "keep":
        return _keep(request, form, data, screen == last)
    if action == "build":
        return _conversation_page(request, data, screen, built=True)
    target = max(screen - 1, 0) if action == "back" else min(screen + 1, last)
    return _conversation_page(request, data, target)


def _keep(
    request: HttpRequest, form: forms.ConversationForm, data: dict[str, str], at_the_end: bool
) -> HttpResponse:
    me = person.unlocked(request)
    last = len(checkin.screens()) + 1
    if me is None or not at_the_end:
        messages.error(request, str(forms.WENT_WRONG))
        return _conversation_page(request, {}, 0, status=400)
    language = current_language()
    agreement = data.get("agreement", "").strip() if form.cleaned_data["keep_agreement"] else ""
    statements = []
    if form.cleaned_data["keep_statements"]:
        statements = [
            text for turn in (1, 2) if (text := checkin.sentence(form.pieces(turn), language))
        ]
    if not agreement and not statements:
        form.add_error(None, _("Tick what you want to keep, or close this page to keep nothing."))
        return _conversation_page(request, data, last, form=form, status=400)

    def save() -> str:
        store.keep_note(me.account, me.data_key, timezone.localdate(), agreement, statements)
        messages.success(request, _("Your note is kept in your vault. Only you can read it."))
        return reverse("partner:notes")

    return redirect(drafts.submit_once(request, save))


@account_required
@require_http_methods(["GET"])
def notes(request: HttpRequest) -> HttpResponse:
    return render(request, "partner/notes.html", {"notes": store.notes(person.of(request))})


@account_required
@require_http_methods(["GET", "POST"])
def note_delete(request: HttpRequest, pk: object) -> HttpResponse:
    record = owned_or_404(CheckinNote, request, pk)
    if request.method == "POST":
        record.delete()
        messages.success(request, _("The note is deleted."))
        return redirect("partner:notes")
    content = record.open_content(person.of(request).data_key)
    return render(request, "partner/note_delete.html", {"note": content, "pk": record.pk})
