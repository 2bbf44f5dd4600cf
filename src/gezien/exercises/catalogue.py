"""The exercises for overwhelming moments, read from exercises.toml beside this module and
checked when loaded. No Django here."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from gezien.lib import data
from gezien.lib.text import Text

DEFAULT_PATH = Path(__file__).with_name("exercises.toml")
BREATHING = "breathing"
EXERCISE_IDS = ("grounding", "muscles", "safe-place")
MAX_SECONDS = 60


@dataclass(frozen=True)
class Pattern:
    id: str
    inhale: int
    hold: int
    exhale: int
    pause: int
    name: Text
    about: Text

    @property
    def seconds(self) -> int:
        return self.inhale + self.hold + self.exhale + self.pause


@dataclass(frozen=True)
class Step:
    text: Text
    tense: int = 0
    relax: int = 0


@dataclass(frozen=True)
class Exercise:
    id: str
    title: Text
    summary: Text
    intro: Text
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Catalogue:
    patterns: tuple[Pattern, ...]
    exercises: tuple[Exercise, ...]

    def exercise(self, exercise_id: str) -> Exercise:
        return next(e for e in self.exercises if e.id == exercise_id)

    def pattern(self, pattern_id: str) -> Pattern | None:
        return next((p for p in self.patterns if p.id == pattern_id), None)


_COUNTS = ("inhale", "hold", "exhale", "pause")


def _seconds(at: data.At, value: object) -> int:
    return data.whole(at, value, 0, MAX_SECONDS)


def load(path: Path | str | None = None) -> Catalogue:
    top = data.load(path or DEFAULT_PATH, ("breathing", "exercises"))
    patterns = []
    ids = data.Unique()
    for row in top.tables(
        "breathing", ("id", *_COUNTS, "name_nl", "name_en", "about_nl", "about_en")
    ):
        ids.add(row.at_key("id"), row.value("id", data.ident))
        counts = {name: row.value(name, _seconds) for name in _COUNTS}
        if counts["inhale"] < 1 or counts["exhale"] < 1:
            raise row.at_key("inhale").error("breathing in and out take at least 1 second")
        patterns.append(
            Pattern(row["id"], **counts, name=row.text_pair("name"), about=row.text_pair("about"))
        )

    exercises = []
    ids = data.Unique()
    texts = ("title_nl", "title_en", "summary_nl", "summary_en", "intro_nl", "intro_en")
    for row in top.tables("exercises", ("id", *texts, "steps")):
        ids.add(row.at_key("id"), row.value("id", data.choice, EXERCISE_IDS))
        steps = tuple(
            Step(
                step.text_pair(),
                tense=step.get("tense", _seconds) or 0,
                relax=step.get("relax", _seconds) or 0,
            )
            for step in row.tables("steps", ("nl", "en"), ("tense", "relax"))
        )
        exercises.append(
            Exercise(
                row["id"],
                row.text_pair("title"),
                row.text_pair("summary"),
                row.text_pair("intro"),
                steps,
            )
        )
    missing = set(EXERCISE_IDS) - set(ids)
    if missing:
        raise top.at_key("exercises").error(f"missing {', '.join(sorted(missing))}")
    return Catalogue(tuple(patterns), tuple(exercises))


@functools.cache
def loaded() -> Catalogue:
    """The catalogue of this installation, read once (start-up reads it first, so a broken
    file stops start-up)."""
    return load()
