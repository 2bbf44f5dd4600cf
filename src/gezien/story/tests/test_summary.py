"""The summary registry and snapshots: only what was chosen, in a stable order."""

from __future__ import annotations

import json

import pytest

from gezien.story import charts, summary
from gezien.story.summary import Part, Section
from gezien.story.tests.support import MADE, sections, snapshot


def test_a_snapshot_holds_only_the_chosen_parts_and_drops_empty_sections() -> None:
    data = snapshot(["story.childhood.missed", "help.question", "not.a.part"])
    assert [s["key"] for s in data["sections"]] == ["help", "story"]
    assert [p["key"] for s in data["sections"] for p in s["parts"]] == ["help.question", "story.childhood.missed"]
    text = json.dumps(data, ensure_ascii=False)
    assert "Thuis werd niet gepraat" not in text and "Vragenlijsten" not in text and "Tempo" not in text


def test_a_snapshot_is_plain_json_with_its_dates() -> None:
    data = json.loads(json.dumps(snapshot(["measure.phq9"])))
    assert data["made_at"] == MADE.isoformat() and data["expires_at"].startswith("2025-06-09")
    assert data["sections"][0]["parts"][0]["scores"][1]["total"] == 9


def test_the_digest_changes_with_the_content_only() -> None:
    one = snapshot(["help.question"])
    assert summary.content_digest(one) == summary.content_digest({**one, "made_at": "later"})
    assert summary.content_digest(one) != summary.content_digest(snapshot(["help.preferences"]))


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(summary, "_providers", {})
    return summary


def test_providers_come_in_their_order_and_empty_ones_are_left_out(registry) -> None:
    made = sections()
    registry.register("story", lambda account, key: made[1], order=20)
    registry.register("help", lambda account, key: made[0], order=10)
    registry.register("measure", lambda account, key: None, order=5)
    registry.register("journal", lambda account, key: Section("journal", "Dagboek", ()), order=1)
    assert [s.key for s in registry.available(None, b"")] == ["help", "story"]


def test_a_provider_registered_twice_or_with_foreign_parts_is_refused(registry) -> None:
    registry.register("help", lambda account, key: Section("help", "x", (Part("story.x", "x"),)))
    with pytest.raises(ValueError, match="twice"):
        registry.register("help", lambda account, key: None)
    with pytest.raises(ValueError, match="must start with 'help'"):
        registry.available(None, b"")


def test_the_chart_has_an_accessible_name_and_needs_two_points() -> None:
    svg = charts.line_chart("Scores <PHQ-9>", [("1-4", 15), ("20-5", 9)], 27)
    assert svg.startswith("<svg") and 'role="img"' in svg and 'aria-label="Scores &lt;PHQ-9&gt;"' in svg
    assert svg.count("<circle") == 2
    assert charts.line_chart("x", [("1-4", 15)]) == ""
