"""Keeping the data key usable while logged in, without ever storing it in the clear.

At login the data key is sealed with a fresh random key that lives only in an HttpOnly
cookie of its own; the session (in the database) holds only the sealed data key. A copy of
the database, sessions included, therefore reveals nothing; logging out or an expired
session removes the sealed key and the cookie is useless on its own."""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gezien.vault import crypto

log = logging.getLogger("gezien.vault")
SESSION_FIELD = "vault"
# Where vault.person keeps this request's Person; dropped whenever the key changes.
PERSON = "_vault_person"
# Where this request keeps its opened data key, and a new cookie key for the middleware to set.
KEY = "_vault_key"
NEW_COOKIE = "_vault_cookie"
COOKIE = "__Host-gezien-vault" if settings.BEHIND_TLS else "gezien-vault"


class Locked(Exception):
    """The data key is not available (not logged in, session expired, cookie missing)."""


def _aad(account_id: object) -> bytes:
    return crypto.wrap_aad(account_id, "session")


def unlock(request: HttpRequest, account_id: object, data_key: bytes) -> None:
    """Make the data key available for this session; the middleware sets the cookie.
    `account_id` is the logged-in account, or the one halfway through a second step."""
    cookie_key = crypto.new_key()
    sealed = crypto.seal(cookie_key, data_key, _aad(account_id))
    request.session[SESSION_FIELD] = base64.b64encode(sealed).decode()
    request.session[SESSION_FIELD + "_for"] = str(account_id)
    setattr(request, NEW_COOKIE, cookie_key)
    setattr(request, KEY, data_key)
    request.__dict__.pop(PERSON, None)


def lock(request: HttpRequest) -> None:
    request.session.pop(SESSION_FIELD, None)
    request.session.pop(SESSION_FIELD + "_for", None)
    setattr(request, KEY, None)
    request.__dict__.pop(PERSON, None)


def data_key(request: HttpRequest) -> bytes:
    """The person's data key for this request, or Locked."""
    cached: bytes | None = getattr(request, KEY, None)
    if cached is not None:
        return cached
    sealed = request.session.get(SESSION_FIELD)
    account_id = request.session.get(SESSION_FIELD + "_for")
    cookie = request.COOKIES.get(COOKIE)
    if not sealed or not cookie or not account_id:
        raise Locked
    logged_in_as = request.session.get("_auth_user_id")
    if logged_in_as is not None and logged_in_as != account_id:
        raise Locked
    try:
        cookie_key = base64.urlsafe_b64decode(cookie.encode())
        key = crypto.open_sealed(cookie_key, base64.b64decode(sealed), _aad(account_id))
    except (ValueError, crypto.VaultError):
        raise Locked from None
    setattr(request, KEY, key)
    return key


class VaultCookieMiddleware:
    """Sets the cookie half of the key after login, drops it after logout, and turns a
    record that does not open (tampered or moved) into a calm error page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        new_cookie: bytes | None = getattr(request, NEW_COOKIE, None)
        if new_cookie is not None:
            response.set_cookie(
                COOKIE,
                base64.urlsafe_b64encode(new_cookie).decode(),
                httponly=True,
                secure=settings.BEHIND_TLS,
                samesite="Lax",
            )
        elif COOKIE in request.COOKIES and SESSION_FIELD not in request.session:
            response.delete_cookie(COOKIE, samesite="Lax")
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, crypto.VaultError):
            log.warning("a sealed value did not open: %s", exception)
            return render(request, "core/error.html", {"status": 500, "vault": True}, status=500)
        return None
