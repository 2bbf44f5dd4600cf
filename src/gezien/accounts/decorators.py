"""Decorators every app uses for pages that need an account."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from gezien.accounts import sessions
from gezien.accounts.models import Account
from gezien.vault import person

PENDING_RECOVERY = "recovery_pending"
View = Callable[..., HttpResponse]


def account_required(view: View) -> View:
    """Logged in, with the data key available and the recovery code confirmed; the view
    reaches the person (and their data key) with `vault.person.of(request)`."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            query = {"next": request.path}
            if getattr(request, "session_expired", False):
                query["verlopen"] = "1"
            return redirect(f"{settings.LOGIN_URL}?{urlencode(query)}")
        if person.unlocked(request) is None:
            sessions.end(request)
            return redirect(f"{settings.LOGIN_URL}?verlopen=1")
        if PENDING_RECOVERY in request.session and view.__name__ not in (
            "recovery_code",
            "recovery_download",
        ):
            return redirect("accounts:recovery-code")
        return view(request, *args, **kwargs)

    return wrapper


def account_of(request: HttpRequest) -> Account:
    """The account of a page behind `account_required`, typed as Gezien's own."""
    assert isinstance(request.user, Account)
    return request.user


def recent_passphrase_required(view: View) -> View:
    """Sensitive actions ask for the passphrase again when it was entered a while ago."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not sessions.passphrase_is_recent(request):
            back = (
                request.path
                if request.method == "GET"
                else request.POST.get("back", reverse("accounts:home"))
            )
            return redirect(f"{reverse('accounts:confirm-passphrase')}?{urlencode({'next': back})}")
        return view(request, *args, **kwargs)

    return wrapper
