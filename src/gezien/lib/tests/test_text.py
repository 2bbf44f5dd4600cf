"""Text pairs: the page's language where it exists, else the other one, marked as foreign."""

from __future__ import annotations

import pytest
from django.utils import translation

from gezien.lib.text import Shown, Text, current_language, language_of


@pytest.mark.parametrize(
    ("code", "language"),
    [("nl", "nl"), ("nl-be", "nl"), ("en", "en"), ("en-GB", "en"), (None, "nl"), ("de", "nl")],
)
def test_every_language_code_maps_to_dutch_or_english(code, language) -> None:
    assert language_of(code) == language


def test_a_text_follows_the_language_of_the_page() -> None:
    text = Text(nl="Hallo", en="Hello")
    with translation.override("en"):
        assert current_language() == "en" and str(text) == "Hello"
    with translation.override("nl"):
        assert current_language() == "nl" and str(text) == "Hallo"


def test_a_text_in_one_language_is_shown_as_foreign_on_the_other_page() -> None:
    english_only = Text(nl=None, en="Little interest")
    assert english_only.shown("nl") == Shown("Little interest", "en", True)
    assert english_only.shown("en") == Shown("Little interest", "en", False)
    dutch_only = Text(nl="Weinig plezier", en=None)
    assert dutch_only.shown("en") == Shown("Weinig plezier", "nl", True)


def test_a_text_needs_at_least_one_language() -> None:
    with pytest.raises(ValueError):
        Text(nl=None, en=None)
