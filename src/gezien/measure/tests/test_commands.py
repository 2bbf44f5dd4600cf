"""JSON input and output for `gezien score ID` and `gezien instruments --json`."""

from __future__ import annotations

import json

import pytest

from gezien.measure.commands import InputError, instruments_json, parse_answers, score_json
from gezien.measure.scoring import score


def test_array_and_object_input_give_the_same_result(instruments):
    values = [2, 1, 0, 0, 0, 0, 0, 0, 1, None]
    as_array = score_json("phq9", json.dumps(values), instruments)
    by_id = {f"phq9_{n}": value for n, value in enumerate(values[:9], start=1)}
    as_object = score_json("phq9", json.dumps(by_id), instruments)
    assert as_array == as_object
    assert as_array["total"] == 4 and as_array["band"] == "minimal"
    assert as_array["missing"] == ["phq9_difficulty"]


def test_items_left_out_of_an_object_count_as_not_answered(instruments):
    output = score_json("phq9", '{"phq9_1": 2, "phq9_2": 1, "phq9_9": 1}', instruments)
    assert output["missing"] == [f"phq9_{n}" for n in range(3, 9)] + ["phq9_difficulty"]
    assert output["valid"] is False and output["subscales"] == {"phq2": 3}


def test_score_json_is_plain_json_with_sorted_flags(instruments):
    output = score_json("phq9", "[3, 3, 3, 3, 3, 3, 3, 3, 3, 0]", instruments)
    assert output == {
        "instrument": "phq9",
        "version": 1,
        "valid": True,
        "total": 27,
        "band": "severe",
        "subscales": {"phq2": 6},
        "symptom_count": 9,
        "major_depressive_syndrome": True,
        "other_depressive_syndrome": False,
        "flags": ["phq2_positive", "phq9_above_cutoff", "risk"],
        "missing": [],
        "prorated": False,
    }
    assert json.loads(json.dumps(output)) == output


def test_the_risk_flag_shows_up_even_when_everything_else_is_skipped(instruments):
    output = score_json("phq9", '{"phq9_9": 1}', instruments)
    assert output["valid"] is False and output["total"] is None
    assert output["flags"] == ["risk"]


@pytest.mark.parametrize("instrument_id", ["phq9", "gad7", "pcl5", "itq", "who5", "rses", "ace"])
def test_every_instrument_scores_to_json_without_name_clashes(instruments, instrument_id):
    # The algorithm's outcomes sit beside the fixed fields at the top level; an outcome with
    # a fixed field's name would silently replace that field.
    instrument = instruments[instrument_id]
    answers = [item.options.lowest for item in instrument.items]
    result = score(instrument, parse_answers(instrument, json.dumps(answers)))
    output = score_json(instrument_id, json.dumps(answers), instruments)
    fixed = {
        "instrument",
        "version",
        "valid",
        "total",
        "band",
        "subscales",
        "flags",
        "missing",
        "prorated",
    }
    assert set(result.algorithm).isdisjoint(fixed)
    assert set(output) == fixed | set(result.algorithm)
    assert (output["total"], output["band"], output["valid"]) == (result.total, result.band, True)
    assert {name: output[name] for name in result.algorithm} == dict(result.algorithm)
    json.dumps(output)


BAD_INPUT = [
    ("not json", "invalid JSON: Expecting value (line 1, column 1)"),
    ("", "invalid JSON: Expecting value"),
    ("[0, 0,", "invalid JSON:"),
    ('{"phq9_1": 1, "phq9_1": 2}', "item 'phq9_1' is given twice"),
    ('{"phq9_11": 1}', 'phq9 has no item "phq9_11"; its items are phq9_1, phq9_2'),
    (
        "[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]",
        "phq9 has 10 items, so give 10 answers in published order",
    ),
    (
        "[0, 0, 0]",
        "phq9 has 10 items, so give 10 answers in published order (null for a skipped item); got 3",
    ),
    ("[]", "phq9 has 10 items"),
    ('{"phq9_1": 4}', "phq9_1: 4 is not an answer value; use one of 0, 1, 2, 3 or null"),
    ('{"phq9_1": -1}', "phq9_1: -1 is not an answer value"),
    ('{"phq9_difficulty": 7}', "phq9_difficulty: 7 is not an answer value"),
    ('{"phq9_1": true}', "phq9_1: true/false is not an answer; use one of 0, 1, 2, 3 or null"),
    ('{"phq9_1": 2.0}', "phq9_1: a decimal number is not an answer"),
    ('{"phq9_1": 1.5}', "phq9_1: a decimal number is not an answer"),
    ('{"phq9_1": "2"}', "phq9_1: text is not an answer"),
    ('{"phq9_1": [2]}', "phq9_1: a list is not an answer"),
    ('{"phq9_1": {"value": 2}}', "phq9_1: an object is not an answer"),
    ("[false, 0, 0, 0, 0, 0, 0, 0, 0, 0]", "phq9_1: true/false is not an answer"),
    ('{"phq9_1": NaN}', "invalid JSON: NaN is not allowed"),
    ("[Infinity, 0, 0, 0, 0, 0, 0, 0, 0, 0]", "invalid JSON: Infinity is not allowed"),
    ('{"phq9_1": ' + "9" * 5000 + "}", "invalid JSON: a number has too many digits"),
    ('{"phq9_1": ' + "9" * 30 + "}", "phq9_1: 99999999999999999... is not an answer value"),
    ("[" * 30000 + "]" * 30000, "invalid JSON: nested too deeply"),
    ("[" + " " * 70000 + "]", "the answers are 70002 bytes; the limit is 65536 bytes (64 KB)"),
    (
        "3",
        "give a JSON array of answers in published item order, or an object of item id to answer",
    ),
    ('"phq9_1"', "give a JSON array"),
    ("null", "give a JSON array"),
]


@pytest.mark.parametrize(("raw", "message"), BAD_INPUT)
def test_bad_input_gives_a_clear_one_line_error(instruments, raw, message):
    with pytest.raises(InputError) as error:
        parse_answers(instruments["phq9"], raw)
    text = str(error.value)
    assert text.startswith(message)
    assert "\n" not in text and len(text) < 300


def test_score_json_refuses_an_unknown_questionnaire(instruments):
    with pytest.raises(InputError) as error:
        score_json("phq99", "[]", instruments)
    assert (
        str(error.value)
        == 'unknown questionnaire "phq99"; known: ace, gad7, itq, k10, mhi5, pcl5, phq9, rses, who5'
    )


def test_score_json_passes_on_input_errors(instruments):
    with pytest.raises(
        InputError, match="who5_1: 6 is not an answer value; use one of 5, 4, 3, 2, 1, 0"
    ):
        score_json("who5", "[6, 0, 0, 0, 0]", instruments)


def test_payload_of_exactly_64_kb_is_accepted(instruments):
    body = '{"phq9_1": 1}'
    raw = body[:-1] + " " * (64 * 1024 - len(body)) + "}"
    assert len(raw.encode()) == 64 * 1024
    assert parse_answers(instruments["phq9"], raw)["phq9_1"] == 1


def test_instruments_json_lists_items_options_and_bands(instruments):
    listing = instruments_json(instruments)
    assert [entry["id"] for entry in listing] == [
        "ace",
        "gad7",
        "itq",
        "k10",
        "mhi5",
        "pcl5",
        "phq9",
        "rses",
        "who5",
    ]
    json.dumps(listing)
    phq9 = next(entry for entry in listing if entry["id"] == "phq9")
    assert [item["id"] for item in phq9["items"]] == [f"phq9_{n}" for n in range(1, 10)] + [
        "phq9_difficulty"
    ]
    assert phq9["items"][0]["options"][1] == {
        "value": 1,
        "label": {"en": "Several days", "nl": "Verscheidene dagen"},
    }
    assert phq9["items"][-1]["role"] == "difficulty"
    assert [(band["id"], band["min"], band["max"]) for band in phq9["bands"]] == [
        ("minimal", 0, 4),
        ("mild", 5, 9),
        ("moderate", 10, 14),
        ("moderately_severe", 15, 19),
        ("severe", 20, 27),
    ]
    assert phq9["flags"] == ["risk", "risk_unanswered", "phq2_positive", "phq9_above_cutoff"]
    rses = next(entry for entry in listing if entry["id"] == "rses")
    assert rses["bands"] == [] and rses["dutch_available"] is False
    itq = next(entry for entry in listing if entry["id"] == "itq")
    assert itq["scoring"]["range"] is None and len(itq["items"]) == 18
