"""The story app's part of 'export everything': the story and the help question."""

from __future__ import annotations

from typing import Any

from gezien.story import store
from gezien.vault.person import Person


def section(person: Person) -> dict[str, Any]:
    periods = store.all_periods(person)
    return {
        "story": {key: written.parts for key, written in periods.items() if not written.is_empty},
        "help_question": store.help_question(person),
    }
