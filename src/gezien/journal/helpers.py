"""The tick boxes under "what helped" in the emotion journal, read from helpers.toml
beside this module and checked when loaded."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PATH = Path(__file__).with_name("helpers.toml")
_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$")
_FIELDS = ("id", "nl", "en")


class HelpersError(ValueError):
    """helpers.toml is missing, unreadable or breaks a rule."""


@dataclass(frozen=True)
class Helper:
    id: str
    nl: str
    en: str


def load(path: Path | str | None = None) -> tuple[Helper, ...]:
    path = Path(path) if path is not None else DEFAULT_PATH

    def error(field: str, problem: str) -> HelpersError:
        return HelpersError(f"{path.name}: {field}: {problem}" if field else f"{path.name}: {problem}")

    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise error("", f"cannot be read ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise error("", f"is not valid TOML ({exc})") from exc
    unknown = set(data) - {"helpers"}
    if unknown:
        raise error(min(unknown), "unknown table")
    rows = data.get("helpers")
    if not isinstance(rows, list) or not rows or not all(isinstance(row, dict) for row in rows):
        raise error("helpers", "must be a non-empty list of tables ([[helpers]])")
    helpers = []
    seen: dict[str, int] = {}
    for index, row in enumerate(rows):
        where = f"helpers[{index}]"
        for name in row:
            if name not in _FIELDS:
                raise error(f"{where}.{name}", "unknown field")
        for name in _FIELDS:
            value = row.get(name)
            if value is None:
                raise error(f"{where}.{name}", "missing")
            if not isinstance(value, str) or not value.strip() or "\n" in value:
                raise error(f"{where}.{name}", "must be a non-empty single-line string")
        if not _ID_PATTERN.match(row["id"]):
            raise error(f"{where}.id", "must be lowercase ascii letters and digits, joined by _ or -")
        if row["id"] in seen:
            raise error(f"{where}.id", f"{row['id']!r} is already used by helpers[{seen[row['id']]}]")
        seen[row["id"]] = index
        helpers.append(Helper(row["id"], row["nl"], row["en"]))
    return tuple(helpers)
