from __future__ import annotations

from typing import Any

from gezien.vault.records import SealedRecord


class Reflection(SealedRecord):
    """A reflection the person chose to keep. The sealed content is
    {"statements": [statement id, ...], "kept_at": ISO time}; nothing is in a clear column."""

    KIND = "reflection"


def export_section(account, data_key: bytes) -> list[dict[str, Any]]:
    return [
        record.open_content(data_key)
        for record in Reflection.objects.filter(owner=account).order_by("created_at")
    ]
