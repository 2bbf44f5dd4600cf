from __future__ import annotations

import hashlib
import hmac
from typing import Any

from django.db import models

from gezien.vault.records import SealedRecord


def period_slot(data_key: bytes, period: str) -> str:
    """Where a period's record is found: an HMAC of the period under the data key."""
    return hmac.new(data_key, f"story-period:{period}".encode(), hashlib.sha256).hexdigest()


class StoryPeriod(SealedRecord):
    """One period of the person's life story. Sealed: {"period": ..., "parts": {key: text}}.
    The period's name is sealed too, so the table does not show which periods a person
    wrote about: `slot` is an HMAC of the period under the owner's data key, unique per
    owner. `version` goes up with every save, to notice edits from two tabs."""

    KIND = "story-period"

    slot = models.CharField(max_length=64)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "slot"], name="one_record_per_story_period")
        ]

    def keyed_columns(self, key: bytes, content: dict[str, Any]) -> dict[str, str]:
        return {"slot": period_slot(key, content["period"])}


class HelpQuestion(SealedRecord):
    """The help question builder's answers and the text. Sealed: {"answers": {...},
    "text": str, "edited": bool}. One per person."""

    KIND = "help-question"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="one_help_question_per_account")
        ]
