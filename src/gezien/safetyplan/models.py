from __future__ import annotations

from django.db import models

from gezien.vault.records import SealedRecord


class SafetyPlan(SealedRecord):
    """A person's safety plan: one per account. The sealed content is
    {"steps": {step id: [entry, ...]}}, as in plan.STEPS."""

    KIND = "safety-plan"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="one_safety_plan_per_account")
        ]
