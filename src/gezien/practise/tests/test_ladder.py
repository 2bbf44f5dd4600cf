"""The ladder's rules as plain functions: its order from easy to hard, moving a step, the next
step, and the figures of expected against actual distress with the note they allow."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from gezien.lib import data
from gezien.practise import ladder
from gezien.practise.ladder import Step, Try


@dataclass(frozen=True)
class New:
    name: str
    expected: int


def names(steps) -> list[str]:
    return [getattr(step, "name", None) or step.id for step in steps]


def test_new_situations_are_ordered_from_least_to_most_distress_keeping_ties_in_order() -> None:
    chosen = [New("partner", 7), New("pen", 2), New("nee", 5), New("folder", 2)]
    assert names(ladder.easy_to_hard(chosen)) == ["pen", "folder", "nee", "partner"]


@pytest.mark.parametrize(
    "expected, place",
    [
        (1, ["new", "a", "b", "c"]),  # easier than all: first
        (4, ["a", "new", "b", "c"]),  # before the first harder step
        (6, ["a", "b", "new", "c"]),  # after the steps as hard as it
        (9, ["a", "b", "c", "new"]),  # harder than all: last
    ],
)
def test_a_new_step_goes_before_the_first_harder_step(expected, place) -> None:
    current = [New("a", 3), New("b", 6), New("c", 8)]
    assert names(ladder.insert(current, New("new", expected))) == place


def test_a_new_step_respects_an_order_the_person_chose() -> None:
    # The person put the 8 before the 6; a new 7 goes before the first harder step (the 8),
    # so their order stays as it was.
    chosen = [New("a", 3), New("c", 8), New("b", 6)]
    assert names(ladder.insert(chosen, New("new", 7))) == ["a", "new", "c", "b"]


@pytest.mark.parametrize(
    "index, direction, result",
    [
        (1, ladder.EARLIER, ["b", "a", "c"]),
        (1, ladder.LATER, ["a", "c", "b"]),
        (0, ladder.EARLIER, ["a", "b", "c"]),  # already first
        (2, ladder.LATER, ["a", "b", "c"]),  # already last
        (7, ladder.LATER, ["a", "b", "c"]),  # not on the ladder
        (-1, ladder.EARLIER, ["a", "b", "c"]),
        (1, "sideways", ["a", "b", "c"]),
    ],
)
def test_moving_a_step(index, direction, result) -> None:
    assert ladder.move(["a", "b", "c"], index, direction) == result


def test_a_stored_ladder_is_read_in_its_order_and_numbered_again_after_a_change() -> None:
    stored = [Step("b", "", 6, position=1), Step("a", "", 9, position=0), Step("c", "", 2, 2)]
    assert names(ladder.ordered(stored)) == ["a", "b", "c"]
    moved = ladder.numbered(ladder.move(ladder.ordered(stored), 2, ladder.EARLIER))
    assert [(s.id, s.position) for s in moved] == [("a", 0), ("c", 1), ("b", 2)]


def test_the_next_step_is_a_started_one_or_else_the_first_not_done() -> None:
    steps = [Step("a", "", 2, done=True), Step("b", "", 4), Step("c", "", 6)]
    assert ladder.next_step(steps).id == "b"
    steps[2] = Step("c", "", 6, pending=5)
    assert ladder.next_step(steps).id == "c"
    assert ladder.next_step([Step("a", "", 2, done=True)]) is None


def tried(expected: int, actual: int, day: int) -> Try:
    return Try(expected, actual, f"2026-11-{day:02d}T10:00:00+00:00")


def test_figures_put_every_try_in_time_order_and_count_lower_same_and_higher() -> None:
    steps = [
        Step("a", "pen", 2, done=True, tries=(tried(3, 1, 1), tried(2, 2, 4))),
        Step("b", "nee", 6, tries=(tried(6, 8, 2),)),
        Step("c", "partner", 8),
    ]
    found = ladder.figures(steps)
    assert [(row.step.id, row.tried.actual) for row in found.rows] == [
        ("a", 1),
        ("b", 8),
        ("a", 2),
    ]
    assert (found.tries, found.lower, found.same, found.higher) == (3, 1, 1, 1)
    assert (found.steps, found.steps_done, found.steps_tried) == (3, 1, 2)
    assert (found.mean_expected, found.mean_actual) == (3.7, 3.7)  # 11/3 both
    assert [row.tried.outcome for row in found.rows] == ["lower", "higher", "same"]


def test_no_tries_no_figures() -> None:
    found = ladder.figures([Step("a", "pen", 2)])
    assert (found.tries, found.mean_expected, found.mean_actual) == (0, None, None)


@pytest.mark.parametrize(
    "pairs, shown",
    [
        ([(6, 3), (5, 2)], False),  # too few tries to say "often"
        ([(6, 3), (5, 2), (4, 1)], True),  # lower every time
        ([(6, 3), (5, 2), (4, 6)], True),  # lower in two of three
        ([(6, 3), (5, 5), (4, 6), (3, 1)], False),  # lower in half: not more than half
        ([(6, 8), (5, 7), (4, 6)], False),  # always higher: no note, and no word of failure
    ],
)
def test_the_note_needs_enough_tries_and_lower_in_more_than_half(pairs, shown) -> None:
    step = Step("a", "nee", 5, tries=tuple(tried(e, a, i + 1) for i, (e, a) in enumerate(pairs)))
    assert ladder.often_lower(ladder.figures([step]), min_tries=3) is shown


def test_a_long_situation_is_cut_at_a_word_for_the_chart() -> None:
    text = "Tegen je partner zeggen wat je nodig hebt, zoals een knuffel of even rust."
    assert ladder.short(text) == "Tegen je partner zeggen wat je nodig…"
    assert ladder.short("Nee zeggen") == "Nee zeggen"


def test_the_data_file_has_examples_for_every_theme_in_both_languages() -> None:
    catalogue = ladder.load()
    assert len(catalogue.examples) == 12
    assert {e.theme for e in catalogue.examples} == {t.id for t in catalogue.themes}
    assert all(e.text.nl and e.text.en and e.text.nl != e.text.en for e in catalogue.examples)


def test_a_broken_data_file_names_the_file_and_the_field() -> None:
    raw = data.read_toml(ladder.PATH)
    raw["examples"][2]["theme"] = "dansen"
    with pytest.raises(data.DataError, match=r"ladder.toml: examples\[2\].theme: 'dansen'"):
        ladder.parse(raw)
