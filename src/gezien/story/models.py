from __future__ import annotations

from django.db import models

from gezien.vault.records import SealedRecord


class StoryPeriod(SealedRecord):
    """One period of the person's life story. Sealed: {"period": ..., "parts": {key: text}}.
    The period's name is sealed too, so the table does not show which periods a person
    wrote about: `slot` is an HMAC of the period under the owner's data key, unique per
    owner. `version` goes up with every save, to notice edits from two tabs."""

    KIND = "story-period"

    slot = models.CharField(max_length=64)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "slot"], name="one_record_per_story_period")]


class HelpQuestion(SealedRecord):
    """The help question builder's answers and the text. Sealed: {"answers": {...},
    "text": str, "edited": bool}. One per person."""

    KIND = "help-question"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_help_question_per_account")]
