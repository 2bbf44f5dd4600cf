"""The klik-check's part of 'export everything' (see core.export): every reflection."""

from __future__ import annotations

from typing import Any

from gezien.therapyfit import store
from gezien.vault.person import Person


def section(person: Person) -> list[dict[str, Any]]:
    return [
        {"id": session.id, "written_at": session.created, **store.content_of(session)}
        for session in store.sessions(person)
    ]
