"""What a journal entry holds, and what the overview, the search and the patterns page
compute from a person's entries. Plain functions over opened (decrypted) entries; the
views open the entries and hand them over. No Django here."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import mean
from typing import Any

from gezien.journal.emotions import QUADRANT_SIDES, Vocabulary, by_id
from gezien.journal.meter import MIDDLE, VALUES, Cell, cell_of

TEXT_FIELDS = ("happened", "body_note", "feeling_note", "thoughts", "needs", "did", "helped")
LIST_FIELDS = ("body_areas", "sensations", "helpers")
SCALE_FIELDS = ("pleasantness", "energy")
INTENSITY_MIN, INTENSITY_MAX = 0, 10
# The patterns page looks back this many days, today included.
PERIODS = {"week": 7, "maand": 30, "kwartaal": 91, "jaar": 365}


@dataclass(frozen=True)
class Entry:
    """One opened entry: its id, the day it is about, and its content."""

    id: str
    day: date
    content: dict[str, Any]

    @property
    def time(self) -> str:
        return self.content.get("time") or ""

    def words(self) -> list[dict[str, Any]]:
        return self.content.get("words") or []


def is_empty(content: dict[str, Any]) -> bool:
    """True when nothing but the date and time is filled in."""
    return not any(
        content.get(name) for name in TEXT_FIELDS + LIST_FIELDS + ("words", "quadrant")
    ) and all(content.get(name) is None for name in SCALE_FIELDS)


def chosen_day(content: dict[str, Any]) -> date | None:
    """The day the person chose for the entry, if any (else the day it was written counts)."""
    try:
        return date.fromisoformat(content.get("date") or "")
    except ValueError:
        return None


def derived_quadrant(pleasantness: int | None, energy: int | None) -> str:
    """The quadrant two map answers point to; "" when one is missing or 0."""
    if not pleasantness or not energy:
        return ""
    return f"{'pleasant' if pleasantness > 0 else 'unpleasant'}-{'high' if energy > 0 else 'low'}"


def place(content: dict[str, Any], vocab: Vocabulary) -> Cell | None:
    """The cell of the mood meter an entry sits in. The map of the patterns page, its table
    and every count there use this one rule, so they always agree. Per axis: the value the
    person chose; else the side of the corner they chose (entries from before the meter
    could have only a corner); else the middle of the words they chose. An entry with an
    axis still open has no place."""
    side = QUADRANT_SIDES.get(content.get("quadrant") or "")
    spots = []
    for chosen in content.get("words") or []:
        try:
            word = by_id(vocab.words, chosen["id"])
        except KeyError:
            continue
        spots.append((word.pleasantness, word.energy))
    axes: list[float] = []
    for axis, field_name in enumerate(SCALE_FIELDS):
        value = content.get(field_name)
        if value is None and side:
            value = VALUES[MIDDLE + side[axis]]
        if value is None and spots:
            value = mean(spot[axis] for spot in spots)
        if value is None:
            return None
        axes.append(value)
    return cell_of(*axes)


# ---------------------------------------------------------------- overview and search


def by_day(entries: Iterable[Entry]) -> list[tuple[date, list[Entry]]]:
    """Newest day first; within a day, by time (entries without a time last)."""
    days: dict[date, list[Entry]] = defaultdict(list)
    for entry in entries:
        days[entry.day].append(entry)
    return [
        (day, sorted(items, key=lambda e: (e.time == "", e.time)))
        for day, items in sorted(days.items(), reverse=True)
    ]


def months(entries: Iterable[Entry]) -> list[tuple[date, int]]:
    """(first day of the month, number of entries), newest first."""
    counts = Counter(entry.day.replace(day=1) for entry in entries)
    return sorted(counts.items(), reverse=True)


@dataclass(frozen=True)
class Hit:
    entry: Entry
    before: str
    match: str
    after: str


SNIPPET = 60


def search(entries: Iterable[Entry], query: str, names: Callable[[Entry], str]) -> list[Hit]:
    """Entries that contain every word of the query, upper or lower case alike, newest
    first, each with a snippet around the first match.
    `names` gives the readable words of an entry (feeling words, body areas...) so those
    are found too."""
    terms = [term.casefold() for term in query.split()]
    if not terms:
        return []
    hits = []
    for entry in entries:
        text = "\n".join([*(entry.content.get(name) or "" for name in TEXT_FIELDS), names(entry)])
        folded = text.casefold()
        if all(term in folded for term in terms):
            # casefold can change lengths (ß -> ss); fall back to no highlight then.
            at = folded.find(terms[0]) if len(folded) == len(text) else -1
            if at < 0:
                hits.append(Hit(entry, text[: SNIPPET * 2].replace("\n", " "), "", ""))
                continue
            end = at + len(terms[0])
            hits.append(
                Hit(
                    entry,
                    ("…" if at > SNIPPET else "")
                    + text[max(0, at - SNIPPET) : at].replace("\n", " "),
                    text[at:end],
                    text[end : end + SNIPPET].replace("\n", " ")
                    + ("…" if end + SNIPPET < len(text) else ""),
                )
            )
    hits.sort(key=lambda hit: (hit.entry.day, hit.entry.time), reverse=True)
    return hits


# ---------------------------------------------------------------- patterns


@dataclass(frozen=True)
class Bucket:
    """A day or a week in the intensity-over-time chart."""

    start: date
    end: date
    entries: int
    average: float | None
    highest: int | None


@dataclass
class Patterns:
    start: date
    end: date
    entries: int
    # How many entries sit in each cell of the mood meter; the rest have no place.
    cells: dict[Cell, int] = field(default_factory=dict)
    words: list[tuple[str, int, float | None]] = field(default_factory=list)
    buckets: list[Bucket] = field(default_factory=list)
    by_week: bool = False
    helpers: list[tuple[str, int]] = field(default_factory=list)
    helped: list[tuple[date, str]] = field(default_factory=list)

    @property
    def placed(self) -> int:
        return sum(self.cells.values())


TOP_WORDS = 10
HELPED_SHOWN = 10


def patterns(entries: Sequence[Entry], period: str, today: date, vocab: Vocabulary) -> Patterns:
    """What the entries of the chosen period show: where they fell on the map, the most
    frequent feeling words (with their average intensity), intensity per day (or per
    week for the longer periods), and what helped."""
    days = PERIODS[period]
    start = today - timedelta(days=days - 1)
    chosen = [entry for entry in entries if start <= entry.day <= today]
    result = Patterns(start=start, end=today, entries=len(chosen), by_week=days > 31)

    cells: Counter[Cell] = Counter()
    word_counts: Counter[str] = Counter()
    word_intensities: dict[str, list[int]] = defaultdict(list)
    helper_counts: Counter[str] = Counter()
    for entry in chosen:
        cell = place(entry.content, vocab)
        if cell is not None:
            cells[cell] += 1
        for word in entry.words():
            word_counts[word["id"]] += 1
            if word.get("intensity") is not None:
                word_intensities[word["id"]].append(word["intensity"])
        helper_counts.update(entry.content.get("helpers") or [])
        if entry.content.get("helped"):
            result.helped.append((entry.day, entry.content["helped"]))

    result.cells = dict(sorted(cells.items()))
    result.words = [
        (
            word_id,
            count,
            round(mean(word_intensities[word_id]), 1) if word_intensities[word_id] else None,
        )
        for word_id, count in sorted(word_counts.items(), key=lambda item: (-item[1], item[0]))[
            :TOP_WORDS
        ]
    ]
    result.helpers = sorted(helper_counts.items(), key=lambda item: (-item[1], item[0]))
    result.helped.sort(reverse=True)
    result.helped = result.helped[:HELPED_SHOWN]
    result.buckets = _buckets(chosen, start, today, result.by_week)
    return result


def _buckets(entries: Sequence[Entry], start: date, end: date, by_week: bool) -> list[Bucket]:
    def bucket_start(day: date) -> date:
        return day - timedelta(days=day.weekday()) if by_week else day

    grouped: dict[date, list[Entry]] = defaultdict(list)
    for entry in entries:
        grouped[bucket_start(entry.day)].append(entry)
    buckets = []
    current = bucket_start(start)
    step = timedelta(days=7 if by_week else 1)
    while current <= end:
        items = grouped.get(current, [])
        values = [
            w["intensity"] for e in items for w in e.words() if w.get("intensity") is not None
        ]
        buckets.append(
            Bucket(
                start=max(current, start),
                end=min(current + step - timedelta(days=1), end),
                entries=len(items),
                average=round(mean(values), 1) if values else None,
                highest=max(values) if values else None,
            )
        )
        current += step
    return buckets
