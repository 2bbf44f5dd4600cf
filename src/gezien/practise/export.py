"""The practice ladder's part of 'export everything' (see core.export): every step with its
tries, in the ladder's order."""

from __future__ import annotations

from typing import Any

from gezien.practise import store
from gezien.vault.person import Person


def section(person: Person) -> list[dict[str, Any]]:
    return [{"id": step.id, **store.content_of(step)} for step in store.steps(person)]
