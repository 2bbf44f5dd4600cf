"""The endpoints behind autosave: save (JavaScript or the "Save draft" button), choose
between two versions, discard, the login check, and getting stashed text back."""

from __future__ import annotations

import functools
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_POST

from gezien.accounts import sessions
from gezien.accounts.decorators import account_required
from gezien.drafts import service
from gezien.drafts.service import Conflict, Fields, FormRef, TooLong
from gezien.vault import session as vault_session


def _wants_json(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def _time(moment) -> str:
    return formats.time_format(timezone.localtime(moment), "H:i") if moment else ""


def _unlocked_for(request: HttpRequest, ref: FormRef) -> bool:
    """True when the account that opened the page is logged in and its key is usable.
    A logged-in session whose key is gone is ended, as account_required does."""
    if not request.user.is_authenticated:
        return False
    try:
        request.data_key = vault_session.data_key(request)
    except vault_session.Locked:
        sessions.end(request)
        return False
    return str(request.user.pk) == ref.owner


def login_url() -> str:
    return f"{settings.LOGIN_URL}?{urlencode({'next': reverse('drafts:restore'), 'verlopen': '1'})}"


def too_long_message(error: TooLong) -> str:
    numbers = {
        "limit": formats.number_format(error.limit, force_grouping=True),
        "length": formats.number_format(error.length, force_grouping=True),
    }
    if error.name is None:
        return _("This is too long to keep: at most %(limit)s characters in all, and this has %(length)s. "
                 "Nothing was saved. Make it shorter, or split it in parts.") % numbers
    return _("This is too long to keep: at most %(limit)s characters per part, and this has %(length)s. "
             "Nothing was saved. Make it shorter, or split it in parts.") % numbers


def _rows(ref: FormRef, mine: Fields, theirs: Fields) -> list[dict]:
    """One row per field of either version; `differs` rows get a choice."""
    kind = service.kind_of(ref.form_key)
    rows = []
    for name in sorted(set(mine) | set(theirs)):
        a, b = mine.get(name, []), theirs.get(name, [])
        if name in kind.hidden:
            rows.append({"name": name, "hidden": True, "mine": b, "theirs": b})
            continue
        rows.append(
            {
                "name": name,
                "label": kind.label(name),
                "differs": a != b,
                "mode": kind.mode(name),
                "mine": a,
                "theirs": b,
                "mine_text": kind.describe(name, a),
                "theirs_text": kind.describe(name, b),
            }
        )
    rows.sort(key=lambda row: not row.get("differs", False))
    return rows


def conflict_context(request: HttpRequest, ref: FormRef, mine: Fields, theirs: service.Saved | Fields, base_version: int) -> dict:
    saved_at = theirs.saved_at if isinstance(theirs, service.Saved) else None
    fields = theirs.fields if isinstance(theirs, service.Saved) else theirs
    return {"ref": ref, "key_token": ref.sign(), "base_version": base_version, "rows": _rows(ref, mine, fields), "saved_at": _time(saved_at)}


def conflict_page(request: HttpRequest, ref: FormRef, mine: Fields, theirs: service.Saved | Fields, base_version: int) -> HttpResponse:
    """The full page that shows two versions side by side and lets the person choose.
    Apps use it when a save of a record (not a draft) finds a newer version: `theirs` is
    the saved record as form fields, `base_version` the current draft version."""
    return render(request, "drafts/conflict.html", conflict_context(request, ref, mine, theirs, base_version), status=409)


def _expired(request: HttpRequest, ref: FormRef, typed: Fields, replace: list[str] | None, version: int) -> HttpResponse:
    """The session ended (or another account logged in) before this text was saved."""
    other_account = request.user.is_authenticated
    if _wants_json(request):
        response = JsonResponse(
            {
                "status": "expired",
                "message": _("Another account is logged in here. Your text is still on this page.")
                if other_account
                else _("You were logged out because nothing happened for a while. Your text is still on this page. "
                       "Log in again in a new tab; after that we keep saving here."),
                "login_url": login_url(),
                "login_label": _("Log in again (opens a new tab)"),
            },
            status=401,
        )
    else:
        response = render(
            request, "drafts/expired.html",
            {"shown": _shown(ref, typed), "login_url": login_url(), "other_account": other_account},
            status=401,
        )
    try:
        fields = service.clean(ref.form_key, typed)
    except TooLong:
        fields = {}
    if not other_account and fields:
        service.stash(request, response, ref, fields, replace, version)
    return response


def _shown(ref: FormRef, fields: Fields) -> list[tuple[str, str]]:
    """The typed text as (label, text) pairs, to show it back so it can be copied."""
    kind = service.kind_of(ref.form_key)
    return [
        (kind.label(name), kind.describe(name, values))
        for name, values in fields.items()
        if name not in kind.hidden and kind.label(name) is not None and any(v.strip() for v in values)
    ]


def _too_long(request: HttpRequest, ref: FormRef, error: TooLong, fields: Fields) -> HttpResponse:
    return render(
        request, "drafts/too_long.html",
        {"message": too_long_message(error), "back": ref.return_url, "shown": _shown(ref, fields)},
        status=413,
    )


def keep_words_on_expiry(view):
    """Put this OUTSIDE account_required on every view that receives a form with
    `{% include "drafts/form_state.html" %}`.

    When such a form is submitted after the session ended, a plain login redirect would
    throw the typed text away: the data key left with the session, so the text cannot be
    sealed for the account, and a login form that carried the text would need a second
    copy of the login (and second step) logic. Instead the text is stashed, sealed with a
    one-off key kept in an HttpOnly cookie (see service.stash), and the page shows the
    text (so it can be copied) with a link to log in. After login the person lands on
    drafts:restore, which turns the stash into the form's draft and returns to the form.
    Nothing readable is stored, and nothing is kept in browser storage."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST":
            ref = service.unsign(request.POST.get("draft_key", ""))
            if ref is not None and not _unlocked_for(request, ref):
                return _expired(request, ref, service.from_post(request.POST), _replace(request), _version(request))
        return view(request, *args, **kwargs)

    return wrapper


def _replace(request: HttpRequest) -> list[str] | None:
    names = request.POST.get("draft_fields", "").split()
    return names or None


def _version(request: HttpRequest) -> int:
    try:
        return max(0, int(request.POST.get("draft_version", "0")))
    except ValueError:
        return 0


def _bad(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"status": "invalid", "message": _("This page is too old. Reload it; your saved text comes back.")}, status=400)
    return render(request, "core/error.html", {"status": 400}, status=400)


@sensitive_post_parameters()
@require_POST
def save(request: HttpRequest) -> HttpResponse:
    ref = service.unsign(request.POST.get("draft_key", ""))
    if ref is None:
        return _bad(request)
    fields, replace, version = service.from_post(request.POST), _replace(request), _version(request)
    if not _unlocked_for(request, ref):
        return _expired(request, ref, fields, replace, version)
    target = service.submitted(request)
    if target is not None:
        if _wants_json(request):
            return JsonResponse({"status": "submitted", "message": _("This was saved already.")})
        return redirect(target)
    try:
        saved = service.save(request, ref.form_key, fields, version, replace)
    except TooLong as error:
        if _wants_json(request):
            return JsonResponse({"status": "too-long", "message": too_long_message(error)}, status=413)
        return _too_long(request, ref, error, fields)
    except Conflict as conflict:
        context = conflict_context(request, ref, conflict.mine, conflict.theirs, conflict.theirs.version)
        if _wants_json(request):
            panel = render_to_string("drafts/conflict_panel.html", context, request)
            return JsonResponse(
                {"status": "conflict", "message": _("This text was also changed somewhere else. Choose what to keep."), "panel": panel},
                status=409,
            )
        return render(request, "drafts/conflict.html", context, status=409)
    message = _("Draft saved at %(time)s.") % {"time": _time(saved.saved_at or timezone.now())}
    if _wants_json(request):
        return JsonResponse({"status": "saved", "version": saved.version, "message": message})
    messages.success(request, message)
    return redirect(ref.return_url)


def _choose(choice: str, mine: list[str], theirs: list[str], mode: str) -> list[str]:
    if choice == "theirs":
        return theirs
    if choice == "both" and mode == "text":
        return ["\n\n".join(v for v in (mine[:1] + theirs[:1]) if v)]
    if choice == "both" and mode == "list":
        return mine + [v for v in theirs if v not in mine]
    return mine


@sensitive_post_parameters()
@require_POST
def resolve(request: HttpRequest) -> HttpResponse:
    """The person chose between two versions: save the result as the draft and go back
    to the form, where it is filled in."""
    ref = service.unsign(request.POST.get("draft_key", ""))
    if ref is None:
        return _bad(request)
    kind = service.kind_of(ref.form_key)
    names = {key.split(":", 1)[1] for key in request.POST if key.startswith(("mine:", "theirs:"))}
    result: Fields = {}
    for name in names:
        mine, theirs = request.POST.getlist(f"mine:{name}"), request.POST.getlist(f"theirs:{name}")
        choice = "theirs" if name in kind.hidden else request.POST.get(f"choice:{name}", "mine")
        result[name] = _choose(choice, mine, theirs, kind.mode(name))
    if not _unlocked_for(request, ref):
        return _expired(request, ref, result, None, _version_of(request, "base_version"))
    try:
        service.save(request, ref.form_key, result, _version_of(request, "base_version"))
    except TooLong as error:
        return _too_long(request, ref, error, result)
    except Conflict as conflict:
        return conflict_page(request, ref, conflict.mine, conflict.theirs, conflict.theirs.version)
    messages.success(request, _("Your choice is saved. Check the text below, then save it."))
    return redirect(ref.return_url)


def _version_of(request: HttpRequest, name: str) -> int:
    try:
        return max(0, int(request.POST.get(name, "0")))
    except ValueError:
        return 0


@require_POST
@account_required
def discard(request: HttpRequest) -> HttpResponse:
    ref = service.unsign(request.POST.get("draft_key", ""))
    if ref is None or ref.owner != str(request.user.pk):
        return _bad(request)
    service.discard(request, ref.form_key)
    messages.success(request, _("The draft is thrown away."))
    return redirect(ref.return_url)


@require_GET
def status(request: HttpRequest) -> HttpResponse:
    """For the autosave script after a session ended: is the person logged in again (in
    another tab), and the new form token that came with that login."""
    logged_in = request.user.is_authenticated
    if logged_in:
        try:
            vault_session.data_key(request)
        except vault_session.Locked:
            logged_in = False
    return JsonResponse({"logged_in": logged_in, "csrf": get_token(request)})


@account_required
def restore(request: HttpRequest) -> HttpResponse:
    """Where the login after an ended session leads: the stashed text becomes the form's
    draft (or, when the draft changed meanwhile, the person chooses)."""
    stashed = service.take_stash(request)
    response: HttpResponse
    if stashed is None:
        response = redirect("accounts:home")
    else:
        ref, fields, replace, version = stashed
        try:
            service.save(request, ref.form_key, fields, version, replace)
        except Conflict as conflict:
            response = conflict_page(request, ref, conflict.mine, conflict.theirs, conflict.theirs.version)
        except TooLong:
            response = redirect(ref.return_url)
        else:
            messages.success(request, _("Your text is back. Check it, then save it."))
            response = redirect(ref.return_url)
    response.delete_cookie(service.STASH_COOKIE, samesite="Lax")
    return response
