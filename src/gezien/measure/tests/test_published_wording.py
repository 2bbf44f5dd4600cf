"""Every shipped question, answer label and published instruction, in every language a
definition ships, is the published wording in published_wording.toml (made from the research
files). A definition may only differ where the fixture says so, with the reason."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from gezien.measure.definitions import load_all

FIXTURE = tomllib.loads(Path(__file__).with_name("published_wording.toml").read_text("utf-8"))
SHIPPED = load_all()
LANGUAGES = ("en", "nl")


def expected(entry: dict, language: str) -> str | None:
    """What the definition must hold: the published text, or a documented difference."""
    if f"shipped_{language}" in entry:
        assert entry["why"].strip(), "a difference from the published text needs its reason"
        return entry[f"shipped_{language}"]
    return entry.get(language)


def test_the_fixture_covers_every_shipped_questionnaire():
    assert set(FIXTURE) == set(SHIPPED)


@pytest.mark.parametrize("instrument_id", sorted(SHIPPED))
def test_every_item_in_every_shipped_language_is_the_published_wording(instrument_id):
    instrument = SHIPPED[instrument_id]
    published = FIXTURE[instrument_id]["items"]
    assert list(published) == [item.id for item in instrument.items], "every item, in order"
    for item in instrument.items:
        for language in LANGUAGES:
            shipped = getattr(item.text, language)
            if shipped is None:
                continue
            assert shipped == expected(published[item.id], language), (item.id, language)


@pytest.mark.parametrize("instrument_id", sorted(SHIPPED))
def test_every_answer_label_in_every_shipped_language_is_the_published_wording(instrument_id):
    instrument = SHIPPED[instrument_id]
    published = FIXTURE[instrument_id]["options"]
    assert set(published) == {option_set.id for option_set in instrument.option_sets}
    for option_set in instrument.option_sets:
        for language in LANGUAGES:
            labels = [getattr(option.label, language) for option in option_set.options]
            if labels[0] is None:
                continue
            assert labels == expected(published[option_set.id], language), (
                option_set.id,
                language,
            )


@pytest.mark.parametrize(
    "instrument_id", sorted(i for i in SHIPPED if "instructions" in FIXTURE[i])
)
def test_published_instructions_are_shipped_word_for_word(instrument_id):
    instructions = SHIPPED[instrument_id].instructions
    entry = FIXTURE[instrument_id]["instructions"]
    for language in LANGUAGES:
        if language in entry:
            assert getattr(instructions, language) == expected(entry, language), language


def test_ace_item_7_says_hit_over_at_least_a_few_minutes():
    text = SHIPPED["ace"].item("ace_7").text.en
    assert "Ever repeatedly hit over at least a few minutes or threatened with a gun or knife?" in (
        text
    )
