"""The vocabulary the emotion journal uses to help a person name a feeling.

The data lives in ``emotions.toml`` beside this module: body areas, body
sensations, four quadrants of the pleasantness x energy map, and feeling
words with short definitions. ``load`` reads and checks it; the other
functions answer the questions the journal asks while a person looks for
the right word.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from gezien.lib import data
from gezien.lib.text import Text

DEFAULT_PATH = Path(__file__).with_name("emotions.toml")

# Each quadrant's side of the map: (pleasantness sign, energy sign).
QUADRANT_SIDES: dict[str, tuple[int, int]] = {
    "pleasant-high": (1, 1),
    "pleasant-low": (1, -1),
    "unpleasant-high": (-1, 1),
    "unpleasant-low": (-1, -1),
}

SCALE_MIN, SCALE_MAX = -5, 5
MIN_WORDS = 120
MIN_WORDS_PER_QUADRANT = 25
MAX_DEFINITION_CHARS = 140
MIN_SENSATIONS_PER_WORD, MAX_SENSATIONS_PER_WORD = 2, 4

_NAMED = ("id", "nl", "en")
_WORD_FIELDS = _NAMED + (
    "pleasantness",
    "energy",
    "definition_nl",
    "definition_en",
    "sensations",
)

# How many steps closer on the map one shared body sensation makes a word.
SENSATION_BONUS = 1.5


@dataclass(frozen=True)
class BodyArea:
    id: str
    name: Text


@dataclass(frozen=True)
class Sensation:
    id: str
    name: Text


@dataclass(frozen=True)
class Quadrant:
    id: str
    name: Text
    description: Text


@dataclass(frozen=True)
class Word:
    id: str
    name: Text
    pleasantness: int
    energy: int
    definition: Text
    sensations: tuple[str, ...]
    # Only set when an axis is 0, because then the signs cannot decide.
    stated_quadrant: str | None = None


@dataclass(frozen=True)
class Vocabulary:
    body_areas: tuple[BodyArea, ...]
    sensations: tuple[Sensation, ...]
    words: tuple[Word, ...]
    quadrants: tuple[Quadrant, ...]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_T = TypeVar("_T", bound=_HasId)
_N = TypeVar("_N")


# ---------------------------------------------------------------- helpers


def by_id(items: Iterable[_T], item_id: str) -> _T:
    """The item with this id, e.g. ``by_id(vocab.words, "eenzaam")``."""
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(item_id)


def _agrees(quadrant_id: str, pleasantness: int, energy: int) -> bool:
    """True when no non-zero axis points away from the quadrant's side."""
    side_p, side_e = QUADRANT_SIDES[quadrant_id]
    return pleasantness * side_p >= 0 and energy * side_e >= 0


def quadrant_of(word: Word) -> str:
    """The id of the quadrant the word belongs to."""
    if word.stated_quadrant is not None:
        return word.stated_quadrant
    signs = (_sign(word.pleasantness), _sign(word.energy))
    return next(q for q, side in QUADRANT_SIDES.items() if side == signs)


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)


def _is_scale_value(value: object) -> bool:
    # bool is a subclass of int, but `true` is never a place on the map.
    return (
        isinstance(value, int) and not isinstance(value, bool) and SCALE_MIN <= value <= SCALE_MAX
    )


def words_in(vocab: Vocabulary, quadrant: str) -> list[Word]:
    """The words of one quadrant, in file order."""
    if quadrant not in QUADRANT_SIDES:
        raise ValueError(f"unknown quadrant {quadrant!r}")
    return [w for w in vocab.words if quadrant_of(w) == quadrant]


def suggest(
    vocab: Vocabulary,
    pleasantness: int,
    energy: int,
    sensations: AbstractSet[str] = frozenset(),
    limit: int = 12,
) -> list[Word]:
    """Words that may fit the spot the person chose on the map.

    ``sensations`` are the sensation ids the person noticed in their body.
    """
    for name, value in (("pleasantness", pleasantness), ("energy", energy)):
        if not _is_scale_value(value):
            raise ValueError(f"{name} must be an integer from {SCALE_MIN} to {SCALE_MAX}")
    if limit < 1:
        raise ValueError("limit must be at least 1")
    felt = set(sensations)
    unknown = felt - {s.id for s in vocab.sensations}
    if unknown:
        raise ValueError(f"unknown sensation ids: {', '.join(sorted(unknown))}")

    # Ranking: words on the same side of the map as the chosen spot always come
    # first, because a person who says "pleasant" should not be offered
    # "unpleasant" words. Within that, the nearest word wins, and every
    # sensation a word shares with the body counts as 1.5 steps closer: the
    # body can tip the balance between neighbours, but cannot pull a word from
    # far across the map to the top.
    def rank(word: Word) -> tuple[bool, float, str]:
        distance = math.hypot(word.pleasantness - pleasantness, word.energy - energy)
        shared = len(felt.intersection(word.sensations))
        return (
            not _agrees(quadrant_of(word), pleasantness, energy),
            distance - SENSATION_BONUS * shared,
            word.id,
        )

    return sorted(vocab.words, key=rank)[:limit]


# ---------------------------------------------------------------- loading


def load(path: Path | str | None = None) -> Vocabulary:
    """Read and check the vocabulary; raise DataError naming file and field."""
    top = data.load(path or DEFAULT_PATH, ("quadrants", "body_areas", "sensations", "words"))

    quadrant_tables = top.tables("quadrants", _NAMED + ("description_nl", "description_en"))
    quadrants = _named(
        quadrant_tables,
        lambda row, name: Quadrant(
            data.choice(row.at_key("id"), row["id"], tuple(QUADRANT_SIDES)),
            name,
            row.text_pair("description"),
        ),
    )
    missing = set(QUADRANT_SIDES) - {q.id for q in quadrants}
    if missing:
        raise top.at_key("quadrants").error(f"missing {', '.join(sorted(missing))}")
    body_areas = _named(
        top.tables("body_areas", _NAMED), lambda row, name: BodyArea(row["id"], name)
    )
    sensations = _named(
        top.tables("sensations", _NAMED), lambda row, name: Sensation(row["id"], name)
    )
    sensation_ids = {s.id for s in sensations}
    words = _named(
        top.tables("words", _WORD_FIELDS, ("quadrant",)),
        lambda row, name: _read_word(row, name, sensation_ids),
    )
    _check_counts(top.at_key("words"), words)
    return Vocabulary(body_areas, sensations, words, quadrants)


def _named(rows: list[data.Table], make: Callable[[data.Table, Text], _N]) -> tuple[_N, ...]:
    """Things with an id and a name in both languages; none of the three may repeat."""
    ids, dutch, english = data.Unique(), data.Unique(fold=True), data.Unique(fold=True)
    made = []
    for row in rows:
        ids.add(row.at_key("id"), row.value("id", data.ident))
        name = row.text_pair()
        dutch.add(row.at_key("nl"), name.nl or "")
        english.add(row.at_key("en"), name.en or "")
        made.append(make(row, name))
    return tuple(made)


def _scale(at: data.At, value: Any) -> int:
    return data.whole(at, value, SCALE_MIN, SCALE_MAX)


def _definition(at: data.At, value: Any) -> str:
    definition = data.line(at, value)
    if len(definition) > MAX_DEFINITION_CHARS:
        raise at.error(f"longer than {MAX_DEFINITION_CHARS} characters")
    return definition


def _read_word(row: data.Table, name: Text, sensation_ids: set[str]) -> Word:
    pleasantness, energy = row.value("pleasantness", _scale), row.value("energy", _scale)
    stated = row.get("quadrant", data.choice, tuple(QUADRANT_SIDES))
    on_an_axis = pleasantness == 0 or energy == 0
    if on_an_axis and stated is None:
        raise row.at_key("quadrant").error("missing (needed when pleasantness or energy is 0)")
    if not on_an_axis and stated is not None:
        raise row.at_key("quadrant").error("only allowed when pleasantness or energy is 0")
    if stated is not None and not _agrees(stated, pleasantness, energy):
        raise row.at_key("quadrant").error(f"{stated} does not match pleasantness and energy")
    sensations = row.value("sensations", data.refs, sensation_ids, "sensation")
    if not MIN_SENSATIONS_PER_WORD <= len(sensations) <= MAX_SENSATIONS_PER_WORD:
        raise row.at_key("sensations").error(
            f"must list {MIN_SENSATIONS_PER_WORD} to {MAX_SENSATIONS_PER_WORD} sensation ids"
        )
    return Word(
        id=row["id"],
        name=name,
        pleasantness=pleasantness,
        energy=energy,
        definition=row.text_pair("definition", _definition),
        sensations=sensations,
        stated_quadrant=stated,
    )


def _check_counts(at: data.At, words: tuple[Word, ...]) -> None:
    if len(words) < MIN_WORDS:
        raise at.error(f"has {len(words)} words, needs at least {MIN_WORDS}")
    for quadrant in QUADRANT_SIDES:
        count = sum(1 for w in words if quadrant_of(w) == quadrant)
        if count < MIN_WORDS_PER_QUADRANT:
            raise at.error(
                f"quadrant {quadrant} has {count} words, needs at least {MIN_WORDS_PER_QUADRANT}"
            )
