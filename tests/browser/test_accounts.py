"""An account from sign-up to deletion, by keyboard only, with axe on every page."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_up, tab_to

pytestmark = pytest.mark.browser

PASSPHRASE = "lamp rivier brood herfst"
NEW_PASSPHRASE = "zeven zachte wolken vandaag"


def _fill_by_keyboard(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def _log_in(page, username: str, passphrase: str) -> None:
    _fill_by_keyboard(page, "#id_username", username)
    _fill_by_keyboard(page, "#id_passphrase", passphrase)
    page.keyboard.press("Enter")


def test_an_account_from_signup_to_deletion_by_keyboard_only(make_visit) -> None:
    visit = make_visit()
    page = visit.open("/account/aanmelden/")
    assert_accessible(page)
    _fill_by_keyboard(page, "#id_username", "lijster")
    _fill_by_keyboard(page, "#id_new_passphrase", PASSPHRASE)
    tab_to(page, "#id_understood")
    page.keyboard.press("Space")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url("**/account/herstelcode/")
    assert_accessible(page)
    code = page.locator(".recovery-code code").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){6}", code)
    _fill_by_keyboard(page, "#id_last_part", code[-9:])
    page.keyboard.press("Enter")
    page.wait_for_url("**/account/")
    expect(page.locator(".messages")).to_contain_text("klaar")
    assert_accessible(page)

    # Log out sits in the menu: open it with the keyboard, then go on to the button.
    tab_to(page, ".menu summary")
    page.keyboard.press("Enter")
    tab_to(page, ".logout button")
    page.keyboard.press("Enter")
    page.wait_for_url(visit.server.url + "/")
    assert visit.context.cookies() == [] or all(
        c["name"] != "gezien-vault" for c in visit.context.cookies()
    )

    page = visit.open("/account/inloggen/")
    assert_accessible(page)
    _log_in(page, "lijster", PASSPHRASE)
    page.wait_for_url("**/account/")

    page = visit.open("/account/wachtwoord/")
    assert_accessible(page)
    _fill_by_keyboard(page, "#id_current_passphrase", PASSPHRASE)
    _fill_by_keyboard(page, "#id_new_passphrase", NEW_PASSPHRASE)
    page.keyboard.press("Enter")
    page.wait_for_url("**/account/")
    expect(page.locator(".messages")).to_contain_text("gewijzigd")

    # A second browser logs in; the first sees it in the list and ends it.
    other = make_visit(user_agent="Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0")
    other_page = other.open("/account/inloggen/")
    _log_in(other_page, "lijster", NEW_PASSPHRASE)
    other_page.wait_for_url("**/account/")
    page = visit.open("/account/sessies/")
    assert_accessible(page)
    expect(page.locator("table")).to_contain_text("Firefox op Linux")
    tab_to(page, "form[action$='/andere-beeindigen/'] button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("uitgelogd")
    other_page.goto(other.server.url + "/account/")
    assert "/account/inloggen/" in other_page.url

    page = visit.open("/account/mijn-gegevens/")
    assert_accessible(page)
    tab_to(page, "form[action$='/export/'] button")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    exported = json.loads(download.value.path().read_text())
    assert exported["account"]["username"] == "lijster"

    _fill_by_keyboard(page, "#id_passphrase", NEW_PASSPHRASE)
    tab_to(page, "#id_sure")
    page.keyboard.press("Space")
    tab_to(page, "form[action$='/verwijderen/'] button")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Je account is verwijderd")
    assert_accessible(page)
    page = visit.open("/account/inloggen/")
    _log_in(page, "lijster", NEW_PASSPHRASE)
    expect(page.locator(".error-summary")).to_contain_text("klopt niet")


@pytest.mark.parametrize("path", ["/account/vergeten/", "/account/aanmelden/"])
def test_account_pages_pass_axe_in_english_and_with_errors(visit, path) -> None:
    visit.open(f"/taal/en/?next={path}")
    page = visit.open(path)
    assert_accessible(page)
    page.locator("main button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)


def test_second_step_pages_pass_axe(make_visit) -> None:
    visit = make_visit()
    sign_up(visit, "merel2fa", PASSPHRASE)
    page = visit.open("/account/tweede-stap/")
    assert_accessible(page)
    page = visit.open("/account/tweede-stap/toevoegen/")
    assert_accessible(page)
