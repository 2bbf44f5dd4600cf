"""The check-up (APK) and the partner's side in a real browser: a check-up taken end to end
by keyboard in Dutch, with and without JavaScript; the calendar file downloaded and parsed;
a partner view shared, opened in a fresh browser, revoked; the check-in conversation
completed. axe on every page, in Dutch and English. Screenshots at 390×844 go to
GEZIEN_SHOTS when that is set (to look at them; they are not compared)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible as axe_check
from tests.browser.conftest import sign_up, tab_to

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}}
SHOTS = os.environ.get("GEZIEN_SHOTS")


def assert_accessible(page: Page, javascript: bool = True) -> None:
    """axe needs JavaScript in the page; without it the same pages are checked in the run
    with JavaScript on."""
    if javascript:
        axe_check(page)


def _shot(page: Page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def _keyboard_answers(page: Page, instrument: str, count: int, steps_down: int) -> None:
    for n in range(1, count + 1):
        first_id = page.locator(f"input[name={instrument}_{n}]").first.get_attribute("id")
        tab_to(page, f"#{first_id}")
        page.keyboard.press("Space")
        for _ in range(steps_down):
            page.keyboard.press("ArrowDown")


def _submit_by_keyboard(page: Page, selector: str) -> None:
    tab_to(page, selector)
    # The conversation's screens all have the same address: wait for the new page itself.
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _take_check_up(page: Page, tag: str, javascript: bool) -> None:
    """Set up the default check-up and take it, all by keyboard."""
    page.goto(page.url.split("/account/")[0] + "/apk/")
    expect(page.locator("h1")).to_have_text("Een vaste APK, voor jezelf")
    assert_accessible(page, javascript)
    _shot(page, f"{tag}-1-intro")
    _submit_by_keyboard(page, "main a.button")
    expect(page.locator("#id_questionnaires_0")).to_be_checked()  # K10
    expect(page.locator("#id_questionnaires_1")).to_be_checked()  # MHI-5
    assert_accessible(page, javascript)
    _shot(page, f"{tag}-2-setup")
    _submit_by_keyboard(page, "main form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Je APK")
    assert_accessible(page, javascript)
    _shot(page, f"{tag}-3-home")
    _submit_by_keyboard(page, "form[action='/apk/beginnen/'] button")
    expect(page.locator("h1")).to_have_text("Je APK: deel 1 van 3")
    assert_accessible(page, javascript)
    _shot(page, f"{tag}-4-k10")
    _keyboard_answers(page, "k10", 10, 3)  # "Af en toe" (2) each: 20 of 50
    _submit_by_keyboard(page, "button[value=next]")
    expect(page.locator("h1")).to_have_text("Je APK: deel 2 van 3")
    _keyboard_answers(page, "mhi5", 5, 2)
    _submit_by_keyboard(page, "button[value=next]")
    expect(page.locator("h1")).to_have_text("Je APK: deel 3 van 3")
    assert_accessible(page, javascript)
    tab_to(page, "#id_better")
    page.keyboard.type("Ik zei een keer nee")
    tab_to(page, "#id_need")
    page.keyboard.type("Rust en een wandeling")
    _shot(page, f"{tag}-5-reflections")
    _submit_by_keyboard(page, "button[value=next]")
    expect(page.locator("h1")).to_contain_text("Je APK van")
    expect(page.locator("main")).to_contain_text("20 van 50")
    expect(page.locator("main")).to_contain_text("Ik zei een keer nee")
    assert_accessible(page, javascript)
    _shot(page, f"{tag}-6-result")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_check_up_by_keyboard_in_dutch(make_visit, javascript: bool) -> None:
    person = make_visit(java_script_enabled=javascript, **PHONE)
    sign_up(person, f"apk{secrets.token_hex(3)}")
    _take_check_up(person.page, f"checkup-{'js' if javascript else 'nojs'}", javascript)
    home = person.open("/")
    expect(home.locator(".home-checkup")).to_contain_text("Je volgende APK")
    if not javascript:
        _shot(home, "checkup-nojs-7-home-block")


def test_the_calendar_file_is_downloaded_and_holds_only_the_chosen_title(make_visit) -> None:
    person = make_visit(accept_downloads=True, **PHONE)
    sign_up(person, f"agenda{secrets.token_hex(3)}")
    page = person.open("/apk/instellen/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/apk/")
    expect(page.locator("#id_title")).to_have_value("Even tijd voor mezelf")
    _shot(page, "calendar-form")
    with page.expect_download() as info:
        page.locator("form[action='/apk/herinnering/'] button").click()
    assert info.value.suggested_filename == "agenda.ics"
    ics = Path(info.value.path()).read_bytes()
    if SHOTS:
        (Path(SHOTS) / "agenda.ics").write_bytes(ics)
    event = Calendar.from_ical(ics).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Even tijd voor mezelf"
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["INTERVAL"] == [4]
    assert "URL" not in event and "DESCRIPTION" not in event and b"http" not in ics


def test_a_partner_view_shared_opened_in_a_fresh_browser_and_revoked(make_visit) -> None:
    person = make_visit(**PHONE)
    sign_up(person, f"partner{secrets.token_hex(3)}")
    page = person.open("/voor-mijn-partner/")
    assert_accessible(page)
    page.fill("#id_helps", "Als je naast me komt zitten")
    page.fill("#id_not_helping", "Geen advies als ik moe ben")
    page.check("input[value=voor-partners]")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/voor-mijn-partner/")
    _shot(page, "partner-1-write")
    page.locator("a[href='/voor-mijn-partner/delen/']").click()
    assert_accessible(page)
    page.check("input[value='partner.helps']")
    page.check("input[value='partner.pages']")
    page.locator("main form button.button").click()
    page.wait_for_url("**/bekijken/")
    assert_accessible(page)
    page.locator("form[action='/mijn-verhaal/delen/nieuw/'] button.button").click()
    expect(page.locator("#share-link")).to_be_visible()
    assert_accessible(page)
    url = page.locator("#share-link").input_value()

    partner = make_visit(**PHONE)  # a fresh browser: no account, no cookies
    shared = partner.open(url.split("://", 1)[1].split("/", 1)[1].join(["/", ""]))
    expect(shared.locator("h1")).to_have_text("Iemand die dicht bij je staat, wil dat je dit leest")
    expect(shared.locator("main")).to_contain_text("Als je naast me komt zitten")
    expect(shared.locator("main")).not_to_contain_text("Geen advies als ik moe ben")
    expect(shared.locator("main")).not_to_contain_text("Wat mij niet helpt")
    expect(shared.locator("a[href='/samen-praten/']")).to_be_visible()
    assert_accessible(shared)
    _shot(shared, "partner-2-shared-view")

    page = person.open("/mijn-verhaal/delen/")
    expect(page.locator(".share-item")).to_contain_text("mijn partner")
    page.locator(".share-item form button").click()
    page.wait_for_url("**/mijn-verhaal/delen/")
    gone = partner.page.goto(shared.url)
    assert gone.status == 404
    expect(partner.page.locator("main")).not_to_contain_text("Als je naast me komt zitten")


def test_the_check_in_conversation_completed_by_keyboard(make_visit) -> None:
    visit = make_visit(**PHONE)
    page = visit.open("/bibliotheek/voor-partners/")
    page.locator("a[href='/samen-praten/']").first.click()
    expect(page.locator("h1")).to_have_text("Samen praten")
    assert_accessible(page)
    _shot(page, "checkin-1-start")
    tab_to(page, "#id_name_1")
    page.keyboard.type("Sam")
    tab_to(page, "#id_name_2")
    page.keyboard.type("Noor")
    _submit_by_keyboard(page, "button[value=next]")
    expect(page.locator(".checkin-turn")).to_contain_text("Sam vertelt.")
    assert_accessible(page)
    _shot(page, "checkin-2-turn")
    while page.locator("input[type=text]#id_feeling_1").count() == 0:
        _submit_by_keyboard(page, "button[value=next]")
    page.fill("#id_feeling_1", "alleen")
    page.fill("#id_situation_1", "jij altijd laat thuiskomt")
    page.fill("#id_need_1", "een berichtje")
    _submit_by_keyboard(page, "button[value=build]")
    expect(page.locator(".checkin-sentence")).to_have_text(
        "Ik voel me alleen als jij altijd laat thuiskomt. Wat ik nodig heb: een berichtje."
    )
    expect(page.locator(".checkin-statement")).to_contain_text("“altijd”")
    assert_accessible(page)
    _shot(page, "checkin-3-i-statement")
    while page.locator("textarea#id_agreement").count() == 0:
        _submit_by_keyboard(page, "button[value=next]")
    page.fill("#id_agreement", "Ik stuur een berichtje als ik later ben")
    _submit_by_keyboard(page, "button[value=next]")
    expect(page.locator("h1")).to_have_text("Goed gedaan")
    expect(page.locator("main")).to_contain_text("Ik stuur een berichtje als ik later ben")
    assert "berichtje" not in page.url
    assert_accessible(page)
    _shot(page, "checkin-4-end")


def test_the_new_pages_pass_axe_in_english(make_visit) -> None:
    person = make_visit(**PHONE)
    sign_up(person, f"engels{secrets.token_hex(3)}")
    person.open("/taal/en/?next=/")
    for path in (
        "/apk/",
        "/apk/instellen/",
        "/voor-mijn-partner/",
        "/voor-mijn-partner/delen/",
        "/samen-praten/",
        "/samen-praten/notities/",
    ):
        page = person.open(path)
        assert page.locator("html").get_attribute("lang") == "en"
        assert_accessible(page)
    page = person.open("/apk/instellen/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/apk/")
    page.locator("form[action='/apk/beginnen/'] button").click()
    expect(page.locator("h1")).to_have_text("Your check-up: part 1 of 3")
    assert_accessible(page)
    _shot(page, "english-k10")
