from __future__ import annotations

from django.db import models

from gezien.vault.records import SealedRecord


class PartnerLetter(SealedRecord):
    """What a person wrote for their partner, one per account. Sealed:
    {"texts": {part id: text}, "pages": [library page id, ...]} (parts as in letter.toml).
    Nothing of it reaches a partner unless the person shares chosen parts through a link."""

    KIND = "partner-letter"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="one_partner_letter_per_account")
        ]


class CheckinNote(SealedRecord):
    """A note a person chose to keep after a check-in conversation. Sealed:
    {"held_on": ISO date, "agreement": text, "statements": [text, ...]}."""

    KIND = "checkin-note"

    class Meta:
        ordering = ["-created_at"]
