"""Small helpers shared by the measure tests."""

from __future__ import annotations

import re
from collections.abc import Sequence

from gezien.measure.definitions import Instrument


def in_order(instrument: Instrument, values: Sequence[int | None]) -> dict[str, int | None]:
    """Answers given in published item order; items after the last value stay unanswered."""
    assert len(values) <= len(instrument.items), "more values than items"
    return {item.id: value for item, value in zip(instrument.items, values, strict=False)}


def plain(html: str) -> str:
    """What a person reads on a page: tags out, whitespace folded, no space before punctuation."""
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return re.sub(r" ([:;,.)])", r"\1", text)
