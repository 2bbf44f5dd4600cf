"""The account's own part of 'export everything' (core.export): its name, dates, whether
a second step is on, and its sessions."""

from __future__ import annotations

from typing import Any

from gezien.accounts import second_factor
from gezien.vault.person import Person


def account_section(person: Person) -> dict[str, Any]:
    account = person.account
    return {
        "username": account.username,
        "created_at": account.created_at.isoformat(),
        "credentials_changed_at": account.credentials_changed_at.isoformat()
        if account.credentials_changed_at
        else None,
        "second_step": second_factor.is_enabled(account),
        "sessions": [
            {
                "browser": s.browser,
                "started_at": s.started_at.isoformat(),
                "last_seen_at": s.last_seen_at.isoformat(),
            }
            for s in account.sessions.all()
        ],
    }
