"""The vocabulary the emotion journal uses to help a person name a feeling.

The data lives in ``emotions.toml`` beside this module: body areas, body
sensations, four quadrants of the pleasantness x energy map, and feeling
words with short definitions. ``load`` reads and checks it; the other
functions answer the questions the journal asks while a person looks for
the right word.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

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

_TEXT_FIELDS = ("id", "nl", "en")
_WORD_FIELDS = _TEXT_FIELDS + (
    "pleasantness",
    "energy",
    "definition_nl",
    "definition_en",
    "sensations",
)

# Ids are stored in journal entries, so keep them plain and stable.
_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$")

# How many steps closer on the map one shared body sensation makes a word.
SENSATION_BONUS = 1.5


class VocabularyError(ValueError):
    """The vocabulary file is missing, unreadable or breaks a rule."""


@dataclass(frozen=True)
class BodyArea:
    id: str
    nl: str
    en: str


@dataclass(frozen=True)
class Sensation:
    id: str
    nl: str
    en: str


@dataclass(frozen=True)
class Quadrant:
    id: str
    nl: str
    en: str
    description_nl: str
    description_en: str


@dataclass(frozen=True)
class Word:
    id: str
    nl: str
    en: str
    pleasantness: int
    energy: int
    definition_nl: str
    definition_en: str
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
    """Read and check the vocabulary; raise VocabularyError naming file and field."""
    path = Path(path) if path is not None else DEFAULT_PATH
    reader = _Reader(path.name)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise reader.error("", f"cannot be read ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise reader.error("", f"is not valid TOML ({exc})") from exc
    unknown = set(data) - {"quadrants", "body_areas", "sensations", "words"}
    if unknown:
        raise reader.error(min(unknown), "unknown table")

    quadrants = tuple(
        Quadrant(**reader.fields(row, where, _TEXT_FIELDS + ("description_nl", "description_en")))
        for row, where in reader.tables(data, "quadrants")
    )
    reader.unique(quadrants, "quadrants", ("id", "nl", "en"))
    for index, quadrant in enumerate(quadrants):
        if quadrant.id not in QUADRANT_SIDES:
            raise reader.error(f"quadrants[{index}].id", f"must be one of {_quadrant_list()}")
    missing = set(QUADRANT_SIDES) - {q.id for q in quadrants}
    if missing:
        raise reader.error("quadrants", f"missing {', '.join(sorted(missing))}")

    body_areas = tuple(
        BodyArea(**reader.fields(row, where, _TEXT_FIELDS))
        for row, where in reader.tables(data, "body_areas")
    )
    reader.unique(body_areas, "body_areas", ("id", "nl", "en"))
    sensations = tuple(
        Sensation(**reader.fields(row, where, _TEXT_FIELDS))
        for row, where in reader.tables(data, "sensations")
    )
    reader.unique(sensations, "sensations", ("id", "nl", "en"))

    sensation_ids = {s.id for s in sensations}
    words = tuple(
        _read_word(reader, row, where, sensation_ids) for row, where in reader.tables(data, "words")
    )
    reader.unique(words, "words", ("id", "nl", "en"))
    _check_counts(reader, words)

    return Vocabulary(body_areas, sensations, words, quadrants)


def _read_word(reader: _Reader, row: dict[str, Any], where: str, sensation_ids: set[str]) -> Word:
    values = reader.fields(row, where, _WORD_FIELDS, optional=("quadrant",))
    pleasantness, energy = values["pleasantness"], values["energy"]

    stated = values.get("quadrant")
    on_an_axis = pleasantness == 0 or energy == 0
    if on_an_axis and stated is None:
        raise reader.error(f"{where}.quadrant", "missing (needed when pleasantness or energy is 0)")
    if not on_an_axis and stated is not None:
        raise reader.error(f"{where}.quadrant", "only allowed when pleasantness or energy is 0")
    if stated is not None:
        if stated not in QUADRANT_SIDES:
            raise reader.error(f"{where}.quadrant", f"must be one of {_quadrant_list()}")
        if not _agrees(stated, pleasantness, energy):
            raise reader.error(
                f"{where}.quadrant", f"{stated} does not match pleasantness and energy"
            )

    for field in ("definition_nl", "definition_en"):
        if len(values[field]) > MAX_DEFINITION_CHARS:
            raise reader.error(f"{where}.{field}", f"longer than {MAX_DEFINITION_CHARS} characters")

    listed = values["sensations"]
    if not MIN_SENSATIONS_PER_WORD <= len(listed) <= MAX_SENSATIONS_PER_WORD:
        raise reader.error(
            f"{where}.sensations",
            f"must list {MIN_SENSATIONS_PER_WORD} to {MAX_SENSATIONS_PER_WORD} sensation ids",
        )
    for position, sensation in enumerate(listed):
        if sensation not in sensation_ids:
            raise reader.error(
                f"{where}.sensations[{position}]", f"unknown sensation {sensation!r}"
            )
        if sensation in listed[:position]:
            raise reader.error(f"{where}.sensations[{position}]", f"{sensation!r} listed twice")

    return Word(
        id=values["id"],
        nl=values["nl"],
        en=values["en"],
        pleasantness=pleasantness,
        energy=energy,
        definition_nl=values["definition_nl"],
        definition_en=values["definition_en"],
        sensations=tuple(listed),
        stated_quadrant=stated,
    )


def _check_counts(reader: _Reader, words: tuple[Word, ...]) -> None:
    if len(words) < MIN_WORDS:
        raise reader.error("words", f"has {len(words)} words, needs at least {MIN_WORDS}")
    for quadrant in QUADRANT_SIDES:
        count = sum(1 for w in words if quadrant_of(w) == quadrant)
        if count < MIN_WORDS_PER_QUADRANT:
            raise reader.error(
                "words",
                f"quadrant {quadrant} has {count} words, needs at least {MIN_WORDS_PER_QUADRANT}",
            )


def _quadrant_list() -> str:
    return ", ".join(QUADRANT_SIDES)


def _is_scale_value(value: object) -> bool:
    # bool is a subclass of int, but `true` is never a place on the map.
    return (
        isinstance(value, int) and not isinstance(value, bool) and SCALE_MIN <= value <= SCALE_MAX
    )


class _Reader:
    """Checks fields one by one, so every error can name the file and the field."""

    def __init__(self, filename: str) -> None:
        self.filename = filename

    def error(self, field: str, problem: str) -> VocabularyError:
        where = f"{self.filename}: {field}" if field else self.filename
        return VocabularyError(f"{where}: {problem}")

    def tables(self, data: dict[str, Any], key: str) -> list[tuple[dict[str, Any], str]]:
        rows = data.get(key)
        if rows is None:
            raise self.error(key, "missing")
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise self.error(key, f"must be a list of tables ([[{key}]])")
        return [(row, f"{key}[{index}]") for index, row in enumerate(rows)]

    def fields(
        self,
        row: dict[str, Any],
        where: str,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        for name in row:
            if name not in required and name not in optional:
                raise self.error(f"{where}.{name}", "unknown field")
        values: dict[str, Any] = {}
        for name in required + optional:
            if name not in row:
                if name in optional:
                    continue
                raise self.error(f"{where}.{name}", "missing")
            values[name] = self._check(row[name], f"{where}.{name}", name)
        return values

    def _check(self, value: Any, field: str, name: str) -> Any:
        if name in ("pleasantness", "energy"):
            if not _is_scale_value(value):
                raise self.error(field, f"must be an integer from {SCALE_MIN} to {SCALE_MAX}")
        elif name == "sensations":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise self.error(field, "must be a list of sensation ids")
        elif not isinstance(value, str) or not value.strip():
            raise self.error(field, "must be a non-empty string")
        elif "\n" in value:
            raise self.error(field, "must be a single line")
        elif name == "id" and not _ID_PATTERN.match(value):
            raise self.error(field, "must be lowercase ascii letters and digits, joined by _ or -")
        return value

    def unique(self, items: Sequence[Any], table: str, attributes: tuple[str, ...]) -> None:
        for attribute in attributes:
            seen: dict[str, int] = {}
            for index, item in enumerate(items):
                key = getattr(item, attribute).casefold()
                if key in seen:
                    raise self.error(
                        f"{table}[{index}].{attribute}",
                        f"{getattr(item, attribute)!r} is already used by {table}[{seen[key]}]",
                    )
                seen[key] = index
