"""The one reader for Gezien's data files (TOML beside the code that uses them).

A data file is read once, at start-up, and every rule it breaks stops Gezien with one line
that names the file and the field, for example `phq9.toml: items[3].id: missing` (list
positions count from 0). Apps describe their files with `Table` and the value readers
below; they never parse TOML or format an error themselves."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from gezien.lib.text import Text

T = TypeVar("T")

# Ids end up in stored records, form fields and web addresses: plain and stable.
ID = re.compile(r"[a-z0-9]+(?:[_-][a-z0-9]+)*")


class DataError(ValueError):
    """A data file breaks a rule; the message names the file and the field."""


@dataclass(frozen=True)
class At:
    """Where a value sits: the file, and the path of the field inside it."""

    file: str
    path: str = ""

    def key(self, name: str) -> At:
        return At(self.file, f"{self.path}.{name}" if self.path else name)

    def index(self, position: int) -> At:
        return At(self.file, f"{self.path}[{position}]")

    def error(self, problem: str) -> DataError:
        return DataError(
            f"{self.file}: {self.path}: {problem}" if self.path else f"{self.file}: {problem}"
        )


def read_toml(path: Path | str, name: str | None = None) -> dict[str, Any]:
    """The file's content; errors name it `name` (default: the file's own name)."""
    path = Path(path)
    at = At(name or path.name)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise at.error(f"is not valid TOML ({error})") from None
    except OSError as error:
        raise at.error(f"cannot be read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise at.error("cannot be read (not UTF-8)") from None


def load(path: Path | str, required: Sequence[str], optional: Sequence[str] = ()) -> Table:
    """The top of a data file, as a table with these keys."""
    return Table(At(Path(path).name), read_toml(path), required, optional)


# --- single values -----------------------------------------------------------------------


def text(at: At, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise at.error("must be a non-empty text")
    return value


def line(at: At, value: Any) -> str:
    """A text on one line (a name, a label, a button)."""
    checked = text(at, value)
    if "\n" in checked:
        raise at.error("must be a single line")
    return checked


def whole(at: At, value: Any, minimum: int | None = None, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise at.error("must be a whole number" + _range(minimum, maximum))
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise at.error("must be a whole number" + _range(minimum, maximum))
    return value


def _range(minimum: int | None, maximum: int | None) -> str:
    if minimum is not None and maximum is not None:
        return f" from {minimum} to {maximum}"
    if minimum is not None:
        return f" of at least {minimum}"
    if maximum is not None:
        return f" of at most {maximum}"
    return ""


def number(at: At, value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise at.error("must be a number")
    return value


def boolean(at: At, value: Any) -> bool:
    if not isinstance(value, bool):
        raise at.error("must be true or false")
    return value


def ident(at: At, value: Any) -> str:
    checked = line(at, value)
    if not ID.fullmatch(checked):
        raise at.error("must be lowercase ascii letters and digits, joined by _ or -")
    return checked


def choice(at: At, value: Any, choices: Sequence[str]) -> str:
    checked = line(at, value)
    if checked not in choices:
        raise at.error(f"'{checked}' is not one of {', '.join(choices)}")
    return checked


def items(at: At, value: Any, *, non_empty: bool = True) -> list[Any]:
    if not isinstance(value, list):
        raise at.error("must be a list")
    if non_empty and not value:
        raise at.error("must not be empty")
    return value


def each(
    at: At, value: Any, read: Callable[..., T], *args: Any, non_empty: bool = True
) -> tuple[T, ...]:
    """A list whose every value is read with `read(at, value, *args)`."""
    return tuple(
        read(at.index(position), entry, *args)
        for position, entry in enumerate(items(at, value, non_empty=non_empty))
    )


def translated(at: At, value: Any, read: Callable[[At, Any], str] = line) -> Text:
    """An inline table of Dutch and English: `{ nl = "…", en = "…" }`."""
    table = Table(at, value, ("nl", "en"))
    return Text(nl=table.value("nl", read), en=table.value("en", read))


@dataclass(frozen=True)
class Source:
    """A cited source in a data file: a key of the library's sources (`{ library = "key" }`),
    or a text of its own (`{ nl = "…", en = "…" }`)."""

    library: str | None = None
    text: Text | None = None


def sources(at: At, value: Any) -> dict[str, Source]:
    """A table of cited sources by id."""
    if not isinstance(value, dict):
        raise at.error("must be a table")
    found = {}
    for key, raw in value.items():
        key_at = at.key(key)
        if isinstance(raw, dict) and "library" in raw:
            found[ident(key_at, key)] = Source(
                library=Table(key_at, raw, ("library",)).value("library", ident)
            )
        else:
            found[ident(key_at, key)] = Source(text=translated(key_at, raw))
    return found


def pair(at: At, value: Any) -> tuple[int | float, int | float]:
    values = items(at, value)
    if len(values) != 2:
        raise at.error("must be [lowest, highest]")
    return number(at.index(0), values[0]), number(at.index(1), values[1])


def refs(
    at: At,
    value: Any,
    known: Collection[str],
    what: str,
    *,
    non_empty: bool = True,
) -> tuple[str, ...]:
    """A list of distinct ids that must all exist in `known`."""
    seen = Unique()
    for position, ref in enumerate(items(at, value, non_empty=non_empty)):
        where = at.index(position)
        if text(where, ref) not in known:
            raise where.error(f"unknown {what} '{ref}'")
        seen.add(where, ref)
    return tuple(seen)


def fresh(at: At, value: str, seen: Collection[str]) -> str:
    """A value that may not be one of `seen` (ids of the same kind read before it)."""
    if value in seen:
        raise at.error(f"'{value}' is already used")
    return value


class Unique:
    """Values that may occur once in a file; the error names where the first one is.
    With `fold`, values that differ only in capitals count as the same."""

    def __init__(self, *, fold: bool = False) -> None:
        self._first: dict[str, At] = {}
        self._order: list[str] = []
        self._fold = fold

    def add(self, at: At, value: str) -> str:
        key = value.casefold() if self._fold else value
        if key in self._first:
            raise at.error(f"'{value}' is already used by {self._first[key].path}")
        self._first[key] = at
        self._order.append(value)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __contains__(self, value: object) -> bool:
        return value in self._first


# --- tables ------------------------------------------------------------------------------


class Table:
    """A TOML table being read: it refuses missing required keys and unknown keys, and
    reads each value where it can name it."""

    def __init__(
        self, at: At, raw: Any, required: Sequence[str], optional: Sequence[str] = ()
    ) -> None:
        if not isinstance(raw, dict):
            raise at.error("must be a table")
        for key in raw:
            if key not in required and key not in optional:
                kind = "table" if isinstance(raw[key], dict) or _is_tables(raw[key]) else "field"
                raise at.key(key).error(f"unknown {kind}")
        for key in required:
            if key not in raw:
                raise at.key(key).error("missing")
        self.at = at
        self.raw = raw

    def at_key(self, key: str) -> At:
        return self.at.key(key)

    def has(self, key: str) -> bool:
        return key in self.raw

    def __getitem__(self, key: str) -> Any:
        return self.raw[key]

    def value(self, key: str, read: Callable[..., T], *args: Any, **options: Any) -> T:
        """A required key, read with `read(at, value, *args, **options)`."""
        if key not in self.raw:
            raise self.at.key(key).error("missing")
        return read(self.at.key(key), self.raw[key], *args, **options)

    def get(self, key: str, read: Callable[..., T], *args: Any, **options: Any) -> T | None:
        """An optional key, read like `value`; None when absent."""
        if key not in self.raw:
            return None
        return read(self.at.key(key), self.raw[key], *args, **options)

    def forbid(self, key: str, reason: str) -> None:
        if key in self.raw:
            raise self.at.key(key).error(f"not allowed: {reason}")

    def require(self, key: str, reason: str) -> None:
        if key not in self.raw:
            raise self.at.key(key).error(f"missing: {reason}")

    def table(self, key: str, required: Sequence[str], optional: Sequence[str] = ()) -> Table:
        return Table(self.at.key(key), self.raw[key], required, optional)

    def tables(
        self,
        key: str,
        required: Sequence[str],
        optional: Sequence[str] = (),
        *,
        non_empty: bool = True,
    ) -> list[Table]:
        """The tables of an array of tables ([[key]]), each with its position in the path;
        none when the key is absent and optional."""
        at = self.at.key(key)
        if key not in self.raw:
            return []
        raw = self.raw[key]
        if not isinstance(raw, list) or not all(isinstance(entry, dict) for entry in raw):
            raise at.error(f"must be a list of tables ([[{key}]])")
        if non_empty and not raw:
            raise at.error("must not be empty")
        return [
            Table(at.index(position), entry, required, optional)
            for position, entry in enumerate(raw)
        ]

    def text_pair(self, prefix: str = "", read: Callable[[At, Any], str] = line) -> Text:
        """Dutch and English side by side: `nl` and `en`, or `PREFIX_nl` and `PREFIX_en`."""
        nl, en = (f"{prefix}_nl", f"{prefix}_en") if prefix else ("nl", "en")
        return Text(nl=self.value(nl, read), en=self.value(en, read))


def _is_tables(value: Any) -> bool:
    return (
        isinstance(value, list) and bool(value) and all(isinstance(entry, dict) for entry in value)
    )
