"""Questionnaires in a real browser: the PHQ-9 by keyboard only, recovering from missing
answers through the error summary, the risk path, and axe on every kind of page."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_up, tab_to

pytestmark = pytest.mark.browser

PASSPHRASE = "lamp rivier brood herfst"


def _answer_all(page, value: int, skip: tuple[int, ...] = ()) -> None:
    for n in range(1, 10):
        if n not in skip:
            page.check(f"#phq9_{n}-{value}")


def test_the_phq9_by_keyboard_only(visit) -> None:
    page = visit.open("/vragenlijsten/phq9/")
    assert_accessible(page)
    for n in range(1, 9):
        # Tab lands on the group's first option; the arrow key moves to "Verscheidene dagen".
        tab_to(page, f"#phq9_{n}-0")
        page.keyboard.press("ArrowDown")
        expect(page.locator(f"#phq9_{n}-1")).to_be_checked()
    tab_to(page, "#phq9_9-0")
    page.keyboard.press("Space")
    expect(page.locator("#phq9_9-0")).to_be_checked()
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".score")).to_have_text("8 van 27 punten")
    expect(page.locator(".band")).to_contain_text("Lichte klachten")
    expect(page.locator(".risk-help")).to_have_count(0)
    assert "8" not in page.url.split("/vragenlijsten/")[1]
    assert_accessible(page)


def test_leaving_items_out_and_recovering_through_the_error_summary(visit) -> None:
    visit.open("/taal/en/?next=/")
    page = visit.open("/vragenlijsten/phq9/")
    _answer_all(page, 0, skip=(2, 5))
    page.locator("main button[type=submit]").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Some questions have no answer yet")
    expect(summary.locator("a")).to_have_text(["Question 2", "Question 5"])
    expect(page.locator("#phq9_1-0")).to_be_checked()
    assert_accessible(page)
    for link in ("Question 2", "Question 5"):
        summary.get_by_role("link", name=link).click()
        page.keyboard.press("Space")
    expect(page.locator("#phq9_2-0")).to_be_checked()
    expect(page.locator("#phq9_5-0")).to_be_checked()
    page.locator("main button[type=submit]").click()
    expect(page.locator(".score")).to_have_text("0 of 27 points")


def test_a_risk_answer_shows_help_before_the_score(visit) -> None:
    page = visit.open("/vragenlijsten/phq9/")
    _answer_all(page, 0)
    page.check("#phq9_9-1")
    page.locator("main button[type=submit]").click()
    help_box = page.locator(".risk-help")
    expect(help_box).to_be_visible()
    expect(help_box.locator('a[href="tel:113"]')).to_be_visible()
    help_top = help_box.bounding_box()["y"]
    assert help_top < page.locator("#your-score").bounding_box()["y"]
    assert help_top < page.locator(".score").bounding_box()["y"]
    assert_accessible(page)


def test_kept_results_and_their_history_pass_axe_in_both_languages(make_visit) -> None:
    visit = make_visit()
    page = sign_up(visit, "esdoorn", PASSPHRASE)

    for value in (2, 0):
        page = visit.open("/vragenlijsten/phq9/")
        _answer_all(page, value)
        page.check("#phq9_9-0")
        expect(page.locator("#keep")).to_be_checked()
        page.locator("main button[type=submit]").click()
        page.wait_for_url("**/vragenlijsten/uitslagen/*/")
    expect(page.locator("#compared")).to_be_visible()
    result_path = page.url.split(visit.server.url)[1]

    for language in ("nl", "en"):
        visit.open(f"/taal/{language}/?next=/")
        for path in (
            result_path,
            "/vragenlijsten/phq9/verloop/",
            "/vragenlijsten/uitslagen/",
            "/vragenlijsten/",
            "/vragenlijsten/over/",
            "/vragenlijsten/itq/",
            "/vragenlijsten/ace/",
        ):
            page = visit.open(path)
            expect(page.locator("h1")).to_have_count(1)
            assert_accessible(page)
    page = visit.open("/vragenlijsten/phq9/verloop/")
    expect(page.locator("svg.chart")).to_be_visible()
    expect(page.locator(".history-table tbody tr")).to_have_count(2)
