"""Questionnaire definitions: read and check the TOML files in `instruments/`.

Every fact about an instrument (wording, answer values, scoring, bands, sources) lives in
its file. This module turns a file into frozen dataclasses and refuses a file that breaks
any rule, with a message that names the file and the field, for example
`phq9.toml: items[3].id: missing` (list positions count from 0).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import Any

from gezien.lib import data
from gezien.lib.text import Text

INSTRUMENTS_FOLDER = Path(__file__).resolve().parent / "instruments"

SCORED = "scored"
IMPAIRMENT = "functional_impairment"
DIFFICULTY = "difficulty"
ROLES = (SCORED, IMPAIRMENT, DIFFICULTY)
METHODS = ("sum", "mean", "count")
NO_TOTAL = "none"
DIRECTIONS = ("lower_is_better", "higher_is_better", "not_applicable")
MISSING_RULES = ("require_all", "prorate")
COMMERCIAL = ("allowed", "not_allowed", "unclear")
ROUNDINGS = ("half_up", "none")
FLAG_TARGETS = ("item", "subscale", "total")

# Fixed fields of a scored result; names that a file chooses may not shadow them.
RESULT_FIELDS = frozenset(
    {"instrument", "version", "valid", "total", "band", "subscales", "flags", "missing", "prorated"}
)

# The named algorithms and the parameters each one needs. The functions live in scoring.py;
# the parameters are read from the file so that every published constant sits beside its source.
ALGORITHM_PARAMS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "phq9_depressive_syndromes": {
            "symptom_items": "item_ids",
            "core_items": "item_ids",
            "endorsed_at_least": "whole",
            "any_level_items": "item_ids",
            "any_level_at_least": "whole",
            "major_min_symptoms": "whole",
            "other_min_symptoms": "whole",
        },
        "pcl5_provisional_ptsd": {
            "endorsed_at_least": "whole",
            "cluster_minimums": "subscale_minimums",
        },
        "itq_icd11": {
            "endorsed_at_least": "whole",
            "ptsd_clusters": "subscale_ids",
            "ptsd_impairment_items": "item_ids",
            "dso_clusters": "subscale_ids",
            "dso_impairment_items": "item_ids",
        },
        "maltreatment_forms": {"reported_value": "whole"},
    }
)

Number = int | float

_LOINC_CODE = re.compile(r"(\d{1,7})-(\d)")
_LOINC_ANSWER = {"LA": re.compile(r"LA\d{1,6}-\d"), "LL": re.compile(r"LL\d{1,6}-\d")}
_DURATION = re.compile(r"P[1-9]\d*[DWMY]")


@dataclass(frozen=True)
class Option:
    value: int
    label: Text
    loinc: str | None


@dataclass(frozen=True)
class OptionSet:
    id: str
    options: tuple[Option, ...]
    loinc: str | None
    source: str

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(option.value for option in self.options)

    @property
    def lowest(self) -> int:
        return min(self.values)

    @property
    def highest(self) -> int:
        return max(self.values)


@dataclass(frozen=True)
class Section:
    id: str
    lead_in: Text
    source: str


@dataclass(frozen=True)
class Item:
    id: str
    number: str
    role: str
    options: OptionSet
    text: Text
    section: str | None
    loinc: str | None
    note: str | None


@dataclass(frozen=True)
class TimeFrame:
    text: Text
    duration: str | None  # ISO 8601, e.g. P14D
    before_age_years: int | None


@dataclass(frozen=True)
class Wording:
    en_source: str
    nl_source: str
    notes: str | None
    dutch_note: str | None  # shown in Dutch when the form is English only
    english_note: str | None = None  # shown in English when the form is Dutch only
    # Where the Dutch text an organisation added comes from, and its permission (translations.py)
    added_dutch: str | None = None


@dataclass(frozen=True)
class Scoring:
    method: str  # sum, mean, count or none (no total published)
    unit: str
    range: tuple[Number, Number] | None
    reverse_items: tuple[str, ...]
    count_value: int | None
    scale_factor: Number | None
    scaled_name: str | None
    scaled_unit: str | None
    source: str
    multiply_sum_by: int = 1  # the published total is the sum times this (MHI-5: 4)


@dataclass(frozen=True)
class MissingRule:
    rule: str  # require_all or prorate
    max_missing: int
    rounding: str  # half_up or none
    source: str


@dataclass(frozen=True)
class Subscale:
    id: str
    name: Text
    method: str
    items: tuple[str, ...]
    range: tuple[Number, Number]
    loinc_panel: str | None
    loinc_total: str | None
    source: str


@dataclass(frozen=True)
class Band:
    id: str
    min: int
    max: int
    label: Text


@dataclass(frozen=True)
class Bands:
    unit: str
    source: str
    levels: tuple[Band, ...]  # empty when none are published


@dataclass(frozen=True)
class FlagRule:
    id: str
    target: str  # item, subscale or total
    ref: str | None
    at_least: Number | None  # None for a flag raised when its item is unanswered
    source: str
    note: str | None
    unanswered: bool = False
    help_first: bool = False  # the result shows the calm help block before any score


@dataclass(frozen=True)
class Algorithm:
    name: str
    params: Mapping[str, Any]
    source: str


@dataclass(frozen=True)
class ReliableChange:
    threshold: Number | None  # None: no published figure
    unit: str | None
    applies_to: str | None  # "total" or the scaled score's name
    source: str

    @property
    def available(self) -> bool:
        return self.threshold is not None


@dataclass(frozen=True)
class Form:
    id: str
    item: str
    label: Text


@dataclass(frozen=True)
class Licence:
    notice: str  # the rights holder's statement as found, or that none was found
    source: str  # where that statement was found
    who: Text  # who may use it, in plain words (shown to operators and readers)
    commercial: str  # allowed, not_allowed or unclear
    ask_first: bool  # an installation must get permission before offering it


@dataclass(frozen=True)
class Loinc:
    panel: str | None
    total: str | None
    note: str | None


@dataclass(frozen=True)
class Instrument:
    id: str
    version: int
    file: str
    short_name: str
    full_name: str
    name: Text
    dutch_available: bool
    direction: str
    instructions: Text
    time_frame: TimeFrame
    wording: Wording
    option_sets: tuple[OptionSet, ...]
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    scoring: Scoring
    missing: MissingRule
    subscales: tuple[Subscale, ...]
    bands: Bands
    flags: tuple[FlagRule, ...]
    algorithm: Algorithm | None
    reliable_change: ReliableChange
    forms: tuple[Form, ...]
    loinc: Loinc
    citation: str
    licence: Licence

    def item(self, item_id: str) -> Item:
        return next(item for item in self.items if item.id == item_id)

    def subscale(self, subscale_id: str) -> Subscale:
        return next(sub for sub in self.subscales if sub.id == subscale_id)

    @property
    def scored_items(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.role == SCORED)


def load_all(folder: Path | str | None = None) -> dict[str, Instrument]:
    """Load and check every `*.toml` file in `folder` (default: the shipped instruments)."""
    folder = Path(folder) if folder is not None else INSTRUMENTS_FOLDER
    paths = sorted(folder.glob("*.toml"))
    if not paths:
        raise data.At(str(folder)).error("no definition files (*.toml)")
    instruments = (load_file(path) for path in paths)
    return {instrument.id: instrument for instrument in instruments}


def load_file(path: Path | str) -> Instrument:
    path = Path(path)
    return _instrument(path.name, data.read_toml(path))


# --- measure's own value readers -------------------------------------------------------


def _loinc_check_digit(digits: str) -> int:
    # LOINC Users' Guide, "mod 10" check digit: double the digits in odd positions counted
    # from the right, put the other digits in front, add up all the digits.
    odd, even = digits[::-1][0::2][::-1], digits[::-1][1::2][::-1]
    total = sum(int(digit) for digit in even + str(int(odd) * 2))
    return (10 - total % 10) % 10


def _loinc(at: data.At, value: Any) -> str:
    code = data.text(at, value)
    match = _LOINC_CODE.fullmatch(code)
    if not match:
        raise at.error(f"'{code}' is not a LOINC code (digits, '-', check digit)")
    if _loinc_check_digit(match.group(1)) != int(match.group(2)):
        raise at.error(f"'{code}' has a wrong LOINC check digit")
    return code


def _loinc_answer(at: data.At, value: Any, prefix: str) -> str:
    code = data.text(at, value)
    if not _LOINC_ANSWER[prefix].fullmatch(code):
        raise at.error(f"'{code}' is not a LOINC {prefix} code ({prefix}nnnn-n)")
    return code


def exact_number(value: Fraction) -> Number:
    """A whole number stays an int; anything else becomes a float."""
    return int(value) if value.denominator == 1 else float(value)


def _text(
    table: data.Table, *, nl_allowed: bool, nl_required: bool, en_allowed: bool = True
) -> Text:
    """A published text; `en_allowed` is false for wording published in Dutch alone, and the
    table then lists "en" as optional so that this names the field when it is there."""
    if en_allowed:
        en = data.text(table.at_key("en"), table.raw["en"])
    else:
        table.forbid("en", "english_available is false: the wording is published in Dutch only")
        table.require("nl", "the Dutch wording is the only one")
        en = None
    if not nl_allowed:
        table.forbid("nl", "dutch_available is false, so only the English original is shown")
    elif nl_required:
        table.require("nl", "a Dutch text is needed here")
    return Text(en=en, nl=table.get("nl", data.text))


# --- reading a whole instrument ------------------------------------------------------------


_TOP_REQUIRED = (
    "id",
    "version",
    "short_name",
    "full_name",
    "dutch_available",
    "direction",
    "citation",
    "licence",
    "name",
    "instructions",
    "time_frame",
    "wording",
    "option_sets",
    "items",
    "scoring",
    "missing",
    "bands",
    "reliable_change",
    "loinc",
)
_TOP_OPTIONAL = ("sections", "subscales", "flags", "algorithm", "forms", "english_available")


def _instrument(file: str, raw: Any) -> Instrument:
    top = data.Table(data.At(file), raw, _TOP_REQUIRED, _TOP_OPTIONAL)
    instrument_id = data.ident(top.at_key("id"), raw["id"])
    if f"{instrument_id}.toml" != file:
        raise top.at_key("id").error(f"'{instrument_id}' must match the file name")
    dutch = data.boolean(top.at_key("dutch_available"), raw["dutch_available"])
    english = top.get("english_available", data.boolean)
    english = True if english is None else english
    if not english and not dutch:
        raise top.at_key("english_available").error("needs dutch_available = true")
    direction = data.choice(top.at_key("direction"), raw["direction"], DIRECTIONS)
    option_sets = _option_sets(top, dutch, english)
    sections = _sections(top, dutch, english)
    items = _items(top, dutch, english, option_sets, sections)
    scoring = _scoring(top, items)
    missing = _missing_rule(top, items, scoring)
    subscales = _subscales(top, items, scoring)
    return Instrument(
        id=instrument_id,
        version=data.whole(top.at_key("version"), raw["version"], minimum=1),
        file=file,
        short_name=data.text(top.at_key("short_name"), raw["short_name"]),
        full_name=data.text(top.at_key("full_name"), raw["full_name"]),
        name=_text(top.table("name", ("en", "nl")), nl_allowed=True, nl_required=True),
        dutch_available=dutch,
        direction=direction,
        # Without a published English form, an English instruction is only there when the
        # instruction is Gezien's own words (MHI-5), so it is optional.
        instructions=_text(
            top.table("instructions", ("nl", "en") if english else ("nl",), ("en",)),
            nl_allowed=True,
            nl_required=True,
            en_allowed=english or "en" in raw["instructions"],
        ),
        time_frame=_time_frame(top),
        wording=_wording(top, dutch, english),
        option_sets=tuple(option_sets.values()),
        sections=tuple(sections.values()),
        items=tuple(items.values()),
        scoring=scoring,
        missing=missing,
        subscales=tuple(subscales.values()),
        bands=_bands(top, scoring, missing),
        flags=_flags(top, items, subscales, scoring),
        algorithm=(algorithm := _algorithm(top, items, subscales)),
        reliable_change=_reliable_change(top, scoring, direction),
        forms=_forms(top, items, scoring, algorithm),
        loinc=_loinc_table(top),
        citation=data.text(top.at_key("citation"), raw["citation"]),
        licence=_licence(top),
    )


def _licence(top: data.Table) -> Licence:
    table = top.table("licence", ("notice", "source", "who", "commercial", "ask_first"))
    return Licence(
        notice=data.text(table.at_key("notice"), table.raw["notice"]),
        source=data.text(table.at_key("source"), table.raw["source"]),
        who=_text(table.table("who", ("en", "nl")), nl_allowed=True, nl_required=True),
        commercial=data.choice(table.at_key("commercial"), table.raw["commercial"], COMMERCIAL),
        ask_first=data.boolean(table.at_key("ask_first"), table.raw["ask_first"]),
    )


def _time_frame(top: data.Table) -> TimeFrame:
    table = top.table("time_frame", ("en", "nl"), ("duration", "before_age_years"))
    duration = table.get("duration", data.text)
    if duration is not None and not _DURATION.fullmatch(duration):
        raise table.at_key("duration").error(
            f"'{duration}' is not an ISO 8601 period like P14D or P1M"
        )
    return TimeFrame(
        text=_text(table, nl_allowed=True, nl_required=True),
        duration=duration,
        before_age_years=table.get("before_age_years", data.whole, 1),
    )


def _wording(top: data.Table, dutch: bool, english: bool) -> Wording:
    table = top.table(
        "wording", ("en_source", "nl_source"), ("notes", "dutch_note", "english_note")
    )
    if dutch:
        table.forbid("dutch_note", "the questionnaire is shown in Dutch")
    else:
        table.require("dutch_note", "say in Dutch why the form is shown in English")
    if english:
        table.forbid("english_note", "the questionnaire is shown in English")
    else:
        table.require("english_note", "say in English why the form is shown in Dutch")
    return Wording(
        en_source=data.text(table.at_key("en_source"), table.raw["en_source"]),
        nl_source=data.text(table.at_key("nl_source"), table.raw["nl_source"]),
        notes=table.get("notes", data.text),
        dutch_note=table.get("dutch_note", data.text),
        english_note=table.get("english_note", data.text),
    )


def _en_keys(english: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Where "en" goes among a table's keys: required, or optional (and then refused)."""
    return (("en",), ()) if english else ((), ("en",))


def _option_sets(top: data.Table, dutch: bool, english: bool) -> dict[str, OptionSet]:
    en_required, en_optional = _en_keys(english)
    sets: dict[str, OptionSet] = {}
    for table in top.tables("option_sets", ("id", "options", "source"), ("loinc",)):
        set_id = data.fresh(
            table.at_key("id"), data.ident(table.at_key("id"), table.raw["id"]), set(sets)
        )
        at = table.at_key("options")
        options = []
        for position, raw in enumerate(data.items(at, table.raw["options"])):
            option = data.Table(
                at.index(position), raw, ("value", *en_required), ("nl", "loinc", *en_optional)
            )
            options.append(
                Option(
                    value=data.whole(option.at_key("value"), raw["value"]),
                    label=_text(
                        option, nl_allowed=dutch, nl_required=not english, en_allowed=english
                    ),
                    loinc=option.get("loinc", _loinc_answer, "LA"),
                )
            )
        _check_options(at, options)
        sets[set_id] = OptionSet(
            id=set_id,
            options=tuple(options),
            loinc=table.get("loinc", _loinc_answer, "LL"),
            source=data.text(table.at_key("source"), table.raw["source"]),
        )
    return sets


def _check_options(at: data.At, options: list[Option]) -> None:
    if len(options) < 2:
        raise at.error("needs at least two answer options")
    pairs = list(pairwise(option.value for option in options))
    if not (all(a < b for a, b in pairs) or all(a > b for a, b in pairs)):
        raise at.error("values must be in strictly rising or strictly falling order")
    with_nl = [option.label.nl is not None for option in options]
    if any(with_nl) and not all(with_nl):
        position = with_nl.index(False)
        raise (
            at.index(position).key("nl").error("missing: give Dutch labels for all options or none")
        )


def _sections(top: data.Table, dutch: bool, english: bool) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    en_required, en_optional = _en_keys(english)
    for table in top.tables("sections", ("id", "source", *en_required), ("nl", *en_optional)):
        section_id = data.fresh(
            table.at_key("id"), data.ident(table.at_key("id"), table.raw["id"]), set(sections)
        )
        sections[section_id] = Section(
            id=section_id,
            lead_in=_text(table, nl_allowed=dutch, nl_required=dutch, en_allowed=english),
            source=data.text(table.at_key("source"), table.raw["source"]),
        )
    return sections


def _items(
    top: data.Table,
    dutch: bool,
    english: bool,
    option_sets: Mapping[str, OptionSet],
    sections: Mapping[str, Section],
) -> dict[str, Item]:
    items: dict[str, Item] = {}
    numbers = data.Unique()
    en_required, en_optional = _en_keys(english)
    tables = top.tables(
        "items",
        ("id", "number", "role", "options", *en_required),
        ("nl", "loinc", "note", "section", *en_optional),
    )
    if not tables:
        raise top.at_key("items").error("missing")
    for table in tables:
        raw = table.raw
        item_id = data.fresh(
            table.at_key("id"), data.ident(table.at_key("id"), raw["id"]), set(items)
        )
        role = data.choice(table.at_key("role"), raw["role"], ROLES)
        set_id = data.text(table.at_key("options"), raw["options"])
        if set_id not in option_sets:
            raise table.at_key("options").error(f"unknown option set '{set_id}'")
        section = table.get("section", data.text)
        if section is not None and section not in sections:
            raise table.at_key("section").error(f"unknown section '{section}'")
        # A form shown in Dutch needs Dutch wording for everything that is scored; the
        # unscored difficulty item may stay English when no Dutch wording was found.
        text = _text(
            table,
            nl_allowed=dutch,
            nl_required=dutch and role != DIFFICULTY,
            en_allowed=english,
        )
        if text.nl is not None and option_sets[set_id].options[0].label.nl is None:
            raise table.at_key("options").error(f"option set '{set_id}' has no Dutch labels")
        items[item_id] = Item(
            id=item_id,
            number=numbers.add(
                table.at_key("number"), data.text(table.at_key("number"), raw["number"])
            ),
            role=role,
            options=option_sets[set_id],
            text=text,
            section=section,
            loinc=table.get("loinc", _loinc),
            note=table.get("note", data.text),
        )
    if not any(item.role == SCORED for item in items.values()):
        raise top.at_key("items").error("needs at least one item with role 'scored'")
    return items


def _range_of(items: Sequence[Item], method: str, times: int = 1) -> tuple[Number, Number]:
    if method == "count":
        return 0, len(items)
    lows = sum(item.options.lowest for item in items) * times
    highs = sum(item.options.highest for item in items) * times
    if method == "mean":
        return exact_number(Fraction(lows, len(items))), exact_number(Fraction(highs, len(items)))
    return lows, highs


def _check_range(
    at: data.At, declared: tuple[Number, Number], computed: tuple[Number, Number]
) -> None:
    if declared != computed:
        raise at.error(f"must be [{computed[0]}, {computed[1]}] for these items and this method")


def _check_count_value(at: data.At, count_value: int | None, items: Sequence[Item]) -> None:
    if count_value is None:
        raise at.error("method 'count' needs scoring.count_value")
    for item in items:
        if count_value not in item.options.values:
            raise at.error(
                f"scoring.count_value {count_value} is not an answer value of '{item.id}'"
            )


def _scoring(top: data.Table, items: Mapping[str, Item]) -> Scoring:
    scaled_keys = ("scale_factor", "scaled_name", "scaled_unit", "scaled_range")
    table = top.table(
        "scoring",
        ("method", "unit", "reverse_items", "source"),
        ("range", "count_value", "multiply_sum_by", *scaled_keys),
    )
    method = data.choice(table.at_key("method"), table.raw["method"], (*METHODS, NO_TOTAL))
    scored = {item_id: item for item_id, item in items.items() if item.role == SCORED}
    at = table.at_key("reverse_items")
    reverse = data.refs(at, table.raw["reverse_items"], scored, "scored item", non_empty=False)
    for position, item_id in enumerate(reverse):
        values = scored[item_id].options.values
        if sorted(min(values) + max(values) - value for value in values) != sorted(values):
            raise at.index(position).error(
                f"answer values of '{item_id}' are not symmetric, so they cannot be reversed"
            )
    total_range = None
    times = table.get("multiply_sum_by", data.whole, 2) or 1
    if times != 1 and method != "sum":
        raise table.at_key("multiply_sum_by").error("only a sum can be multiplied")
    if method == NO_TOTAL:
        for key in ("range", "count_value", *scaled_keys):
            table.forbid(key, "method 'none' has no total score")
    else:
        table.require("range", "the lowest and highest possible total")
        total_range = data.pair(table.at_key("range"), table.raw["range"])
        _check_range(
            table.at_key("range"), total_range, _range_of(list(scored.values()), method, times)
        )
    count_value = table.get("count_value", data.whole)
    if method == "count":
        _check_count_value(table.at_key("method"), count_value, list(scored.values()))
    factor = table.get("scale_factor", data.number)
    if factor is None:
        for key in scaled_keys[1:]:
            table.forbid(key, "no scale_factor is given")
    else:
        assert total_range is not None  # method 'none' forbids scale_factor above
        _check_scaled(table, factor, total_range)
    return Scoring(
        method=method,
        unit=data.text(table.at_key("unit"), table.raw["unit"]),
        range=total_range,
        reverse_items=reverse,
        count_value=count_value,
        scale_factor=factor,
        scaled_name=table.get("scaled_name", data.ident),
        scaled_unit=table.get("scaled_unit", data.text),
        source=data.text(table.at_key("source"), table.raw["source"]),
        multiply_sum_by=times,
    )


def _check_scaled(table: data.Table, factor: Number, total_range: tuple[Number, Number]) -> None:
    if factor <= 0:
        raise table.at_key("scale_factor").error("must be above 0")
    for key in ("scaled_name", "scaled_unit", "scaled_range"):
        table.require(key, "needed with scale_factor")
    scaled_name = data.ident(table.at_key("scaled_name"), table.raw["scaled_name"])
    if scaled_name in RESULT_FIELDS:
        raise table.at_key("scaled_name").error(f"'{scaled_name}' is a fixed result field")
    _check_range(
        table.at_key("scaled_range"),
        data.pair(table.at_key("scaled_range"), table.raw["scaled_range"]),
        (total_range[0] * factor, total_range[1] * factor),
    )


def _missing_rule(top: data.Table, items: Mapping[str, Item], scoring: Scoring) -> MissingRule:
    table = top.table("missing", ("rule", "source"), ("max_missing", "rounding"))
    rule = data.choice(table.at_key("rule"), table.raw["rule"], MISSING_RULES)
    source = data.text(table.at_key("source"), table.raw["source"])
    if rule == "require_all":
        table.forbid("max_missing", "rule 'require_all' allows no missing items")
        table.forbid("rounding", "rule 'require_all' never estimates a score")
        return MissingRule(rule, 0, "none", source)
    if scoring.method == NO_TOTAL:
        raise table.at_key("rule").error("'prorate' needs a total score")
    table.require("max_missing", "how many items may be missing")
    table.require("rounding", "how the estimated score is rounded")
    scored = sum(1 for item in items.values() if item.role == SCORED)
    max_missing = data.whole(table.at_key("max_missing"), table.raw["max_missing"], minimum=1)
    if max_missing >= scored:
        raise table.at_key("max_missing").error(f"must be below the {scored} scored items")
    if any(item.role == IMPAIRMENT for item in items.values()):
        raise table.at_key("rule").error("'prorate' cannot estimate functional impairment items")
    rounding = data.choice(table.at_key("rounding"), table.raw["rounding"], ROUNDINGS)
    return MissingRule(rule, max_missing, rounding, source)


def _subscales(top: data.Table, items: Mapping[str, Item], scoring: Scoring) -> dict[str, Subscale]:
    subscales: dict[str, Subscale] = {}
    scored = {item_id: item for item_id, item in items.items() if item.role == SCORED}
    tables = top.tables(
        "subscales",
        ("id", "name", "method", "items", "range", "source"),
        ("loinc_panel", "loinc_total"),
    )
    for table in tables:
        subscale_id = data.fresh(
            table.at_key("id"), data.ident(table.at_key("id"), table.raw["id"]), set(subscales)
        )
        method = data.choice(table.at_key("method"), table.raw["method"], METHODS)
        members = data.refs(table.at_key("items"), table.raw["items"], scored, "scored item")
        member_items = [scored[item_id] for item_id in members]
        declared = data.pair(table.at_key("range"), table.raw["range"])
        _check_range(table.at_key("range"), declared, _range_of(member_items, method))
        if method == "count":
            _check_count_value(table.at_key("method"), scoring.count_value, member_items)
        subscales[subscale_id] = Subscale(
            id=subscale_id,
            name=_text(table.table("name", ("en", "nl")), nl_allowed=True, nl_required=True),
            method=method,
            items=members,
            range=declared,
            loinc_panel=table.get("loinc_panel", _loinc),
            loinc_total=table.get("loinc_total", _loinc),
            source=data.text(table.at_key("source"), table.raw["source"]),
        )
    return subscales


def _bands(top: data.Table, scoring: Scoring, missing: MissingRule) -> Bands:
    table = top.table("bands", ("unit", "source"), ("levels",))
    at = table.at_key("levels")
    if table.has("levels") and scoring.method == NO_TOTAL:
        raise at.error("not allowed: there is no total score")
    levels = table.tables("levels", ("id", "min", "max", "en", "nl"))
    fractional = scoring.method == "mean" or (
        missing.rule == "prorate" and missing.rounding == "none"
    )
    if levels and fractional:
        raise at.error("bands need whole-number totals (method sum or count, estimates rounded)")
    bands: list[Band] = []
    seen = data.Unique()
    total = scoring.range or (0, 0)  # levels exist only with a total (checked above)
    for position, level in enumerate(levels):
        low = data.whole(level.at_key("min"), level.raw["min"])
        high = data.whole(level.at_key("max"), level.raw["max"])
        expected_low = total[0] if position == 0 else bands[-1].max + 1
        if low != expected_low:
            problem = (
                "must start at the lowest total" if position == 0 else "leaves a gap or overlap"
            )
            raise level.at_key("min").error(f"{problem}: expected {expected_low}")
        if high < low:
            raise level.at_key("max").error("must not be below min")
        bands.append(
            Band(
                id=seen.add(level.at_key("id"), data.ident(level.at_key("id"), level.raw["id"])),
                min=low,
                max=high,
                label=_text(level, nl_allowed=True, nl_required=True),
            )
        )
    if bands and bands[-1].max != total[1]:
        raise (
            at.index(len(bands) - 1)
            .key("max")
            .error(f"must end at the highest total: expected {total[1]}")
        )
    return Bands(
        unit=data.text(table.at_key("unit"), table.raw["unit"]),
        source=data.text(table.at_key("source"), table.raw["source"]),
        levels=tuple(bands),
    )


def _flags(
    top: data.Table, items: Mapping[str, Item], subscales: Mapping[str, Subscale], scoring: Scoring
) -> tuple[FlagRule, ...]:
    flags: list[FlagRule] = []
    seen = data.Unique()
    for table in top.tables(
        "flags",
        ("id", "target", "source"),
        ("ref", "note", "at_least", "unanswered", "help_first"),
    ):
        help_first = bool(table.get("help_first", data.boolean))
        flag_id = seen.add(table.at_key("id"), data.ident(table.at_key("id"), table.raw["id"]))
        target = data.choice(table.at_key("target"), table.raw["target"], FLAG_TARGETS)
        ref = table.get("ref", data.text)
        if table.get("unanswered", data.boolean):
            flags.append(_unanswered_flag(table, flag_id, target, ref, items, help_first))
            continue
        table.require("at_least", "the lowest value that raises the flag")
        if target == "total":
            table.forbid("ref", "a total flag refers to the total")
            if scoring.range is None:
                raise table.at_key("target").error("there is no total score")
            low, high = scoring.range
        else:
            table.require("ref", f"which {target} the flag looks at")
            known: Mapping[str, Any] = items if target == "item" else subscales
            if ref is None or ref not in known:
                raise table.at_key("ref").error(f"unknown {target} '{ref}'")
            low, high = (
                (items[ref].options.lowest, items[ref].options.highest)
                if target == "item"
                else subscales[ref].range
            )
        at_least = data.number(table.at_key("at_least"), table.raw["at_least"])
        if not low < at_least <= high:
            raise table.at_key("at_least").error(f"must be above {low} and at most {high}")
        flags.append(
            FlagRule(
                flag_id,
                target,
                ref,
                at_least,
                data.text(table.at_key("source"), table.raw["source"]),
                table.get("note", data.text),
                help_first=help_first,
            )
        )
    return tuple(flags)


def _unanswered_flag(
    table: data.Table,
    flag_id: str,
    target: str,
    ref: str | None,
    items: Mapping[str, Item],
    help_first: bool,
) -> FlagRule:
    """A flag for a question that must never be estimated silently (PHQ-9 item 9)."""
    table.forbid("at_least", "a flag for an unanswered item has no value")
    if target != "item":
        raise table.at_key("target").error("only an item can be unanswered")
    if ref is None or ref not in items:
        raise table.at_key("ref").error(f"unknown item '{ref}'")
    if items[ref].role == DIFFICULTY:
        raise table.at_key("ref").error("the unscored difficulty item may always be skipped")
    return FlagRule(
        flag_id,
        target,
        ref,
        None,
        data.text(table.at_key("source"), table.raw["source"]),
        table.get("note", data.text),
        unanswered=True,
        help_first=help_first,
    )


def _algorithm(
    top: data.Table, items: Mapping[str, Item], subscales: Mapping[str, Subscale]
) -> Algorithm | None:
    if not top.has("algorithm"):
        return None
    table = top.table("algorithm", ("name", "source", "params"))
    name = data.choice(table.at_key("name"), table.raw["name"], tuple(ALGORITHM_PARAMS))
    kinds = ALGORITHM_PARAMS[name]
    params_table = table.table("params", tuple(kinds))
    params: dict[str, Any] = {}
    for key, kind in kinds.items():
        at, value = params_table.at_key(key), params_table.raw[key]
        if kind == "whole":
            params[key] = data.whole(at, value, minimum=0)
        elif kind == "item_ids":
            params[key] = data.refs(at, value, items, "item")
        elif kind == "subscale_ids":
            params[key] = data.refs(at, value, subscales, "subscale")
        else:
            params[key] = _subscale_minimums(at, value, subscales)
    return Algorithm(
        name, MappingProxyType(params), data.text(table.at_key("source"), table.raw["source"])
    )


def _subscale_minimums(
    at: data.At, value: Any, subscales: Mapping[str, Subscale]
) -> Mapping[str, int]:
    if not isinstance(value, dict) or not value:
        raise at.error("must be a table of subscale id = minimum")
    for subscale_id in value:
        if subscale_id not in subscales:
            raise at.key(subscale_id).error(f"unknown subscale '{subscale_id}'")
    return MappingProxyType(
        {sub: data.whole(at.key(sub), number, minimum=1) for sub, number in value.items()}
    )


def _reliable_change(top: data.Table, scoring: Scoring, direction: str) -> ReliableChange:
    table = top.table("reliable_change", ("source",), ("threshold", "unit", "applies_to"))
    source = data.text(table.at_key("source"), table.raw["source"])
    if not table.has("threshold"):
        table.forbid("unit", "no threshold is given")
        table.forbid("applies_to", "no threshold is given")
        return ReliableChange(None, None, None, source)
    if direction == "not_applicable":
        raise table.at_key("threshold").error("not allowed: direction is 'not_applicable'")
    if scoring.method == NO_TOTAL:
        raise table.at_key("threshold").error("not allowed: there is no total score")
    table.require("unit", "the unit of the threshold")
    table.require("applies_to", "'total' or the scaled score's name")
    threshold = data.number(table.at_key("threshold"), table.raw["threshold"])
    if threshold <= 0:
        raise table.at_key("threshold").error("must be above 0")
    applies_to = data.choice(
        table.at_key("applies_to"),
        table.raw["applies_to"],
        ("total", scoring.scaled_name) if scoring.scaled_name else ("total",),
    )
    return ReliableChange(
        threshold, data.text(table.at_key("unit"), table.raw["unit"]), applies_to, source
    )


def _forms(
    top: data.Table, items: Mapping[str, Item], scoring: Scoring, algorithm: Algorithm | None
) -> tuple[Form, ...]:
    if top.has("forms") and (algorithm is None or algorithm.name != "maltreatment_forms"):
        # The result page reads each form's answer through that algorithm's reported_value.
        raise top.at_key("forms").error("only allowed with the maltreatment_forms algorithm")
    forms: list[Form] = []
    seen = data.Unique()
    for table in top.tables("forms", ("id", "item", "en", "nl")):
        form_id = seen.add(table.at_key("id"), data.ident(table.at_key("id"), table.raw["id"]))
        if form_id in RESULT_FIELDS or form_id == scoring.scaled_name:
            raise table.at_key("id").error(f"'{form_id}' is already a result field")
        item = data.text(table.at_key("item"), table.raw["item"])
        if item not in items:
            raise table.at_key("item").error(f"unknown item '{item}'")
        forms.append(Form(form_id, item, _text(table, nl_allowed=True, nl_required=True)))
    return tuple(forms)


def _loinc_table(top: data.Table) -> Loinc:
    table = top.table("loinc", (), ("panel", "total", "note"))
    if not table.raw:
        raise table.at.error("give the LOINC codes or a note saying none were found")
    return Loinc(
        panel=table.get("panel", _loinc),
        total=table.get("total", _loinc),
        note=table.get("note", data.text),
    )
