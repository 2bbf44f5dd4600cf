"""Decorators every app uses for pages that need an account."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar, cast
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from gezien.accounts import sessions
from gezien.accounts.models import Account
from gezien.vault import person

PENDING_RECOVERY = "recovery_pending"
P = ParamSpec("P")
Request = TypeVar("Request", bound=HttpRequest)


class AccountRequest(HttpRequest):
    """The request a view behind `account_required` receives, for the type checker: its
    user is an account, never the anonymous user. Never made; only annotates."""

    user: Account


def account_required(
    view: Callable[Concatenate[AccountRequest, P], HttpResponse],
) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Logged in, with the data key available and the recovery code confirmed; the view
    reaches the person (and their data key) with `vault.person.of(request)`."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            query = {"next": request.path}
            if getattr(request, sessions.EXPIRED, False):
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
        # Logged in (checked above), so the user is an account.
        return view(cast(AccountRequest, request), *args, **kwargs)

    return wrapper


def recent_passphrase_required(
    view: Callable[Concatenate[Request, P], HttpResponse],
) -> Callable[Concatenate[Request, P], HttpResponse]:
    """Sensitive actions ask for the passphrase again when it was entered a while ago."""

    @functools.wraps(view)
    def wrapper(request: Request, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if not sessions.passphrase_is_recent(request):
            back = (
                request.path
                if request.method == "GET"
                else request.POST.get("back", reverse("accounts:home"))
            )
            return redirect(f"{reverse('accounts:confirm-passphrase')}?{urlencode({'next': back})}")
        return view(request, *args, **kwargs)

    return wrapper
