from __future__ import annotations

from django.db import models

from gezien.vault.records import SealedRecord


class JournalEntry(SealedRecord):
    """One journal entry. Everything the person wrote or chose, the day it is about
    included, is in the sealed content; `version` goes up with every edit, so a save
    from an older page (another tab) is noticed instead of overwriting."""

    KIND = "journal-entry"

    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at"]
