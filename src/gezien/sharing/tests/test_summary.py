"""Snapshots: only what was chosen, in a stable order; and the chart of scores in them."""

from __future__ import annotations

import json

from gezien.sharing import charts
from gezien.sharing import snapshot as summary
from gezien.sharing.tests.support import MADE, snapshot


def test_a_snapshot_holds_only_the_chosen_parts_and_drops_empty_sections() -> None:
    data = snapshot(["story.childhood.missed", "help.question", "not.a.part"])
    assert [s["key"] for s in data["sections"]] == ["help", "story"]
    assert [p["key"] for s in data["sections"] for p in s["parts"]] == [
        "help.question",
        "story.childhood.missed",
    ]
    text = json.dumps(data, ensure_ascii=False)
    assert (
        "Thuis werd niet gepraat" not in text
        and "Vragenlijsten" not in text
        and "Tempo" not in text
    )


def test_a_snapshot_is_plain_json_with_its_dates() -> None:
    data = json.loads(json.dumps(snapshot(["measure.phq9"])))
    assert data["made_at"] == MADE.isoformat() and data["expires_at"].startswith("2025-06-09")
    assert data["sections"][0]["parts"][0]["scores"][1]["total"] == 9


def test_the_digest_changes_with_the_content_only() -> None:
    one = snapshot(["help.question"])
    assert summary.content_digest(one) == summary.content_digest({**one, "made_at": "later"})
    assert summary.content_digest(one) != summary.content_digest(snapshot(["help.preferences"]))


def test_the_chart_has_an_accessible_name_and_needs_two_points() -> None:
    svg = charts.line_chart("Scores <PHQ-9>", [("1-4", 15), ("20-5", 9)], 27)
    assert (
        svg.startswith("<svg")
        and 'role="img"' in svg
        and 'aria-label="Scores &lt;PHQ-9&gt;"' in svg
    )
    assert svg.count("<circle") == 2
    assert charts.line_chart("x", [("1-4", 15)]) == ""
