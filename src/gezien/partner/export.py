"""The partner app's part of 'export everything': what the person wrote for their partner,
and the notes kept after check-in conversations."""

from __future__ import annotations

from typing import Any

from gezien.partner import store
from gezien.vault.person import Person


def section(person: Person) -> dict[str, Any]:
    written = store.letter(person)
    return {
        "for_my_partner": {"texts": written.texts, "pages": list(written.pages)},
        "checkin_notes": [
            {
                "id": note.id,
                "held_on": note.held_on.isoformat(),
                "agreement": note.agreement,
                "statements": list(note.statements),
            }
            for note in store.notes(person)
        ],
    }
