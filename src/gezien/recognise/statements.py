"""The statements of 'Herkennen', read from statements.toml beside this module and checked when
loaded: an error names the file and the field. No Django here."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FILE = Path(__file__).with_name("statements.toml")
FORMS = (
    "emotionele-verwaarlozing",
    "emotionele-mishandeling",
    "lichamelijke-verwaarlozing",
    "lichamelijke-mishandeling",
    "seksueel-misbruik",
    "getuige",  # witnessing violence at home: its own form in some Dutch practice
    "now",  # what the person notices in their life now
)
SOURCES = ("artikel", "rapport")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class StatementsError(ValueError):
    """statements.toml breaks a rule; the message names the file and the field."""


@dataclass(frozen=True)
class Text:
    nl: str
    en: str


@dataclass(frozen=True)
class Statement:
    id: str
    text: Text


@dataclass(frozen=True)
class Group:
    id: str
    form: str
    pages: tuple[str, ...]  # library pages about this group
    sources: tuple[str, ...]
    where: str
    title: Text
    reflection: Text  # said back when at least one of its statements is ticked
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class Statements:
    groups: tuple[Group, ...]

    @property
    def by_id(self) -> dict[str, Statement]:
        return {s.id: s for group in self.groups for s in group.statements}


class _Fields:
    def __init__(self, file: str, where: str, data: Any, known: Iterable[str]) -> None:
        self.file, self.where = file, where
        if not isinstance(data, dict):
            raise self.fail("", "must be a table")
        for key in data:
            if key not in known:
                raise self.fail(key, "unknown field")
        self.data = data

    def fail(self, key: str, problem: str) -> StatementsError:
        field = ".".join(part for part in (self.where, key) if part)
        return StatementsError(f"{self.file}: {field}: {problem}")

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "missing or empty")
        return value.strip()

    def pair(self, prefix: str = "") -> Text:
        keys = [f"{prefix}_{lang}" if prefix else lang for lang in ("nl", "en")]
        return Text(*(self.text(key) for key in keys))

    def slug(self, key: str) -> str:
        value = self.text(key)
        if not _ID.match(value):
            raise self.fail(key, f"{value!r} must be lower-case letters, digits and -")
        return value

    def ids(self, key: str, allowed: Iterable[str] | None, what: str) -> tuple[str, ...]:
        values = self.data.get(key)
        if not isinstance(values, list) or not values:
            raise self.fail(key, f"must be a list of {what}s")
        for index, value in enumerate(values):
            if not isinstance(value, str) or (allowed is not None and value not in allowed):
                raise self.fail(f"{key}[{index}]", f"unknown {what} {value!r}")
        return tuple(values)

    def tables(self, key: str) -> list[tuple[str, Any]]:
        values = self.data.get(key)
        if not isinstance(values, list) or not values:
            raise self.fail(key, "missing or empty")
        prefix = f"{self.where}." if self.where else ""
        return [(f"{prefix}{key}[{index}]", value) for index, value in enumerate(values)]


def _group(file: str, where: str, data: Any, seen: set[str]) -> Group:
    fields = _Fields(
        file, where, data,
        ("id", "form", "pages", "sources", "where", "title_nl", "title_en", "reflection_nl",
         "reflection_en", "statements"),
    )  # fmt: skip
    form = fields.text("form")
    if form not in FORMS:
        raise fields.fail("form", f"unknown form {form!r}")
    statements = []
    for item_where, item in fields.tables("statements"):
        statement = _Fields(file, item_where, item, ("id", "nl", "en"))
        statement_id = statement.slug("id")
        if statement_id in seen:
            raise statement.fail("id", f"{statement_id!r} appears twice")
        seen.add(statement_id)
        statements.append(Statement(statement_id, statement.pair()))
    return Group(
        id=fields.slug("id"),
        form=form,
        pages=fields.ids("pages", None, "library page"),
        sources=fields.ids("sources", SOURCES, "source"),
        where=fields.text("where"),
        title=fields.pair("title"),
        reflection=fields.pair("reflection"),
        statements=tuple(statements),
    )


def load(path: Path | str | None = None) -> Statements:
    path = Path(path) if path is not None else FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise StatementsError(f"{path.name}: cannot be read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise StatementsError(f"{path.name}: not valid TOML: {error}") from None
    top = _Fields(path.name, "", data, ("groups",))
    seen: set[str] = set()
    groups = tuple(_group(path.name, where, group, seen) for where, group in top.tables("groups"))
    group_ids = [group.id for group in groups]
    for index, group_id in enumerate(group_ids):
        if group_id in group_ids[:index]:
            raise StatementsError(f"{path.name}: groups[{index}].id: {group_id!r} appears twice")
    return Statements(groups)


def check_pages(loaded: Statements, library_pages: Iterable[str], file: str = FILE.name) -> None:
    """Every library page a group names must exist (checked at start-up, with the library)."""
    known = set(library_pages)
    for index, group in enumerate(loaded.groups):
        for position, page in enumerate(group.pages):
            if page not in known:
                raise StatementsError(
                    f"{file}: groups[{index}].pages[{position}]: unknown library page {page!r}"
                )
