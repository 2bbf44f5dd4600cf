"""The statements of 'Herkennen', read from statements.toml beside this module and checked when
loaded: an error names the file and the field. No Django here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gezien.lib import data
from gezien.lib.text import Text

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


_GROUP = (
    "id",
    "form",
    "pages",
    "sources",
    "where",
    "title_nl",
    "title_en",
    "reflection_nl",
    "reflection_en",
    "statements",
)


def load(path: Path | str | None = None) -> Statements:
    top = data.load(path or FILE, ("groups",))
    group_ids, statement_ids = data.Unique(), data.Unique()
    groups = []
    for row in top.tables("groups", _GROUP):
        groups.append(
            Group(
                id=group_ids.add(row.at_key("id"), row.value("id", data.ident)),
                form=row.value("form", data.choice, FORMS),
                pages=row.value("pages", data.each, data.ident),
                sources=row.value("sources", data.refs, SOURCES, "source"),
                where=row.value("where", data.line),
                title=row.text_pair("title"),
                reflection=row.text_pair("reflection"),
                statements=tuple(
                    Statement(
                        statement_ids.add(item.at_key("id"), item.value("id", data.ident)),
                        item.text_pair(),
                    )
                    for item in row.tables("statements", ("id", "nl", "en"))
                ),
            )
        )
    return Statements(tuple(groups))


def check_pages(loaded: Statements, library_pages: Iterable[str], file: str = FILE.name) -> None:
    """Every library page a group names must exist (checked at start-up, with the library)."""
    known = set(library_pages)
    for index, group in enumerate(loaded.groups):
        for position, page in enumerate(group.pages):
            if page not in known:
                at = data.At(file).key("groups").index(index).key("pages").index(position)
                raise at.error(f"unknown library page {page!r}")
