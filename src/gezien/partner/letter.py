"""What a person writes for their partner (letter.toml), and those texts as the partner's
section of the summary: the partner's audience (core.summary.PARTNER), never a
professional's. Nothing is ticked in advance: a partner sees only what the person chooses."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from gezien.core import lookups
from gezien.core.summary import Part, Section
from gezien.lib import data
from gezien.lib.text import Text
from gezien.partner import store
from gezien.vault.person import Person

PATH = Path(__file__).with_name("letter.toml")
LIBRARY_PART = "pages"


@dataclass(frozen=True)
class LetterPart:
    id: str
    title: Text
    hint: Text
    example: Text


@dataclass(frozen=True)
class Letter:
    parts: tuple[LetterPart, ...]
    library_title: Text
    pages: tuple[str, ...]


@functools.cache
def letter() -> Letter:
    top = data.load(PATH, ("parts", "library"))
    seen = data.Unique()
    parts = tuple(
        LetterPart(
            id=seen.add(table.at_key("id"), table.value("id", data.ident)),
            title=table.value("title", data.translated),
            hint=table.value("hint", data.translated),
            example=table.value("example", data.translated),
        )
        for table in top.tables("parts", ("id", "title", "hint", "example"))
    )
    if LIBRARY_PART in seen:
        raise top.at_key("parts").error(f"'{LIBRARY_PART}' is the library part's id")
    library = top.table("library", ("title", "pages"))
    known = lookups.library().page_ids()
    return Letter(
        parts=parts,
        library_title=library.value("title", data.translated),
        pages=data.refs(library.at_key("pages"), library["pages"], known, "library page"),
    )


def pages() -> list[lookups.PageRef]:
    """The library pages for partners, in the reader's language."""
    found = (lookups.library().page(page_id) for page_id in letter().pages)
    return [page for page in found if page is not None]


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(block.strip() for block in re.split(r"\n\s*\n", text) if block.strip())


def section(person: Person) -> Section | None:
    written = store.letter(person)
    parts = [
        Part(f"partner.{part.id}", part.title.get(), _paragraphs(written.texts[part.id]))
        for part in letter().parts
        if written.texts.get(part.id, "").strip()
    ]
    chosen = [page for page in pages() if page.id in written.pages]
    if chosen:
        parts.append(
            Part(
                f"partner.{LIBRARY_PART}",
                letter().library_title.get(),
                links=tuple((page.title, page.url) for page in chosen),
            )
        )
    return Section("partner", _("For you, from me"), tuple(parts))
