"""`gezien score ID` and `gezien instruments --json`, run as a person or a script runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def _gezien(tmp_path: Path, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    # A data folder that does not exist yet: scoring must not create it or touch a database.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GEZIEN_", "DJANGO_"))}
    env["GEZIEN_DATA_DIR"] = str(tmp_path / "data")
    env["GEZIEN_DATABASE_URL"] = "postgres://nobody@127.0.0.1:1/none"
    completed = subprocess.run(
        [sys.executable, "-m", "gezien", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert not (tmp_path / "data").exists(), "the command touched the data folder"
    return completed


def test_score_prints_one_json_object_for_answers_in_published_order(tmp_path) -> None:
    answers = json.dumps([3, 3, 2, 2, 1, 1, 0, 0, 1, 2]).encode()
    completed = _gezien(tmp_path, "score", "phq9", stdin=answers)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.decode().count("\n") == 1
    output = json.loads(completed.stdout)
    # 3+3+2+2+1+1+0+0+1 = 13: moderate (10-14), item 9 above 0 raises the risk flag.
    assert output["instrument"] == "phq9" and output["valid"] is True
    assert output["total"] == 13 and output["band"] == "moderate"
    assert output["subscales"] == {"phq2": 6}
    assert "risk" in output["flags"]


def test_score_says_when_the_question_about_thoughts_of_death_was_not_answered(tmp_path) -> None:
    answers = json.dumps([1, 1, 1, 1, 0, 0, 0, 0, None, None]).encode()
    output = json.loads(_gezien(tmp_path, "score", "phq9", stdin=answers).stdout)
    # Prorated to a valid total (4 + 4/8 = 4.5 -> 5), but never silently: item 9 is flagged.
    assert output["valid"] is True and output["total"] == 5 and output["prorated"] is True
    assert output["flags"] == ["risk_unanswered"]


def test_score_takes_an_object_of_item_ids_and_never_invents_bands(tmp_path) -> None:
    answers = {f"pcl5_{n}": 2 for n in range(1, 21)}
    completed = _gezien(tmp_path, "score", "pcl5", stdin=json.dumps(answers).encode())
    output = json.loads(completed.stdout)
    assert output["total"] == 40 and output["band"] is None
    assert output["provisional_ptsd"] is True
    assert output["subscales"] == {"b": 10, "c": 4, "d": 14, "e": 12}


@pytest.mark.parametrize(
    ("instrument", "stdin", "reason"),
    [
        ("phq9", b'{"phq9_99": 1}', "no item"),
        ("phq9", b'{"phq9_1": 4}', "not an answer value"),
        ("phq9", b'{"phq9_1": "2"}', "text is not an answer"),
        ("phq9", b'{"phq9_1": 1, "phq9_1": 2}', "given twice"),
        ("phq9", b"[1, 2, 3]", "give 10 answers"),
        ("phq9", b"[" + b"0, " * 40 + b"0]", "give 10 answers"),
        ("phq9", b"not json", "invalid JSON"),
        ("phq9", b"\xff\xfe", "not UTF-8"),
        ("phq9", b"[" + b" " * 70_000 + b"]", "limit"),
        ("nope", b"[]", "unknown questionnaire"),
    ],
)
def test_bad_input_exits_with_2_and_one_line_on_stderr(tmp_path, instrument, stdin, reason) -> None:
    completed = _gezien(tmp_path, "score", instrument, stdin=stdin)
    assert completed.returncode == 2
    assert completed.stdout == b""
    message = completed.stderr.decode()
    assert message.count("\n") == 1 and reason in message
    assert "Traceback" not in message


def test_instruments_json_lists_every_questionnaire_with_items_options_and_bands(tmp_path) -> None:
    completed = _gezien(tmp_path, "instruments", "--json")
    assert completed.returncode == 0
    listed = {entry["id"]: entry for entry in json.loads(completed.stdout)}
    assert set(listed) == {"ace", "gad7", "itq", "k10", "mhi5", "pcl5", "phq9", "rses", "who5"}
    assert listed["k10"]["scoring"]["range"] == [10, 50]
    assert listed["mhi5"]["scoring"]["range"] == [0, 100]
    assert listed["k10"]["items"][0]["options"][0] == {
        "value": 5,
        "label": {"en": None, "nl": "Altijd"},
    }
    assert listed["who5"]["licence"]["commercial"] == "not_allowed"
    assert listed["ace"]["licence"]["ask_first"] is True
    phq9 = listed["phq9"]
    assert [item["id"] for item in phq9["items"]][:2] == ["phq9_1", "phq9_2"]
    assert [option["value"] for option in phq9["items"][0]["options"]] == [0, 1, 2, 3]
    assert [band["id"] for band in phq9["bands"]][0] == "minimal"
    assert listed["rses"]["bands"] == []
