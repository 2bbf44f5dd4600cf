"""Counting attempts, so that guessing (or probing names) slows down.

An attempt takes its place on its counters *before* any work is done: `reserve()` counts it
in one short transaction with the counter rows locked (a row lock on PostgreSQL; SQLite's
write lock, which Gezien takes at the start of every transaction). A hundred requests that
arrive together are therefore counted one after another, and only those within the limit
get to the Argon2id or database work. A place that is not released counts (a wrong guess, a
sign-up); the caller releases it when the secret was right.

Rules: a counter allows `free` attempts within WINDOW (from its first one); every attempt
beyond that blocks the counter for 2, 4, 8 … seconds, never longer than LONGEST_WAIT, so
nobody can lock someone else out for long. While a counter is blocked, attempts are refused
without any work. Counter keys are HMACs under SECRET_KEY: the table holds no usernames or
addresses."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from gezien.accounts import usernames
from gezien.accounts.models import Throttle

# Free attempts per counter within WINDOW.
ACCOUNT_FREE = 5  # wrong secrets per account name
CLIENT_FREE = 20  # wrong secrets per client address
SIGNUP_FREE = 10  # sign-ups per client address: new accounts and names that were taken
WINDOW = timedelta(minutes=15)
LONGEST_WAIT = timedelta(minutes=15)


@dataclass(frozen=True)
class Counter:
    key: str
    free: int


class Refused(Exception):
    """A counter is blocked; nothing was done. `seconds`: how long until the next try."""

    def __init__(self, seconds: int) -> None:
        super().__init__(seconds)
        self.seconds = seconds


def counter(scope: str, value: str, free: int) -> Counter:
    key = hmac.new(
        settings.SECRET_KEY.encode(), f"{scope}:{value}".encode(), hashlib.sha256
    ).hexdigest()
    return Counter(key, free)


def guessing(username: str, client: str) -> list[Counter]:
    """The counters a guess at someone's secret touches: per account name (the look-alike
    key, so variants of a name share it) and per client address."""
    try:
        name_key = usernames.skeleton(usernames.normalise(username))
    except usernames.UsernameError:
        name_key = username.casefold()
    return [counter("account", name_key, ACCOUNT_FREE), counter("client", client, CLIENT_FREE)]


def signing_up(client: str) -> list[Counter]:
    return [counter("signup", client, SIGNUP_FREE)]


@dataclass
class Reservation:
    counters: list[Counter]
    # The block this attempt set on a counter, to lift again when the place is released.
    blocks: dict[str, datetime] = field(default_factory=dict)

    def release(self, forget_first: bool = False) -> None:
        """The attempt succeeded: it no longer counts. `forget_first` clears the first
        counter altogether (the person proved they know the secret of that account)."""
        forget = self.counters[0].key if forget_first else None
        with transaction.atomic():
            # The same order as reserve(), so the two never wait for each other's rows.
            for item in sorted(self.counters, key=lambda c: c.key):
                rows = Throttle.objects.filter(key=item.key)
                if item.key == forget:
                    rows.delete()
                    continue
                rows.filter(failures__gt=0).update(failures=F("failures") - 1)
                if item.key in self.blocks:
                    rows.filter(blocked_until=self.blocks[item.key]).update(blocked_until=None)
                # A counter back at nothing is not kept: successful logins leave no rows.
                rows.filter(failures=0, blocked_until=None).delete()


def reserve(counters: list[Counter]) -> Reservation:
    """Count one attempt on every counter, or raise Refused (and count nothing) when one of
    them is blocked."""
    now = timezone.now()
    reservation = Reservation(counters)
    with transaction.atomic():
        # Always in the same order, so two requests never wait for each other's rows.
        rows = {}
        for item in sorted(counters, key=lambda c: c.key):
            rows[item.key], _ = Throttle.objects.select_for_update().get_or_create(
                key=item.key, defaults={"first_failure_at": now}
            )
        blocked = [
            row.blocked_until
            for row in rows.values()
            if row.blocked_until and row.blocked_until > now
        ]
        if blocked:
            raise Refused(int((max(blocked) - now).total_seconds()) + 1)
        for item in counters:
            row = rows[item.key]
            if now - row.first_failure_at > WINDOW:
                row.failures, row.first_failure_at = 0, now
            row.failures += 1
            over = row.failures - item.free
            if over > 0:
                row.blocked_until = now + min(timedelta(seconds=2 ** min(over, 20)), LONGEST_WAIT)
                reservation.blocks[item.key] = row.blocked_until
            row.save()
    return reservation


def forget_old() -> int:
    """Counters untouched for a day (run by `gezien manage prune`)."""
    deleted, _ = Throttle.objects.filter(
        first_failure_at__lt=timezone.now() - timedelta(days=1)
    ).delete()
    return deleted
