"""The klik-check's rules as plain functions: when the note "it is fine to look further"
appears, the order of sessions, and which points were missing most."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gezien.lib import data
from gezien.therapyfit import reflection
from gezien.therapyfit.reflection import Session

RULE = reflection.load().rule


def sessions(*clicks: str, who: str = "", start: int = 1) -> list[Session]:
    return [
        Session(id=f"s{start + i}", date=f"2026-10-{start + i:02d}", click=click, with_whom=who)
        for i, click in enumerate(clicks)
    ]


@pytest.mark.parametrize(
    "history, note",
    [
        (sessions("no", "no", "no"), False),  # three sessions: too early to say
        (sessions("no", "bit", "no", "bit"), True),  # four with little click
        (sessions("yes", "yes", "yes", "yes"), False),  # four with a click
        (sessions("no", "yes", "no", "no"), False),  # mixed: a click in the latest four
        (sessions("yes", "no", "no", "no", "no"), True),  # a click long ago, then four without
        (sessions("no", "no", "no", "no", "yes"), False),  # the latest session clicked
        (sessions("bit", "bit", "bit", "bit"), True),  # "a bit" four times is little click
        ([], False),
    ],
    ids=[
        "3 sessions",
        "4 with little click",
        "4 with a click",
        "mixed",
        "click then 4 without",
        "latest clicked",
        "4 times a bit",
        "none",
    ],
)
def test_when_the_look_further_note_appears(history, note) -> None:
    assert reflection.look_further(history, RULE) is note


def test_sessions_count_by_their_date_not_by_when_they_were_written() -> None:
    # Four earlier sessions written down after the latest one (the 20th), which clicked.
    written = [
        Session("a", "2026-10-20", "yes", created="2026-10-20T21:00:00"),
        *(replace(s, created="2026-10-22T09:00:00") for s in sessions("no", "no", "no", "no")),
    ]
    assert not reflection.look_further(written, RULE)
    assert [s.date for s in reflection.in_order(written)][-1] == "2026-10-20"


def test_a_new_therapist_starts_the_count_again() -> None:
    old = sessions("no", "no", "no", who="Anna", start=1)
    new = sessions("no", "no", "no", who=" anna  de Vries", start=10)
    assert not reflection.look_further(old + new, RULE)
    # The same name written with other capitals and spaces is the same therapist.
    same = sessions("no", who="ANNA", start=20)
    assert reflection.look_further(old + same, RULE)


def test_the_points_missing_most_in_the_latest_sessions_come_first_at_most_three() -> None:
    points = reflection.load().points
    answered = [
        Session("1", "2026-10-01", "no", {"talk": "no", "pace": "no"}),
        Session("2", "2026-10-02", "no", {"pace": "no", "asks": "no", "beside": "no"}),
        Session("3", "2026-10-03", "bit", {"pace": "no", "asks": "no", "say": "no", "talk": "yes"}),
    ]
    assert [p.id for p in reflection.missing(answered, points, RULE)] == ["pace", "asks", "talk"]
    assert reflection.missing(sessions("yes"), points, RULE) == []


def test_a_tally_counts_each_answer_per_point() -> None:
    points = reflection.load().points
    answered = [
        Session("1", "2026-10-01", "no", {"talk": "no"}),
        Session("2", "2026-10-02", "yes", {"talk": "yes", "pace": "yes"}),
    ]
    counted = dict((point.id, counts) for point, counts in reflection.tally(answered, points))
    assert counted["talk"] == {"no": 1, "yes": 1} and counted["pace"] == {"yes": 1}
    assert not counted["asks"]


def test_the_data_file_has_the_ten_points_with_a_sentence_each_in_both_languages() -> None:
    loaded = reflection.load()
    assert len(loaded.points) == 10
    assert all(p.say.nl and p.say.en and p.text.nl != p.text.en for p in loaded.points)
    assert [o.id for o in loaded.options] == ["no", "bit", "yes"]
    assert loaded.rule.sessions == 4 and loaded.rule.little == {"no", "bit"}


def test_a_broken_data_file_names_the_file_and_the_field() -> None:
    raw = data.read_toml(reflection.PATH)
    raw["look_further"]["little"] = ["no", "nooit"]
    with pytest.raises(data.DataError, match=r"look_further.little\[1\]: unknown answer 'nooit'"):
        reflection.parse(raw)
