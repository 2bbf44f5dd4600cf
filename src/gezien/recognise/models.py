from __future__ import annotations

from typing import Any

from gezien.vault.person import Person
from gezien.vault.records import SealedRecord


class Reflection(SealedRecord):
    """A reflection the person chose to keep. The sealed content is
    {"statements": [statement id, ...], "kept_at": ISO time}; nothing is in a clear column."""

    KIND = "reflection"


def export_section(person: Person) -> list[dict[str, Any]]:
    return [opened.content for opened in person.records(Reflection)]
