"""The person a request is for: their account, the data key that opens their records, and
those records, each kind opened at most once per request.

A page behind `account_required` calls `of(request)`; a page that also works without an
account calls `unlocked(request)`. The contracts in `core` (export, summary) hand the same
Person to every app, so the summary's providers and the page around them open every record
once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

from gezien.vault import session
from gezien.vault.records import Opened, Record, open_all

if TYPE_CHECKING:
    # django-stubs' name for the AUTH_USER_MODEL (its plugin resolves it to the account
    # model), so the vault can say "the account" without importing the accounts app.
    from django.contrib.auth.models import _User


class Person:
    def __init__(self, account: _User, data_key: bytes) -> None:
        self.account = account
        self.data_key = data_key
        self._opened: dict[type[Any], tuple[Opened[Any], ...]] = {}

    def records(self, model: type[Record]) -> tuple[Opened[Record], ...]:
        """Every record of this kind, opened (oldest first). For reading: a page that
        stores something redirects, and the next request reads it afresh."""
        if model not in self._opened:
            self._opened[model] = open_all(model, self.account, self.data_key)
        return self._opened[model]


def unlocked(request: HttpRequest) -> Person | None:
    """The logged-in person whose vault is open, or None."""
    cached: Person | None = getattr(request, session.PERSON, None)
    if cached is not None:
        return cached
    if not request.user.is_authenticated:
        return None
    try:
        key = session.data_key(request)
    except session.Locked:
        return None
    person = Person(request.user, key)
    setattr(request, session.PERSON, person)
    return person


def of(request: HttpRequest) -> Person:
    """The person of a page behind `account_required` (which ensures there is one)."""
    person = unlocked(request)
    if person is None:
        raise session.Locked
    return person
