"""Herkennen as the web side uses it: the statements loaded and checked once, and what the
result page says, in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from gezien.core import lookups
from gezien.recognise import statements
from gezien.recognise.statements import Group, Statements

ACE = "ace"


@cache
def loaded() -> Statements:
    return statements.load()


def start() -> None:
    statements.check_pages(loaded(), lookups.library().page_ids())


@dataclass(frozen=True)
class Link:
    url: str
    title: str


@dataclass(frozen=True)
class Recognised:
    title: str
    reflection: str
    statements: list[str]  # what the person ticked, in their own order of the form
    pages: list[Link]


def recognised(chosen: set[str]) -> list[Recognised]:
    """Per group with at least one ticked statement: its warm reflection, what was ticked and
    the library pages about it. Ids that are no longer in the file are passed over."""
    result = []
    for group in loaded().groups:
        ticked = [s.text.get() for s in group.statements if s.id in chosen]
        if ticked:
            reflection = Recognised(
                group.title.get(), group.reflection.get(), ticked, _pages(group)
            )
            result.append(reflection)
    return result


def _pages(group: Group) -> list[Link]:
    links = []
    for page_id in group.pages:
        page = lookups.library().page(page_id)
        if page is not None:
            links.append(Link(page.url, page.title))
    return links


def ace() -> lookups.OfferedQuestionnaire | None:
    """The ACE, when this installation offers it."""
    questionnaires = lookups.questionnaires()
    return questionnaires.offered(ACE) if questionnaires else None
