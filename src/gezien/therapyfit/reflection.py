"""The klik-check's own logic: the reflection's points and answers (reflection.toml), the
order of sessions, when the note "it is fine to look further" appears, and which points were
missing most. No Django here, so every rule is tested as a plain function."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gezien.lib import data
from gezien.lib.text import Text

PATH = Path(__file__).with_name("reflection.toml")


# --- the data file -------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    id: str
    label: Text


@dataclass(frozen=True)
class Point:
    id: str
    text: Text
    say: Text  # a sentence to raise it with the therapist when it was missing


@dataclass(frozen=True)
class Way:
    id: str
    title: Text
    text: Text
    source: str | None


@dataclass(frozen=True)
class Rule:
    sessions: int  # this many sessions in a row with little click
    little: frozenset[str]  # the click answers that count as little click


@dataclass(frozen=True)
class Reflection:
    options: tuple[Option, ...]
    click: Text
    points: tuple[Point, ...]
    rule: Rule
    route_steps: tuple[str, ...]
    sentences: tuple[Text, ...]
    ways: tuple[Way, ...]
    sources: dict[str, data.Source]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


def _option(at: data.At, raw: Any) -> Option:
    row = data.Table(at, raw, ("id", "nl", "en"))
    return Option(row.value("id", data.ident), row.text_pair())


def parse(raw: dict[str, Any]) -> Reflection:
    top = data.Table(
        data.At(PATH.name),
        raw,
        ("answers", "click", "look_further", "sources", "points", "sentences", "ways"),
    )
    answers = top.table("answers", ("options",))
    options = answers.value("options", data.each, _option)
    option_ids = data.Unique()
    for position, option in enumerate(options):
        option_ids.add(answers.at_key("options").index(position).key("id"), option.id)
    known_options = [option.id for option in options]
    further = top.table("look_further", ("sessions", "little", "route_steps"))
    sources = top.value("sources", data.sources)
    point_ids = data.Unique()
    points = tuple(
        Point(
            point_ids.add(row.at_key("id"), row.value("id", data.ident)),
            row.text_pair(),
            row.text_pair("say"),
        )
        for row in top.tables("points", ("id", "nl", "en", "say_nl", "say_en"))
    )
    way_ids = data.Unique()
    ways = tuple(
        Way(
            way_ids.add(row.at_key("id"), row.value("id", data.ident)),
            row.text_pair("title"),
            row.text_pair("text"),
            row.get("source", data.choice, list(sources)),
        )
        for row in top.tables(
            "ways", ("id", "title_nl", "title_en", "text_nl", "text_en"), ("source",)
        )
    )
    return Reflection(
        options=options,
        click=top.value("click", data.translated),
        points=points,
        rule=Rule(
            sessions=further.value("sessions", data.whole, 1, 50),
            little=frozenset(further.value("little", data.refs, known_options, "answer")),
        ),
        route_steps=further.value("route_steps", data.each, data.ident),
        sentences=tuple(row.text_pair() for row in top.tables("sentences", ("nl", "en"))),
        ways=ways,
        sources=sources,
    )


@functools.cache
def load(path: Path = PATH) -> Reflection:
    return parse(data.read_toml(path))


# --- sessions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Session:
    """One reflection: the day of the session (ISO date), the click answer, the answer per
    point (points left open are absent), with whom (optional) and a note."""

    id: str
    date: str
    click: str
    points: dict[str, str] = field(default_factory=dict)
    with_whom: str = ""
    note: str = ""
    created: str = ""  # ISO time it was written, to order sessions on the same day


def in_order(sessions: Sequence[Session]) -> list[Session]:
    """Oldest session first."""
    return sorted(sessions, key=lambda session: (session.date, session.created))


def _who(name: str) -> str:
    return " ".join(name.casefold().split())


def with_current_therapist(sessions: Sequence[Session]) -> list[Session]:
    """The sessions, oldest first, with the therapist of the latest one: after a change of
    therapist the count starts again. A session without a name counts with one without."""
    ordered = in_order(sessions)
    if not ordered:
        return []
    current = _who(ordered[-1].with_whom)
    return [session for session in ordered if _who(session.with_whom) == current]


def look_further(sessions: Sequence[Session], rule: Rule) -> bool:
    """Whether the latest `rule.sessions` sessions with the current therapist all had little
    click: then the page says, calmly, that it is fine to look further."""
    latest = with_current_therapist(sessions)[-rule.sessions :]
    return len(latest) == rule.sessions and all(s.click in rule.little for s in latest)


def missing(sessions: Sequence[Session], points: Sequence[Point], rule: Rule) -> list[Point]:
    """The points answered "no" in the latest sessions with the current therapist, the most
    often first (ties in the order of the data file), at most three."""
    latest = with_current_therapist(sessions)[-rule.sessions :]
    counted = Counter(
        point_id
        for session in latest
        for point_id, answer in session.points.items()
        if answer == "no"
    )
    found = [point for point in points if counted[point.id]]
    found.sort(key=lambda point: -counted[point.id])
    return found[:3]


def tally(sessions: Sequence[Session], points: Sequence[Point]) -> list[tuple[Point, Counter[str]]]:
    """Per point, how often each answer was given over these sessions."""
    return [
        (point, Counter(s.points[point.id] for s in sessions if point.id in s.points))
        for point in points
    ]
