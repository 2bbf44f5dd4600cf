"""The journal's plain logic: where an entry sits on the map, search, patterns over a
period, chart geometry, and the helper list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gezien.journal import content, helpers
from gezien.journal.content import Entry
from gezien.journal.emotions import load
from gezien.journal.meter import Cell
from gezien.lib import charts, data

VOCAB = load()
TODAY = date(2026, 3, 15)


def _entry(day: date, **fields) -> Entry:
    return Entry(id=f"{day}-{len(fields)}-{sorted(fields)}", day=day, content=fields)


def test_a_chosen_spot_wins_over_the_words() -> None:
    place = content.place({"pleasantness": -2, "energy": 4, "words": [{"id": "blij"}]}, VOCAB)
    assert place == Cell(2, 5)


def test_without_a_spot_the_words_place_the_entry_in_their_middle() -> None:
    # boos (-3, 4) and bang (-4, 4): their middle (-3.5, 4) is unpleasant, very much energy.
    assert content.place({"words": [{"id": "boos"}, {"id": "bang"}]}, VOCAB) == Cell(2, 5)
    assert content.place({"happened": "alleen tekst"}, VOCAB) is None


def test_an_old_entry_with_only_a_corner_sits_in_that_corner() -> None:
    assert content.place({"quadrant": "pleasant-low"}, VOCAB) == Cell(4, 2)
    # One scale answered on the old form: the corner fills in the other.
    assert content.place({"quadrant": "pleasant-low", "energy": -5}, VOCAB) == Cell(4, 1)
    assert content.place({"pleasantness": 3}, VOCAB) is None


def test_the_map_its_table_and_the_counts_agree() -> None:
    """Five entries that once gave four dots on the map while the table counted three in
    one corner: the table took the chosen corner or the first word, the map the chosen spot
    or the middle of all words, and a spot on an axis sat between two corners."""
    entries = [
        _entry(TODAY, pleasantness=-3, energy=3, quadrant="unpleasant-high"),
        _entry(TODAY, quadrant="unpleasant-high"),  # only a corner: had no dot
        _entry(TODAY, words=[{"id": "boos"}, {"id": "blij"}]),  # middle (0, 3.5)
        _entry(TODAY, pleasantness=2, energy=-2, quadrant="pleasant-low"),
        _entry(TODAY, pleasantness=0, energy=-3, words=[{"id": "leeg"}]),  # 0: on the axis
    ]
    found = content.patterns(entries, "week", TODAY, VOCAB)
    assert found.cells == {Cell(2, 4): 2, Cell(3, 4): 1, Cell(3, 2): 1, Cell(4, 2): 1}
    assert found.placed == found.entries == 5
    for entry in entries:
        assert content.place(entry.content, VOCAB) in found.cells


@pytest.mark.parametrize(
    ("pleasantness", "energy", "quadrant"),
    [
        (3, 2, "pleasant-high"),
        (3, -2, "pleasant-low"),
        (-1, 5, "unpleasant-high"),
        (-4, -4, "unpleasant-low"),
        (0, 3, ""),
        (2, None, ""),
    ],
)
def test_the_map_answers_point_to_a_quadrant(pleasantness, energy, quadrant) -> None:
    assert content.derived_quadrant(pleasantness, energy) == quadrant


def test_an_entry_with_only_a_date_is_empty() -> None:
    assert content.is_empty(
        {"date": "2026-01-01", "time": "10:00", "words": [], "pleasantness": None, "energy": None}
    )
    assert not content.is_empty({"pleasantness": 0, "energy": None})


def test_search_needs_every_word_ignores_case_and_finds_feeling_names() -> None:
    entries = [
        _entry(date(2026, 1, 1), happened="Een lange Wandeling door het bos"),
        _entry(date(2026, 1, 2), happened="Wandeling naar het werk", thoughts="moe"),
        _entry(date(2026, 1, 3), happened="Thuis", words=[{"id": "opgelucht"}]),
    ]
    names = {e.id: ("opgelucht" if e.content.get("words") else "") for e in entries}
    hits = content.search(entries, "wandeling BOS", lambda e: names[e.id])
    assert [h.entry.day for h in hits] == [date(2026, 1, 1)]
    assert (hits[0].before, hits[0].match) == ("Een lange ", "Wandeling")
    assert [h.entry.day for h in content.search(entries, "wandeling", lambda e: "")] == [
        date(2026, 1, 2),
        date(2026, 1, 1),
    ]
    assert [h.entry.day for h in content.search(entries, "opgelucht", lambda e: names[e.id])] == [
        date(2026, 1, 3)
    ]
    assert content.search(entries, "   ", lambda e: "") == []


def test_a_long_text_gets_a_short_snippet_around_the_match() -> None:
    text = "a" * 500 + "vonk" + "b" * 500
    hit = content.search([_entry(TODAY, happened=text)], "vonk", lambda e: "")[0]
    assert hit.match == "vonk"
    assert hit.before == "…" + "a" * content.SNIPPET
    assert hit.after == "b" * content.SNIPPET + "…"


def test_patterns_of_a_week_by_hand() -> None:
    entries = [
        _entry(
            date(2026, 3, 15),
            pleasantness=-3,
            energy=3,
            words=[{"id": "boos", "intensity": 8}, {"id": "bang", "intensity": 4}],
            helpers=["bewegen"],
            helped="Even naar buiten",
        ),
        _entry(
            date(2026, 3, 14),
            pleasantness=-3,
            energy=3,
            words=[{"id": "boos", "intensity": 6}],
            helpers=["bewegen", "muziek"],
        ),
        _entry(
            date(2026, 3, 9), words=[{"id": "boos", "intensity": None}], quadrant="unpleasant-high"
        ),
        _entry(
            date(2026, 3, 8), pleasantness=4, energy=4, words=[{"id": "blij", "intensity": 9}]
        ),  # 8 days ago: outside
    ]
    found = content.patterns(entries, "week", TODAY, VOCAB)
    assert (found.start, found.end, found.entries) == (date(2026, 3, 9), TODAY, 3)
    # Two entries chose (-3, 3); the third chose the corner only: all three are
    # unpleasant with much energy.
    assert found.cells == {Cell(2, 4): 3} and found.placed == 3
    # boos: 3 times, strengths 8 and 6 (one without) -> 7.0; bang: once, 4.
    assert found.words == [("boos", 3, 7), ("bang", 1, 4)]
    assert found.helpers == [("bewegen", 2), ("muziek", 1)]
    assert found.helped == [(date(2026, 3, 15), "Even naar buiten")]
    assert not found.by_week and len(found.buckets) == 7
    last = found.buckets[-1]
    assert (last.start, last.entries, last.average, last.highest) == (TODAY, 1, 6, 8)
    assert found.buckets[0].average is None and found.buckets[0].entries == 1


def test_a_year_is_shown_per_week_starting_on_monday() -> None:
    found = content.patterns(
        [_entry(TODAY, words=[{"id": "blij", "intensity": 5}])], "jaar", TODAY, VOCAB
    )
    assert found.by_week
    assert found.buckets[0].start == found.start and found.buckets[1].start.weekday() == 0
    assert found.buckets[-1].end == TODAY and found.buckets[-1].average == 5
    assert sum(b.entries for b in found.buckets) == 1


def test_by_day_puts_the_newest_day_first_and_times_in_order() -> None:
    days = content.by_day(
        [
            _entry(date(2026, 1, 1), time="20:00"),
            _entry(date(2026, 1, 2)),
            _entry(date(2026, 1, 1), time="08:00"),
            _entry(date(2026, 1, 1)),
        ]
    )
    assert [day for day, _ in days] == [date(2026, 1, 2), date(2026, 1, 1)]
    assert [e.time for e in days[1][1]] == ["08:00", "20:00", ""]


def test_bars_are_as_long_as_their_share_of_the_largest() -> None:
    chart = charts.bar_chart([("a", 4), ("b", 1), ("c", 0)])
    assert [bar.share for bar in chart] == [100, 25, 0]


def test_days_without_a_strength_get_no_column() -> None:
    found = content.patterns(
        [_entry(TODAY, words=[{"id": "blij", "intensity": 10}])], "week", TODAY, VOCAB
    )
    chart = charts.column_chart(found.buckets)
    assert len(chart.columns) == 1 and chart.columns[0].height == charts.COLUMNS_HEIGHT
    assert [bucket.start for _, bucket in chart.labels] == [
        found.buckets[0].start,
        found.buckets[3].start,
        TODAY,
    ]


def test_the_shipped_helpers_load() -> None:
    loaded = helpers.load()
    assert len(loaded) >= 10 and len({h.id for h in loaded}) == len(loaded)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[helpers]]\nid = "a"\nnl = "x"\n', "helpers.toml: helpers[0].en: missing"),
        (
            '[[helpers]]\nid = "A b"\nnl = "x"\nen = "y"\n',
            "helpers.toml: helpers[0].id: must be lowercase",
        ),
        (
            '[[helpers]]\nid = "a"\nnl = "x"\nen = "y"\n'
            '[[helpers]]\nid = "a"\nnl = "z"\nen = "w"\n',
            "helpers.toml: helpers[1].id: 'a' is already used",
        ),
        (
            '[[helpers]]\nid = "a"\nnl = "x"\nen = "y"\nkleur = "rood"\n',
            "helpers.toml: helpers[0].kleur: unknown field",
        ),
        ('[[hulp]]\nid = "a"\n', "helpers.toml: hulp: unknown table"),
        ("helpers = [", "helpers.toml: is not valid TOML"),
    ],
)
def test_a_broken_helper_file_names_the_file_and_the_field(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "helpers.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(data.DataError) as error:
        helpers.load(path)
    assert str(error.value).startswith(message)
