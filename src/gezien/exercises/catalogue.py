"""The exercises for overwhelming moments, read from exercises.toml beside this module and
checked when loaded. No Django here."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_PATH = Path(__file__).with_name("exercises.toml")
EXERCISE_IDS = ("grounding", "muscles", "safe-place")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SECONDS = 60


class CatalogueError(ValueError):
    """exercises.toml is missing, unreadable or breaks a rule."""


@dataclass(frozen=True)
class Pattern:
    id: str
    inhale: int
    hold: int
    exhale: int
    pause: int
    name_nl: str
    name_en: str
    about_nl: str
    about_en: str

    @property
    def seconds(self) -> int:
        return self.inhale + self.hold + self.exhale + self.pause


@dataclass(frozen=True)
class Step:
    nl: str
    en: str
    tense: int = 0
    relax: int = 0


@dataclass(frozen=True)
class Exercise:
    id: str
    title_nl: str
    title_en: str
    summary_nl: str
    summary_en: str
    intro_nl: str
    intro_en: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Catalogue:
    patterns: tuple[Pattern, ...]
    exercises: tuple[Exercise, ...]

    def exercise(self, exercise_id: str) -> Exercise:
        return next(e for e in self.exercises if e.id == exercise_id)

    def pattern(self, pattern_id: str) -> Pattern | None:
        return next((p for p in self.patterns if p.id == pattern_id), None)


_TEXTS = ("name_nl", "name_en", "about_nl", "about_en")
_COUNTS = ("inhale", "hold", "exhale", "pause")
_EXERCISE_TEXTS = ("title_nl", "title_en", "summary_nl", "summary_en", "intro_nl", "intro_en")


def load(path: Path | str | None = None) -> Catalogue:
    path = Path(path) if path is not None else DEFAULT_PATH

    def error(field: str, problem: str) -> CatalogueError:
        return CatalogueError(f"{path.name}: {field}: {problem}" if field else f"{path.name}: {problem}")

    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise error("", f"cannot be read ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise error("", f"is not valid TOML ({exc})") from exc
    unknown = set(data) - {"breathing", "exercises"}
    if unknown:
        raise error(min(unknown), "unknown table")

    def rows(key: str) -> list[dict[str, Any]]:
        value = data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(row, dict) for row in value):
            raise error(key, f"must be a non-empty list of tables ([[{key}]])")
        return value

    def check_fields(
        row: dict[str, Any], where: str, texts: tuple[str, ...], numbers: tuple[str, ...], required_numbers: bool,
        structure: tuple[str, ...] = ("id", "steps"),
    ) -> None:
        for name in row:
            if name not in (*structure, *texts, *numbers):
                raise error(f"{where}.{name}", "unknown field")
        for name in texts:
            value = row.get(name)
            if value is None:
                raise error(f"{where}.{name}", "missing")
            if not isinstance(value, str) or not value.strip() or "\n" in value:
                raise error(f"{where}.{name}", "must be a non-empty single-line string")
        for name in numbers:
            value = row.get(name)
            if value is None and not required_numbers:
                continue
            if value is None:
                raise error(f"{where}.{name}", "missing")
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SECONDS:
                raise error(f"{where}.{name}", f"must be a whole number of seconds from 0 to {MAX_SECONDS}")

    def check_id(row: dict[str, Any], where: str, seen: set[str]) -> str:
        value = row.get("id")
        if value is None:
            raise error(f"{where}.id", "missing")
        if not isinstance(value, str) or not _ID.match(value):
            raise error(f"{where}.id", "must be lowercase ascii letters and digits, joined by -")
        if value in seen:
            raise error(f"{where}.id", f"{value!r} is used twice")
        seen.add(value)
        return value

    patterns = []
    seen: set[str] = set()
    for index, row in enumerate(rows("breathing")):
        where = f"breathing[{index}]"
        check_id(row, where, seen)
        check_fields(row, where, _TEXTS, _COUNTS, required_numbers=True)
        if row["inhale"] < 1 or row["exhale"] < 1:
            raise error(f"{where}.inhale", "breathing in and out take at least 1 second")
        patterns.append(Pattern(**row))

    exercises = []
    seen = set()
    for index, row in enumerate(rows("exercises")):
        where = f"exercises[{index}]"
        exercise_id = check_id(row, where, seen)
        if exercise_id not in EXERCISE_IDS:
            raise error(f"{where}.id", f"must be one of {', '.join(EXERCISE_IDS)}")
        check_fields(row, where, _EXERCISE_TEXTS, (), required_numbers=True)
        steps = row.get("steps")
        if not isinstance(steps, list) or not steps or not all(isinstance(step, dict) for step in steps):
            raise error(f"{where}.steps", "must be a non-empty list of tables")
        for number, step in enumerate(steps):
            check_fields(step, f"{where}.steps[{number}]", ("nl", "en"), ("tense", "relax"), required_numbers=False, structure=())
        values = {name: row[name] for name in _EXERCISE_TEXTS}
        exercises.append(Exercise(id=exercise_id, steps=tuple(Step(**step) for step in steps), **values))
    missing = set(EXERCISE_IDS) - seen
    if missing:
        raise error("exercises", f"missing {', '.join(sorted(missing))}")
    return Catalogue(tuple(patterns), tuple(exercises))
