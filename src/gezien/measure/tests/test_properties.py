"""Properties that must hold for any answers a person can give, on every shipped instrument."""

from __future__ import annotations

import json
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from gezien.measure.commands import parse_answers
from gezien.measure.definitions import Instrument, load_all
from gezien.measure.scoring import score

# Loaded once at import: strategies are built before fixtures exist.
INSTRUMENTS = load_all()


def answer_sets(instrument: Instrument, *, allow_missing: bool = True) -> st.SearchStrategy[dict]:
    def answer(item):
        value = st.sampled_from(item.options.values)
        return st.one_of(st.none(), value) if allow_missing else value

    return st.fixed_dictionaries({item.id: answer(item) for item in instrument.items})


instrument_and_answers = st.sampled_from(sorted(INSTRUMENTS)).flatmap(
    lambda instrument_id: st.tuples(
        st.just(INSTRUMENTS[instrument_id]), answer_sets(INSTRUMENTS[instrument_id])
    )
)
instrument_and_complete_answers = st.sampled_from(sorted(INSTRUMENTS)).flatmap(
    lambda instrument_id: st.tuples(
        st.just(INSTRUMENTS[instrument_id]),
        answer_sets(INSTRUMENTS[instrument_id], allow_missing=False),
    )
)


@settings(max_examples=400)
@given(instrument_and_answers)
def test_any_valid_answer_set_scores_within_the_published_ranges(case):
    instrument, answers = case
    result = score(instrument, answers)
    if result.total is not None:
        low, high = instrument.scoring.range
        assert low <= result.total <= high
        assert (result.band is not None) == bool(instrument.bands.levels)
    else:
        assert result.band is None
    for subscale in instrument.subscales:
        value = result.subscales[subscale.id]
        assert value is None or subscale.range[0] <= value <= subscale.range[1]
    assert result.flags <= {flag.id for flag in instrument.flags}
    assert result.missing == tuple(item.id for item in instrument.items if answers[item.id] is None)
    assert not result.valid or result.total is not None or instrument.scoring.method == "none"


@settings(max_examples=200)
@given(instrument_and_complete_answers)
def test_complete_answers_are_valid_and_never_estimated(case):
    instrument, answers = case
    result = score(instrument, answers)
    assert result.valid and not result.prorated
    assert None not in result.algorithm.values()
    assert None not in result.subscales.values()


@settings(max_examples=300)
@given(instrument_and_complete_answers, st.data())
def test_a_higher_answer_never_lowers_the_score_unless_the_item_is_reversed(case, data):
    instrument, answers = case
    item = data.draw(st.sampled_from(instrument.scored_items))
    reversed_item = item.id in instrument.scoring.reverse_items
    scores = []
    for value in sorted(item.options.values):
        result = score(instrument, {**answers, item.id: value})
        scores.append(
            (
                result.total,
                *(result.subscales[sub.id] for sub in instrument.subscales if item.id in sub.items),
            )
        )
    for lower, higher in pairwise(scores):
        for before, after in zip(lower, higher, strict=True):
            if before is not None:
                assert (after <= before) if reversed_item else (after >= before)


@settings(max_examples=300)
@given(answer_sets(INSTRUMENTS["phq9"]))
def test_phq9_risk_flag_follows_item_9_whatever_else_is_missing(answers):
    result = score(INSTRUMENTS["phq9"], answers)
    assert ("risk" in result.flags) == (answers["phq9_9"] is not None and answers["phq9_9"] >= 1)


@settings(max_examples=300)
@given(answer_sets(INSTRUMENTS["phq9"]))
def test_phq9_estimate_for_missing_items_lies_between_all_lowest_and_all_highest(answers):
    result = score(INSTRUMENTS["phq9"], answers)
    symptoms = [answers[f"phq9_{n}"] for n in range(1, 10)]
    answered = sum(value for value in symptoms if value is not None)
    missing = symptoms.count(None)
    if missing <= 2:
        assert answered <= result.total <= answered + 3 * missing
    else:
        assert result.total is None


@settings(max_examples=200)
@given(instrument_and_answers)
def test_answers_survive_the_trip_through_json_in_both_shapes(case):
    instrument, answers = case
    as_array = json.dumps([answers[item.id] for item in instrument.items])
    as_object = json.dumps({key: value for key, value in answers.items() if value is not None})
    assert parse_answers(instrument, as_array) == answers
    assert parse_answers(instrument, as_object) == answers
