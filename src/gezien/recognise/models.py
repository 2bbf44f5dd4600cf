from __future__ import annotations

from gezien.vault.records import SealedRecord


class Reflection(SealedRecord):
    """A reflection the person chose to keep. The sealed content is
    {"statements": [statement id, ...], "kept_at": ISO time}; nothing is in a clear column."""

    KIND = "reflection"
