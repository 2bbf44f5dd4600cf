"""The tick boxes under "what helped" in the emotion journal, read from helpers.toml
beside this module and checked when loaded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gezien.lib import data
from gezien.lib.text import Text

DEFAULT_PATH = Path(__file__).with_name("helpers.toml")


@dataclass(frozen=True)
class Helper:
    id: str
    name: Text


def load(path: Path | str | None = None) -> tuple[Helper, ...]:
    top = data.load(path or DEFAULT_PATH, ("helpers",))
    ids = data.Unique()
    return tuple(
        Helper(ids.add(row.at_key("id"), row.value("id", data.ident)), row.text_pair())
        for row in top.tables("helpers", ("id", "nl", "en"))
    )
