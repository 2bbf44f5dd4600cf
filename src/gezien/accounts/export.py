"""'Export everything': each app that stores personal records registers a section.

A section is a function (account, data key) -> JSON-ready value. Erasing needs no registry:
every personal record has a foreign key to the account with on_delete=CASCADE."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone

from gezien.accounts.models import Account

Section = Callable[[Account, bytes], Any]
_sections: dict[str, Section] = {}


def register(name: str, section: Section) -> None:
    if name in _sections:
        raise ValueError(f"export section {name!r} registered twice")
    _sections[name] = section


def export_all(account: Account, data_key: bytes) -> dict[str, Any]:
    return {
        "format": "gezien-export",
        "version": 1,
        "exported_at": timezone.now().isoformat(),
        **{name: section(account, data_key) for name, section in sorted(_sections.items())},
    }


def account_section(account: Account, data_key: bytes) -> dict[str, Any]:
    from gezien.accounts import second_factor

    return {
        "username": account.username,
        "created_at": account.created_at.isoformat(),
        "credentials_changed_at": account.credentials_changed_at.isoformat()
        if account.credentials_changed_at
        else None,
        "second_step": second_factor.is_enabled(account),
        "sessions": [
            {"browser": s.browser, "started_at": s.started_at.isoformat(), "last_seen_at": s.last_seen_at.isoformat()}
            for s in account.sessions.all()
        ],
    }
