"""The journal's part of 'export everything' (see core.export)."""

from __future__ import annotations

from typing import Any

from gezien.journal.models import JournalEntry
from gezien.vault.person import Person


def section(person: Person) -> list[dict[str, Any]]:
    return [
        {
            "id": str(o.record.pk),
            "created_at": o.record.created_at.isoformat(),
            "updated_at": o.record.updated_at.isoformat(),
            **o.content,
        }
        for o in person.records(JournalEntry)
    ]
