"""The K10 and MHI-5 in a real browser, in Dutch, by keyboard only: axe-clean form and result,
and for a K10 total in the high band the help block above the score."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, tab_to

pytestmark = pytest.mark.browser


def _keyboard_answers(page, instrument: str, count: int, steps_down: int) -> None:
    """Tab to each question's first option and move down with the arrow key, as a keyboard
    user chooses an option in a radio group."""
    for n in range(1, count + 1):
        first = page.locator(f"input[name={instrument}_{n}]").first
        first_id = first.get_attribute("id")
        tab_to(page, f"#{first_id}")
        page.keyboard.press("Space")
        for _ in range(steps_down):
            page.keyboard.press("ArrowDown")


def test_the_k10_by_keyboard_in_dutch_with_help_before_a_high_score(visit) -> None:
    page = visit.open("/vragenlijsten/k10/")
    expect(page.locator("h1")).to_have_text("Spanning en somberheid (K10)")
    expect(page.locator(".instructions")).to_contain_text(
        "De volgende vragen gaan over hoe u zich voelde in de afgelopen 4 weken?"
    )
    assert_accessible(page)
    # Altijd, Meestal, Soms, ...: two steps down from "Altijd" is "Soms" (3) for every item.
    _keyboard_answers(page, "k10", 10, 2)
    expect(page.locator("#k10_10-3")).to_be_checked()
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".score")).to_have_text("30 van 50 punten")
    help_box = page.locator(".risk-help")
    expect(help_box).to_be_visible()
    expect(help_box).to_contain_text("Je voelde je de afgelopen weken erg gespannen of somber.")
    expect(help_box.locator('a[href="tel:113"]')).to_be_visible()
    assert help_box.bounding_box()["y"] < page.locator(".score").bounding_box()["y"]
    expect(page.locator(".band")).to_contain_text("Hoog risico op een angststoornis of depressie")
    assert_accessible(page)


def test_the_k10_just_below_the_high_band_shows_no_help_block(visit) -> None:
    page = visit.open("/vragenlijsten/k10/")
    _keyboard_answers(page, "k10", 9, 2)
    tab_to(page, "#k10_10-5")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # "Af en toe" (2): 27 + 2 = 29
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".score")).to_have_text("29 van 50 punten")
    expect(page.locator(".risk-help")).to_have_count(0)


def test_the_mhi5_by_keyboard_in_dutch(visit) -> None:
    page = visit.open("/vragenlijsten/mhi5/")
    expect(page.locator("h1")).to_have_text("Hoe je je voelde (MHI-5)")
    assert_accessible(page)
    # voortdurend, meestal, vaak, soms: three steps down is "soms" (2) for every item:
    # items 1, 2, 4 reversed count 3 each, items 3 and 5 count 2 each: 13 x 4 = 52.
    _keyboard_answers(page, "mhi5", 5, 3)
    expect(page.locator("#mhi5_5-2")).to_be_checked()
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".score")).to_have_text("52 van 100 punten")
    expect(page.locator(".band")).to_contain_text("Signalen van psychische klachten")
    expect(page.locator(".risk-help")).to_have_count(0)
    assert_accessible(page)


def test_english_readers_get_the_dutch_questions_marked_as_dutch(visit) -> None:
    visit.open("/taal/en/?next=/")
    page = visit.open("/vragenlijsten/mhi5/")
    expect(page.locator('.question-text[lang="nl"]').first).to_have_text(
        "Voelde u zich erg zenuwachtig?"
    )
    expect(page.locator(".notice[lang=en]")).to_contain_text("shown in Dutch")
    assert_accessible(page)
