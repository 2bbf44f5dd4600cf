"""What other apps' views use from the drafts app: the conflict page, the page that keeps
words typed after a session ended (`keep_words_on_expiry`), and the too-long message. The
drafts app's own endpoints (views.py) use the same pieces."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from gezien.accounts import sessions
from gezien.drafts import service
from gezien.drafts.service import Fields, FormRef, TooLong
from gezien.vault import person

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

P = ParamSpec("P")


def wants_json(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def time_of(moment: datetime.datetime | None) -> str:
    return formats.time_format(timezone.localtime(moment), "H:i") if moment else ""


def unlocked_for(request: HttpRequest, ref: FormRef) -> bool:
    """True when the account that opened the page is logged in and its key is usable.
    A logged-in session whose key is gone is ended, as account_required does."""
    if not request.user.is_authenticated:
        return False
    if person.unlocked(request) is None:
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
        return (
            _(
                "This is too long to keep: at most %(limit)s characters in all, and this has "
                "%(length)s. Nothing was saved. Make it shorter, or split it in parts."
            )
            % numbers
        )
    return (
        _(
            "This is too long to keep: at most %(limit)s characters per part, and this has "
            "%(length)s. Nothing was saved. Make it shorter, or split it in parts."
        )
        % numbers
    )


def _rows(ref: FormRef, mine: Fields, theirs: Fields) -> list[dict[str, Any]]:
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


def conflict_context(
    request: HttpRequest,
    ref: FormRef,
    mine: Fields,
    theirs: service.Saved | Fields,
    base_version: int,
) -> dict[str, Any]:
    saved_at = theirs.saved_at if isinstance(theirs, service.Saved) else None
    fields = theirs.fields if isinstance(theirs, service.Saved) else theirs
    return {
        "ref": ref,
        "key_token": ref.sign(),
        "base_version": base_version,
        "rows": _rows(ref, mine, fields),
        "saved_at": time_of(saved_at),
    }


def conflict_page(
    request: HttpRequest,
    ref: FormRef,
    mine: Fields,
    theirs: service.Saved | Fields,
    base_version: int,
) -> HttpResponse:
    """The full page that shows two versions side by side and lets the person choose.
    Apps use it when a save of a record (not a draft) finds a newer version: `theirs` is
    the saved record as form fields, `base_version` the current draft version."""
    return render(
        request,
        "drafts/conflict.html",
        conflict_context(request, ref, mine, theirs, base_version),
        status=409,
    )


def expired(
    request: HttpRequest, ref: FormRef, typed: Fields, replace: list[str] | None, version: int
) -> HttpResponse:
    """The session ended (or another account logged in) before this text was saved."""
    other_account = request.user.is_authenticated
    response: HttpResponse
    if wants_json(request):
        response = JsonResponse(
            {
                "status": "expired",
                "message": _("Another account is logged in here. Your text is still on this page.")
                if other_account
                else _(
                    "You were logged out because nothing happened for a while. Your text is still "
                    "on this page. Log in again in a new tab; after that we keep saving here."
                ),
                "login_url": login_url(),
                "login_label": _("Log in again (opens a new tab)"),
            },
            status=401,
        )
    else:
        response = render(
            request,
            "drafts/expired.html",
            {"shown": shown(ref, typed), "login_url": login_url(), "other_account": other_account},
            status=401,
        )
    try:
        fields = service.clean(ref.form_key, typed)
    except TooLong:
        fields = {}
    if not other_account and fields:
        service.stash(request, response, ref, fields, replace, version)
    return response


def shown(ref: FormRef, fields: Fields) -> list[tuple[StrOrPromise, str]]:
    """The typed text as (label, text) pairs, to show it back so it can be copied."""
    kind = service.kind_of(ref.form_key)
    return [
        (label, kind.describe(name, values))
        for name, values in fields.items()
        if name not in kind.hidden
        and (label := kind.label(name)) is not None
        and any(v.strip() for v in values)
    ]


def keep_words_on_expiry(
    view: Callable[Concatenate[HttpRequest, P], HttpResponse],
) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
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
    def wrapper(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if request.method == "POST":
            ref = service.unsign(request.POST.get("draft_key", ""))
            if ref is not None and not unlocked_for(request, ref):
                return expired(
                    request,
                    ref,
                    service.from_post(request.POST),
                    posted_replace(request),
                    posted_version(request),
                )
        return view(request, *args, **kwargs)

    return wrapper


def posted_replace(request: HttpRequest) -> list[str] | None:
    names = request.POST.get("draft_fields", "").split()
    return names or None


def posted_version(request: HttpRequest, name: str = "draft_version") -> int:
    """A version number a form sent back; 0 when it is missing or not a number."""
    try:
        return max(0, int(request.POST.get(name, "0")))
    except ValueError:
        return 0
