"""The safety plan's part of 'export everything' (see core.export)."""

from __future__ import annotations

from typing import Any

from gezien.safetyplan.models import SafetyPlan
from gezien.vault.person import Person


def section(person: Person) -> dict[str, Any] | None:
    plans = person.records(SafetyPlan)
    if not plans:
        return None
    return {**plans[0].content, "updated_at": plans[0].record.updated_at.isoformat()}
