"""Logged-in sessions: starting, expiring, listing and ending them."""

from __future__ import annotations

import logging
import re
import time
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from gezien.accounts.models import Account, SessionRecord
from gezien.accounts.services import Unlocked
from gezien.vault import session as vault_session

if TYPE_CHECKING:
    from gezien.accounts.decorators import AccountRequest

log = logging.getLogger("gezien.accounts")

AUTH_AT = "auth_at"
SEEN_AT = "seen_at"
PASSPHRASE_AT = "passphrase_at"
# How often the "last used" time is written: once a minute is precise enough for the
# person's session list and keeps writes off most requests.
TOUCH_EVERY = 60
# Set (to True) on a request whose session the middleware just ended because it expired.
EXPIRED = "session_expired"


def browser_summary(user_agent: str) -> str:
    """'Firefox op Android': enough to recognise a device, without storing the raw string."""
    browsers = [
        ("Edg", "Edge"),
        ("OPR", "Opera"),
        ("Firefox", "Firefox"),
        ("Chrome", "Chrome"),
        ("Chromium", "Chromium"),
        ("Safari", "Safari"),
    ]
    systems = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    browser = next((name for token, name in browsers if re.search(token, user_agent)), "")
    system = next((name for token, name in systems if token in user_agent), "")
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system or _("Unknown browser")


def start(request: HttpRequest, unlocked: Unlocked) -> None:
    """Log in: a new session id, the data key unlocked for it, and a line in the session
    list. Shows the notice when the credentials changed since the last login."""
    account = unlocked.account
    previous_login = account.last_login
    auth.login(request, account, backend="django.contrib.auth.backends.ModelBackend")
    vault_session.unlock(request, account.pk, unlocked.data_key)
    now = time.time()
    request.session[AUTH_AT] = request.session[SEEN_AT] = request.session[PASSPHRASE_AT] = now
    request.session.save()
    assert request.session.session_key is not None  # save() made one
    SessionRecord.objects.create(
        account=account,
        session_key=request.session.session_key,
        browser=browser_summary(request.headers.get("User-Agent", ""))[:80],
        last_seen_at=timezone.now(),
    )
    if account.credentials_changed_at and (
        previous_login is None or previous_login < account.credentials_changed_at
    ):
        messages.warning(
            request,
            _(
                "Your passphrase or recovery code was changed on %(date)s. Was that not you? "
                "Change your passphrase now and end all other sessions."
            )
            % {
                "date": timezone.localtime(account.credentials_changed_at).strftime(
                    "%d-%m-%Y %H:%M"
                )
            },
        )
    log.info("login ok id=%s", account.pk)


def keep_after_passphrase_change(request: AccountRequest) -> None:
    """Django ends every session of an account whose password hash changed; this one stays,
    with a new session id (its line in the session list follows)."""
    old_key = request.session.session_key
    auth.update_session_auth_hash(request, request.user)
    SessionRecord.objects.filter(session_key=old_key).update(
        session_key=request.session.session_key
    )


def end(request: HttpRequest) -> None:
    """Log out this browser: the session and its sealed data key are gone."""
    if request.session.session_key:
        SessionRecord.objects.filter(session_key=request.session.session_key).delete()
    auth.logout(request)


def end_others(account: Account, keep_session_key: str | None) -> int:
    records = SessionRecord.objects.filter(account=account).exclude(
        session_key=keep_session_key or ""
    )
    ended = 0
    for record in records:
        SessionStore(session_key=record.session_key).delete()
        record.delete()
        ended += 1
    log.info("sessions ended id=%s count=%d", account.pk, ended)
    return ended


def end_one(record: SessionRecord) -> None:
    SessionStore(session_key=record.session_key).delete()
    record.delete()


def expired(request: HttpRequest) -> bool:
    now = time.time()
    auth_at: float = request.session.get(AUTH_AT, 0)
    seen_at: float = request.session.get(SEEN_AT, 0)
    return (
        now - seen_at > settings.SESSION_IDLE_SECONDS
        or now - auth_at > settings.SESSION_MAX_SECONDS
    )


def touch(request: HttpRequest, force: bool = False) -> None:
    now = time.time()
    if force or now - request.session.get(SEEN_AT, 0) >= TOUCH_EVERY:
        request.session[SEEN_AT] = now
        SessionRecord.objects.filter(session_key=request.session.session_key).update(
            last_seen_at=timezone.now()
        )


def renew_id(request: HttpRequest) -> None:
    """A new session id after the passphrase was entered again (its line follows)."""
    old_key = request.session.session_key
    request.session.cycle_key()
    SessionRecord.objects.filter(session_key=old_key).update(
        session_key=request.session.session_key
    )


def passphrase_is_recent(request: HttpRequest) -> bool:
    entered_at: float = request.session.get(PASSPHRASE_AT, 0)
    return time.time() - entered_at <= settings.REAUTH_SECONDS


def passphrase_entered(request: HttpRequest) -> None:
    request.session[PASSPHRASE_AT] = time.time()
