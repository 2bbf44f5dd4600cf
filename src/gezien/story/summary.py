"""The summary for a professional ("startbrief"), as plain data.

Apps offer *sections*: each is a list of *parts* the person may choose to share. An app
registers a provider once (in its AppConfig.ready), the same way it registers an export
section::

    from gezien.story import summary
    summary.register("measure", provider, order=30)

A provider takes (account, data key) and returns a Section, or None when the person has
nothing to offer from that app. The chosen parts are frozen into a snapshot: a JSON-ready
dict that the page, the PDF and the FHIR bundle are all made from, so all three show
exactly the same content and nothing else."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from gezien.lib.fhir import Result

FORMAT = "gezien-summary"
VERSION = 1


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


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    parts: tuple[Part, ...]


Provider = Callable[[Any, bytes], Section | None]
_providers: dict[str, tuple[int, Provider]] = {}


def register(key: str, provider: Provider, order: int = 100) -> None:
    if key in _providers:
        raise ValueError(f"summary section {key!r} registered twice")
    _providers[key] = (order, provider)


def available(account: Any, data_key: bytes) -> list[Section]:
    """Every section with at least one part, in the registered order."""
    sections = []
    for key, (_order, provider) in sorted(_providers.items(), key=lambda item: (item[1][0], item[0])):
        section = provider(account, data_key)
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


def _part_data(part: Part) -> dict[str, Any]:
    return {
        "key": part.key,
        "title": part.title,
        "paragraphs": list(part.paragraphs),
        "facts": [list(fact) for fact in part.facts],
        "scores": [asdict(score) for score in part.scores],
    }


def snapshot(
    sections: Iterable[Section],
    chosen: Iterable[str],
    *,
    language: str,
    made_at: datetime,
    expires_at: datetime | None = None,
) -> dict[str, Any]:
    """Only the chosen parts, in their sections' order; sections without a chosen part are
    left out entirely (their titles too)."""
    wanted = set(chosen)
    kept = []
    for section in sections:
        parts = [_part_data(part) for part in section.parts if part.key in wanted]
        if parts:
            kept.append({"key": section.key, "title": section.title, "parts": parts})
    return {
        "format": FORMAT,
        "version": VERSION,
        "language": language,
        "made_at": made_at.isoformat(),
        "expires_at": expires_at.isoformat() if expires_at else None,
        "sections": kept,
    }


def content_digest(data: dict[str, Any]) -> str:
    """A fingerprint of what a snapshot shows, to tell whether the content changed between
    the preview and the moment of sharing."""
    body = json.dumps(data["sections"], ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(body).hexdigest()


def is_empty(data: dict[str, Any]) -> bool:
    return not data["sections"]
