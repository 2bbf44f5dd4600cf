"""The practice ladder's own logic: the example situations (ladder.toml), the order of a
ladder from easy to hard, moving a step, the next step, and the figures of expected against
actual distress. No Django here, so every rule is tested as a plain function."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from statistics import mean
from typing import Any, Protocol, TypeVar

from gezien.lib import data
from gezien.lib.text import Text

PATH = Path(__file__).with_name("ladder.toml")
LOWEST, HIGHEST = 0, 10  # distress, from calm to the worst you can imagine
LOWER, SAME, HIGHER = "lower", "same", "higher"
EARLIER, LATER = "earlier", "later"


# --- the data file -------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    id: str
    name: Text
    source: str  # a key of the library's sources


@dataclass(frozen=True)
class Example:
    id: str
    theme: str
    text: Text


@dataclass(frozen=True)
class Catalogue:
    themes: tuple[Theme, ...]
    examples: tuple[Example, ...]
    min_tries: int
    sources: dict[str, data.Source]

    def example(self, example_id: str) -> Example | None:
        return next((e for e in self.examples if e.id == example_id), None)


def parse(raw: dict[str, Any]) -> Catalogue:
    top = data.Table(data.At(PATH.name), raw, ("note", "sources", "themes", "examples"))
    note = top.table("note", ("min_tries",))
    sources = top.value("sources", data.sources)
    theme_ids = data.Unique()
    themes = tuple(
        Theme(
            theme_ids.add(row.at_key("id"), row.value("id", data.ident)),
            row.text_pair(),
            row.value("source", data.ident),
        )
        for row in top.tables("themes", ("id", "nl", "en", "source"))
    )
    example_ids = data.Unique()
    examples = tuple(
        Example(
            example_ids.add(row.at_key("id"), row.value("id", data.ident)),
            row.value("theme", data.choice, [theme.id for theme in themes]),
            row.text_pair(),
        )
        for row in top.tables("examples", ("id", "theme", "nl", "en"))
    )
    return Catalogue(
        themes=themes,
        examples=examples,
        min_tries=note.value("min_tries", data.whole, 1, 100),
        sources=sources,
    )


@functools.cache
def load(path: Path = PATH) -> Catalogue:
    return parse(data.read_toml(path))


# --- a ladder ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Try:
    """One time a step was tried: the distress expected just before and felt afterwards
    (0 to 10), what happened and what helped, and when (ISO 8601)."""

    expected: int
    actual: int
    at: str
    happened: str = ""
    helped: str = ""

    @property
    def outcome(self) -> str:
        if self.actual < self.expected:
            return LOWER
        return SAME if self.actual == self.expected else HIGHER


@dataclass(frozen=True)
class Step:
    """A situation on the ladder. `expected` is the distress the person expected when they
    added it; `position` its place (0 is the easiest); `pending` the expected distress of a
    try that was started and not yet told about."""

    id: str
    situation: str
    expected: int
    position: int = 0
    example: str = ""
    done: bool = False
    pending: int | None = None
    tries: tuple[Try, ...] = ()


class Rated(Protocol):
    @property
    def expected(self) -> int: ...


R = TypeVar("R", bound=Rated)
T = TypeVar("T")


def easy_to_hard(steps: Sequence[R]) -> list[R]:
    """The steps by the distress expected, lowest first; equal ones keep their order."""
    return sorted(steps, key=lambda step: step.expected)


def insert(ladder: Sequence[R], new: R) -> list[R]:
    """The ladder with `new` placed before the first step that is expected to be harder, so
    an order the person chose stays as it is."""
    for index, step in enumerate(ladder):
        if step.expected > new.expected:
            return [*ladder[:index], new, *ladder[index:]]
    return [*ladder, new]


def move(ladder: Sequence[T], index: int, direction: str) -> list[T]:
    """The ladder with one step moved a place earlier (towards the easy end) or later;
    unchanged when it is already at that end or the index is not on the ladder."""
    other = index - 1 if direction == EARLIER else index + 1
    steps = list(ladder)
    if direction not in (EARLIER, LATER) or not (
        0 <= index < len(steps) and 0 <= other < len(steps)
    ):
        return steps
    steps[index], steps[other] = steps[other], steps[index]
    return steps


def ordered(steps: Sequence[Step]) -> list[Step]:
    """A stored ladder in its order (by position; equal positions by the distress expected)."""
    return sorted(steps, key=lambda step: (step.position, step.expected))


def numbered(ladder: Sequence[Step]) -> list[Step]:
    """The ladder with positions 0, 1, 2, … in its current order."""
    return [replace(step, position=index) for index, step in enumerate(ladder)]


def situation(step: Step, catalogue: Catalogue) -> str:
    """The step's situation in the reader's language: an example's text as the data file has
    it now, or what the person wrote."""
    example = catalogue.example(step.example) if step.example else None
    return example.text.get() if example else step.situation


def next_step(ladder: Sequence[Step]) -> Step | None:
    """The step to try next: one that was started, else the first that is not done."""
    started = next((step for step in ladder if step.pending is not None), None)
    return started or next((step for step in ladder if not step.done), None)


# --- expected against actual ---------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    step: Step
    tried: Try


@dataclass(frozen=True)
class Figures:
    rows: tuple[Row, ...]  # every try, oldest first
    lower: int
    same: int
    higher: int
    steps: int
    steps_done: int
    steps_tried: int
    mean_expected: float | None
    mean_actual: float | None

    @property
    def tries(self) -> int:
        return len(self.rows)


def figures(ladder: Sequence[Step]) -> Figures:
    rows = sorted(
        (Row(step, tried) for step in ladder for tried in step.tries), key=lambda row: row.tried.at
    )
    outcomes = [row.tried.outcome for row in rows]
    return Figures(
        rows=tuple(rows),
        lower=outcomes.count(LOWER),
        same=outcomes.count(SAME),
        higher=outcomes.count(HIGHER),
        steps=len(ladder),
        steps_done=sum(step.done for step in ladder),
        steps_tried=sum(bool(step.tries) for step in ladder),
        mean_expected=round(mean(r.tried.expected for r in rows), 1) if rows else None,
        mean_actual=round(mean(r.tried.actual for r in rows), 1) if rows else None,
    )


def often_lower(found: Figures, min_tries: int) -> bool:
    """Whether the actual distress was lower than expected in more than half of at least
    `min_tries` tries: then the page says so, as the person's own history."""
    return found.tries >= min_tries and 2 * found.lower > found.tries


def short(text: str, limit: int = 40) -> str:
    """A situation cut to fit a chart's label, at a word, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(",.;:") + "…"
