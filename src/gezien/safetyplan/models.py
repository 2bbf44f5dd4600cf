from __future__ import annotations

from typing import Any

from django.db import models

from gezien.vault.person import Person
from gezien.vault.records import SealedRecord


class SafetyPlan(SealedRecord):
    """A person's safety plan: one per account. The sealed content is
    {"steps": {step id: [entry, ...]}}, as in plan.STEPS."""

    KIND = "safety-plan"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="one_safety_plan_per_account")
        ]


def export_section(person: Person) -> dict[str, Any] | None:
    plans = person.records(SafetyPlan)
    if not plans:
        return None
    return {**plans[0].content, "updated_at": plans[0].record.updated_at.isoformat()}
