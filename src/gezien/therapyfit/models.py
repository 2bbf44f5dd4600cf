from __future__ import annotations

from gezien.vault.records import SealedRecord


class SessionReflection(SealedRecord):
    """A reflection after one therapy session (the klik-check). Sealed: {"date", "click",
    "points": {point id: answer}, "with_whom", "note"}; nothing is in a clear column."""

    KIND = "session-reflection"
