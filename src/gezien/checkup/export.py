"""The check-up's part of 'export everything': the plan and every check-up with its
reflections. The questionnaires' answers are in the measure app's part, under the result
ids that each check-up names."""

from __future__ import annotations

from typing import Any

from gezien.checkup import store
from gezien.vault.person import Person


def section(person: Person) -> dict[str, Any]:
    chosen = store.plan(person)
    return {
        "plan": chosen.as_content() if chosen else None,
        "checkups": [{"id": t.id, **t.as_content()} for t in store.all_checkups(person)],
    }
