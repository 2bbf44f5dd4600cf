from __future__ import annotations

from gezien.vault.records import SealedRecord


class LadderStep(SealedRecord):
    """One situation on a person's practice ladder, with every try of it. Sealed:
    {"situation", "example", "expected", "position", "done", "pending", "tries": [...]}
    (see store.py); no clear column says anything about it, not even its place."""

    KIND = "ladder-step"
