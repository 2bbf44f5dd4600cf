"""One scoring engine for every questionnaire.

Sums, means, counts, reversed items, subscales, bands, flags and the missing-item rule all
come from the definition file. Only the named algorithms know about one instrument; each is
one small function, registered by name, and takes its published constants from the file.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from gezien.measure.definitions import (
    ALGORITHM_PARAMS,
    DIFFICULTY,
    NO_TOTAL,
    FlagRule,
    Instrument,
    Item,
    Number,
    exact_number,
)

# Every item id of one instrument, mapped to the answer value, or None when unanswered.
Values = Mapping[str, int | None]

IMPROVED = "improved"
WORSENED = "worsened"
NO_RELIABLE_CHANGE = "no_reliable_change"
NOT_AVAILABLE = "not_available"


@dataclass(frozen=True)
class Result:
    instrument: str
    valid: bool  # enough items answered for the published scoring rule
    total: Number | None
    band: str | None
    subscales: Mapping[str, Number | None]
    algorithm: Mapping[str, Any]  # named outcomes, e.g. provisional_ptsd or percentage
    flags: frozenset[str]
    missing: tuple[str, ...]  # unanswered items, in published order
    prorated: bool  # the total includes an estimate for missing items


@dataclass(frozen=True)
class Change:
    instrument: str
    direction: str  # improved, worsened, no_reliable_change or not_available
    difference: Number | None  # later minus earlier, in `unit`
    threshold: Number | None
    unit: str | None
    source: str


def score(instrument: Instrument, answers: Mapping[str, int | None]) -> Result:
    """Score answers (item id -> answer value, None or absent when unanswered).

    Raises ValueError for an unknown item id or a value that is not an answer option;
    commands.parse_answers turns raw input into answers that pass.
    """
    values = _values(instrument, answers)
    missing = tuple(item_id for item_id, value in values.items() if value is None)
    unanswered = sum(
        1 for item in instrument.items if item.role != DIFFICULTY and values[item.id] is None
    )
    valid = unanswered <= instrument.missing.max_missing
    total = _total(instrument, values) if valid else None
    subscales = {
        sub.id: _subscale(instrument, sub.method, sub.items, values) for sub in instrument.subscales
    }
    outcomes: dict[str, Any] = {}
    scoring = instrument.scoring
    if scoring.scale_factor is not None:
        assert scoring.scaled_name is not None  # the loader requires it with a scale factor
        outcomes[scoring.scaled_name] = None if total is None else total * scoring.scale_factor
    if instrument.algorithm is not None:
        run = _ALGORITHMS[instrument.algorithm.name]
        outcomes.update(run(instrument, values, instrument.algorithm.params))
    return Result(
        instrument=instrument.id,
        valid=valid,
        total=total,
        band=_band(instrument, total),
        subscales=MappingProxyType(subscales),
        algorithm=MappingProxyType(outcomes),
        flags=frozenset(
            rule.id for rule in instrument.flags if _raised(rule, values, total, subscales)
        ),
        missing=missing,
        prorated=total is not None
        and any(values[item.id] is None for item in instrument.scored_items),
    )


def reliable_change(instrument: Instrument, earlier: Result, later: Result) -> Change:
    """Compare two results with the instrument's published reliable-change figure."""
    for result in (earlier, later):
        if result.instrument != instrument.id:
            raise ValueError(f"a {result.instrument} result cannot be compared as {instrument.id}")
    figure = instrument.reliable_change
    if not figure.available:
        return Change(instrument.id, NOT_AVAILABLE, None, None, None, figure.source)
    assert figure.applies_to is not None  # the loader requires it with a threshold
    before, after = (
        result.total if figure.applies_to == "total" else result.algorithm[figure.applies_to]
        for result in (earlier, later)
    )
    if before is None or after is None:
        return Change(
            instrument.id, NOT_AVAILABLE, None, figure.threshold, figure.unit, figure.source
        )
    difference = after - before
    if abs(difference) < figure.threshold:
        direction = NO_RELIABLE_CHANGE
    elif (difference > 0) == (instrument.direction == "higher_is_better"):
        direction = IMPROVED
    else:
        direction = WORSENED
    return Change(
        instrument.id, direction, difference, figure.threshold, figure.unit, figure.source
    )


def _values(instrument: Instrument, answers: Mapping[str, int | None]) -> dict[str, int | None]:
    known = {item.id for item in instrument.items}
    unknown = [item_id for item_id in answers if item_id not in known]
    if unknown:
        raise ValueError(f"{instrument.id} has no item '{unknown[0]}'")
    values = {}
    for item in instrument.items:
        value = answers.get(item.id)
        is_whole = isinstance(value, int) and not isinstance(value, bool)
        if value is not None and not (is_whole and value in item.options.values):
            raise ValueError(f"{item.id}: {value!r} is not one of {list(item.options.values)}")
        values[item.id] = value
    return values


def _scored_value(instrument: Instrument, item: Item, value: int) -> int:
    if item.id in instrument.scoring.reverse_items:
        return item.options.lowest + item.options.highest - value
    return value


def _combine(
    method: str, scored: Sequence[int], expected: int, count_value: int | None, rounding: str
) -> Number:
    """Sum, mean or count of the answered items' scores.

    With fewer answers than `expected`, a sum or count gives each missing item the mean of
    the answered ones (the published prorating rule); a mean is simply the answered mean.
    """
    if method == "count":
        scored = [int(value == count_value) for value in scored]
    if method == "mean":
        exact = Fraction(sum(scored), len(scored))
    else:
        exact = Fraction(sum(scored) * expected, len(scored))
    if rounding == "half_up":
        return math.floor(exact + Fraction(1, 2))
    return exact_number(exact)


def _total(instrument: Instrument, values: Values) -> Number | None:
    if instrument.scoring.method == NO_TOTAL:
        return None
    items = instrument.scored_items
    scored = [
        _scored_value(instrument, item, value)
        for item in items
        if (value := values[item.id]) is not None
    ]
    combined = _combine(
        instrument.scoring.method,
        scored,
        len(items),
        instrument.scoring.count_value,
        instrument.missing.rounding,
    )
    return combined * instrument.scoring.multiply_sum_by


def _subscale(
    instrument: Instrument, method: str, item_ids: Sequence[str], values: Values
) -> Number | None:
    # No source publishes a missing-item rule for a subscale, so each one needs all its items.
    if not _all_answered(values, item_ids):
        return None
    scored = [
        _scored_value(instrument, instrument.item(item_id), _answer(values, item_id))
        for item_id in item_ids
    ]
    return _combine(method, scored, len(scored), instrument.scoring.count_value, "none")


def _band(instrument: Instrument, total: Number | None) -> str | None:
    if total is None:
        return None
    return next(
        (band.id for band in instrument.bands.levels if band.min <= total <= band.max), None
    )


def _raised(
    rule: FlagRule, values: Values, total: Number | None, subscales: Mapping[str, Number | None]
) -> bool:
    # An item flag looks at the answer itself, so it works however many other items are missing.
    if rule.unanswered or rule.at_least is None:
        return values[rule.ref or ""] is None
    value: Number | None = total
    if rule.target in ("item", "subscale"):
        assert rule.ref is not None  # the loader requires it for an item or subscale flag
        value = values[rule.ref] if rule.target == "item" else subscales[rule.ref]
    return value is not None and value >= rule.at_least


# --- named algorithms -----------------------------------------------------------------------

Algorithm = Callable[[Instrument, Values, Mapping[str, Any]], dict[str, Any]]
_ALGORITHMS: dict[str, Algorithm] = {}


def _algorithm(name: str) -> Callable[[Algorithm], Algorithm]:
    def register(function: Algorithm) -> Algorithm:
        _ALGORITHMS[name] = function
        return function

    return register


def _all_answered(values: Values, item_ids: Iterable[str]) -> bool:
    return all(values[item_id] is not None for item_id in item_ids)


def _answer(values: Values, item_id: str) -> int:
    """The answer to an item the caller knows is answered (it checked `_all_answered`)."""
    value = values[item_id]
    assert value is not None
    return value


def _criteria_met(
    values: Values, groups: Sequence[tuple[Sequence[str], int]], at_least: int
) -> bool:
    """True when every group has at least its minimum number of items rated `at_least` or more."""
    return all(
        sum(_answer(values, item_id) >= at_least for item_id in item_ids) >= minimum
        for item_ids, minimum in groups
    )


@_algorithm("phq9_depressive_syndromes")
def _phq9_depressive_syndromes(
    instrument: Instrument, values: Values, params: Mapping[str, Any]
) -> dict[str, Any]:
    symptoms, core = params["symptom_items"], params["core_items"]
    if not _all_answered(values, (*symptoms, *core)):
        return dict.fromkeys(
            ("symptom_count", "major_depressive_syndrome", "other_depressive_syndrome")
        )

    def present(item_id: str) -> bool:
        any_level = item_id in params["any_level_items"]
        threshold: int = params["any_level_at_least" if any_level else "endorsed_at_least"]
        return _answer(values, item_id) >= threshold

    count = sum(present(item_id) for item_id in symptoms)
    has_core = any(present(item_id) for item_id in core)
    return {
        "symptom_count": count,
        "major_depressive_syndrome": has_core and count >= params["major_min_symptoms"],
        "other_depressive_syndrome": has_core
        and params["other_min_symptoms"] <= count < params["major_min_symptoms"],
    }


@_algorithm("pcl5_provisional_ptsd")
def _pcl5_provisional_ptsd(
    instrument: Instrument, values: Values, params: Mapping[str, Any]
) -> dict[str, Any]:
    groups = [
        (instrument.subscale(sub).items, minimum)
        for sub, minimum in params["cluster_minimums"].items()
    ]
    if not _all_answered(values, (item_id for item_ids, _ in groups for item_id in item_ids)):
        return {"provisional_ptsd": None}
    return {"provisional_ptsd": _criteria_met(values, groups, params["endorsed_at_least"])}


@_algorithm("itq_icd11")
def _itq_icd11(instrument: Instrument, values: Values, params: Mapping[str, Any]) -> dict[str, Any]:
    def groups(clusters: str, impairment: str) -> list[tuple[Sequence[str], int]]:
        # Each cluster needs one endorsed item, and so does the functional impairment part.
        return [(instrument.subscale(sub).items, 1) for sub in params[clusters]] + [
            (params[impairment], 1)
        ]

    ptsd_groups = groups("ptsd_clusters", "ptsd_impairment_items")
    dso_groups = groups("dso_clusters", "dso_impairment_items")
    if not _all_answered(
        values, (item_id for item_ids, _ in ptsd_groups + dso_groups for item_id in item_ids)
    ):
        return dict.fromkeys(("ptsd", "cptsd", "provisional_outcome"))
    at_least = params["endorsed_at_least"]
    ptsd_criteria = _criteria_met(values, ptsd_groups, at_least)
    # Complex PTSD needs the PTSD criteria too; the two outcomes exclude each other.
    cptsd = ptsd_criteria and _criteria_met(values, dso_groups, at_least)
    ptsd = ptsd_criteria and not cptsd
    return {
        "ptsd": ptsd,
        "cptsd": cptsd,
        "provisional_outcome": "cptsd" if cptsd else "ptsd" if ptsd else "none",
    }


@_algorithm("maltreatment_forms")
def _maltreatment_forms(
    instrument: Instrument, values: Values, params: Mapping[str, Any]
) -> dict[str, Any]:
    # Each form has its own item, so an answered item is reported even when others are missing.
    return {
        form.id: None
        if values[form.item] is None
        else values[form.item] == params["reported_value"]
        for form in instrument.forms
    }


# definitions.py accepts exactly these names; a name without a function would fail only later,
# on the first answers, so refuse it when the module loads.
if set(_ALGORITHMS) != set(ALGORITHM_PARAMS):
    raise RuntimeError(
        f"algorithms out of step: {sorted(set(_ALGORITHMS) ^ set(ALGORITHM_PARAMS))}"
    )
