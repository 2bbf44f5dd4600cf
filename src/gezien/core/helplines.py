"""The help lines, read from helplines.toml beside this file and validated on load."""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

FILE = Path(__file__).with_name("helplines.toml")
TEL = re.compile(r"^[0-9]{3,12}$")


class HelplineError(Exception):
    pass


@dataclass(frozen=True)
class Line:
    id: str
    crisis: bool
    names: dict[str, str]
    phone: str
    tel: str
    alt_phone: str
    alt_tel: str
    chat_url: str
    chat_label: str
    hours: dict[str, str]
    cost: dict[str, str]
    audience: dict[str, str]
    source: str

    def _pick(self, texts: dict[str, str]) -> str:
        return texts["en" if (get_language() or "nl").startswith("en") else "nl"]

    @property
    def name(self) -> str:
        return self._pick(self.names)

    @property
    def hours_text(self) -> str:
        return self._pick(self.hours)

    @property
    def cost_text(self) -> str:
        return self._pick(self.cost)

    @property
    def audience_text(self) -> str:
        return self._pick(self.audience)


@dataclass(frozen=True)
class Helplines:
    checked: datetime.date
    lines: tuple[Line, ...]


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise HelplineError(f"{FILE.name}: {where}.{key}: missing or empty")
    return value.strip()


def _pair(entry: dict, key: str, where: str) -> dict[str, str]:
    if key in entry:
        same = _text(entry, key, where)
        return {"nl": same, "en": same}
    return {lang: _text(entry, f"{key}_{lang}", where) for lang in ("nl", "en")}


def parse(data: dict) -> Helplines:
    checked = data.get("checked")
    if not isinstance(checked, datetime.date):
        raise HelplineError(f"{FILE.name}: checked: must be a date such as 2026-09-10")
    lines = []
    seen = set()
    for index, entry in enumerate(data.get("lines", [])):
        where = f"lines[{index}]"
        line_id = _text(entry, "id", where)
        if line_id in seen:
            raise HelplineError(f"{FILE.name}: {where}.id: {line_id!r} appears twice")
        seen.add(line_id)
        for key in ("tel", "alt_tel"):
            if key in entry and not TEL.match(str(entry[key])):
                raise HelplineError(f"{FILE.name}: {where}.{key}: digits only")
        if "chat_url" in entry and not str(entry["chat_url"]).startswith("https://"):
            raise HelplineError(f"{FILE.name}: {where}.chat_url: must start with https://")
        lines.append(
            Line(
                id=line_id,
                crisis=bool(entry.get("crisis", False)),
                names=_pair(entry, "name", where),
                phone=str(entry.get("phone", "")),
                tel=str(entry.get("tel", "")),
                alt_phone=str(entry.get("alt_phone", "")),
                alt_tel=str(entry.get("alt_tel", "")),
                chat_url=str(entry.get("chat_url", "")),
                chat_label=str(entry.get("chat_label", "")),
                hours=_pair(entry, "hours", where),
                cost=_pair(entry, "cost", where),
                audience=_pair(entry, "for", where),
                source=_text(entry, "source", where),
            )
        )
    ids = {line.id for line in lines}
    if not {"113", "112"} <= ids:
        raise HelplineError(f"{FILE.name}: lines: 113 and 112 must be listed")
    return Helplines(checked=checked, lines=tuple(lines))


@cache
def load() -> Helplines:
    with FILE.open("rb") as handle:
        return parse(tomllib.load(handle))


def crisis_lines() -> dict[str, Line]:
    return {line.id: line for line in load().lines if line.crisis}
