from __future__ import annotations

from django.db import models

from gezien.vault.records import SealedRecord


class CheckupPlan(SealedRecord):
    """What a person's check-up holds and how often: one per account. Sealed:
    {"questionnaires": [id, ...], "reflections": bool, "every_weeks": n}."""

    KIND = "checkup-plan"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="one_checkup_plan_per_account")
        ]


class Checkup(SealedRecord):
    """One check-up, started from the plan of that moment. Sealed: when it started and
    ended, and per part what became of it (see store.py). The questionnaires' answers are
    the measure app's results; this record holds their ids and the reflections."""

    KIND = "checkup"

    class Meta:
        ordering = ["created_at"]
