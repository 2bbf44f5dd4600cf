"""What each app adds to the summary for a professional ("startbrief"), and to the view for a
partner: two audiences, each with its own sections (a partner never sees a professional's
sections, nor the other way round).

Apps offer *sections*: each is a list of *parts* the person may choose to share. An app
registers a provider once, in its AppConfig.ready::

    from gezien.core import summary
    summary.register("measure", measure_summary.section, order=30)
    summary.register("partner", letter.section, order=10, audience=summary.PARTNER)

A provider takes the person and returns a Section, or None when the person has nothing to
offer from that app. The sharing app freezes the chosen parts into a snapshot that its
page, PDF and FHIR bundle are all made from."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gezien.lib.fhir import Result
from gezien.vault.person import Person


@dataclass(frozen=True)
class Score:
    """One questionnaire result. `date` is an ISO 8601 date or date-time; `fhir` is the
    result as FHIR data, the same as in the account export, when it can be coded."""

    instrument: str
    name: str
    date: str
    total: int | float | None
    band: str = ""
    maximum: int | float | None = None
    fhir: Result | None = None


@dataclass(frozen=True)
class Part:
    """The smallest thing a person can choose to share. `key` is stable and starts with
    its section's key and a dot."""

    key: str
    title: str
    paragraphs: tuple[str, ...] = ()
    facts: tuple[tuple[str, str], ...] = ()
    scores: tuple[Score, ...] = ()
    # Ticked in advance on the choice page; only for parts that are about care, not history.
    suggested: bool = False
    # Pages to read, as (title, address on this site): the partner's library pages.
    links: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    parts: tuple[Part, ...]


PROFESSIONAL, PARTNER = "professional", "partner"
AUDIENCES = (PROFESSIONAL, PARTNER)

Provider = Callable[[Person], Section | None]
_providers: dict[str, tuple[int, Provider, str]] = {}


def register(key: str, provider: Provider, order: int = 100, audience: str = PROFESSIONAL) -> None:
    if key in _providers:
        raise ValueError(f"summary section {key!r} registered twice")
    if audience not in AUDIENCES:
        raise ValueError(f"summary section {key!r}: unknown audience {audience!r}")
    _providers[key] = (order, provider, audience)


def available(person: Person, audience: str = PROFESSIONAL) -> list[Section]:
    """Every section for this audience with at least one part, in the registered order."""
    sections = []
    for key, (_order, provider, for_whom) in sorted(
        _providers.items(), key=lambda item: (item[1][0], item[0])
    ):
        if for_whom != audience:
            continue
        section = provider(person)
        if section is None or not section.parts:
            continue
        if section.key != key:
            raise ValueError(f"summary provider {key!r} returned section {section.key!r}")
        for part in section.parts:
            if not part.key.startswith(f"{key}."):
                raise ValueError(f"summary part {part.key!r} must start with {key!r}.")
        sections.append(section)
    return sections


def part_keys(sections: Iterable[Section]) -> set[str]:
    return {part.key for section in sections for part in section.parts}
