"""The help lines, read from helplines.toml beside this file and validated on load."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from gezien.lib import data
from gezien.lib.text import Text

FILE = Path(__file__).with_name("helplines.toml")
TEL = re.compile(r"[0-9]{3,12}")
_TEXTS = ("name", "hours", "cost", "for")
_FIELDS = (
    "id",
    "crisis",
    "phone",
    "tel",
    "alt_phone",
    "alt_tel",
    "chat_url",
    "chat_label",
    "source",
)


@dataclass(frozen=True)
class Line:
    id: str
    crisis: bool
    name: Text
    phone: str
    tel: str
    alt_phone: str
    alt_tel: str
    chat_url: str
    chat_label: str
    hours: Text
    cost: Text
    audience: Text
    source: str


@dataclass(frozen=True)
class Helplines:
    checked: datetime.date
    lines: tuple[Line, ...]


def _date(at: data.At, value: Any) -> datetime.date:
    if not isinstance(value, datetime.date):
        raise at.error("must be a date such as 2026-09-10")
    return value


def _tel(at: data.At, value: Any) -> str:
    if not TEL.fullmatch(str(value)):
        raise at.error("digits only")
    return str(value)


def _https(at: data.At, value: Any) -> str:
    url = data.line(at, value)
    if not url.startswith("https://"):
        raise at.error("must start with https://")
    return url


def _text(row: data.Table, key: str) -> Text:
    """One text for both languages (`name`), or one per language (`name_nl`, `name_en`)."""
    if row.has(key):
        same = row.value(key, data.line)
        return Text(same, same)
    return row.text_pair(key)


def parse(raw: dict[str, Any]) -> Helplines:
    optional = (
        *_TEXTS,
        *(f"{key}_{language}" for key in _TEXTS for language in ("nl", "en")),
        *_FIELDS,
    )
    top = data.Table(data.At(FILE.name), raw, ("checked", "lines"))
    ids = data.Unique()
    lines = []
    for row in top.tables("lines", ("id", "source"), optional):
        lines.append(
            Line(
                id=ids.add(row.at_key("id"), row.value("id", data.line)),
                crisis=bool(row.get("crisis", data.boolean)),
                name=_text(row, "name"),
                phone=row.get("phone", data.line) or "",
                tel=row.get("tel", _tel) or "",
                alt_phone=row.get("alt_phone", data.line) or "",
                alt_tel=row.get("alt_tel", _tel) or "",
                chat_url=row.get("chat_url", _https) or "",
                chat_label=row.get("chat_label", data.line) or "",
                hours=_text(row, "hours"),
                cost=_text(row, "cost"),
                audience=_text(row, "for"),
                source=row.value("source", data.line),
            )
        )
    if not {"113", "112"} <= set(ids):
        raise top.at_key("lines").error("113 and 112 must be listed")
    return Helplines(checked=top.value("checked", _date), lines=tuple(lines))


@cache
def load() -> Helplines:
    return parse(data.read_toml(FILE))


def crisis_lines() -> dict[str, Line]:
    return {line.id: line for line in load().lines if line.crisis}
