"""The exercise ratings' part of 'export everything' (see core.export)."""

from __future__ import annotations

from typing import Any

from gezien.exercises.models import ExerciseRating
from gezien.vault.person import Person


def section(me: Person) -> list[dict[str, Any]]:
    return [
        {"created_at": rating.record.created_at.isoformat(), **rating.content}
        for rating in me.records(ExerciseRating)
    ]
