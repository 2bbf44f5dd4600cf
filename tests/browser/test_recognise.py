"""Herkennen in a real browser: by keyboard only, with and without JavaScript, and axe-clean in
Dutch and English. Without JavaScript Playwright cannot run scripts in the page (axe, or asking
which element has focus by script), so that run checks focus with Playwright's own locators
and the axe checks run on the same pages with JavaScript on."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, tab_to

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_recognising_by_keyboard(make_visit, javascript, language) -> None:
    visit = make_visit(java_script_enabled=javascript)
    visit.open(f"/taal/{language}/?next=/")
    page = visit.open("/")
    # The first path on the home page, reached with the keyboard.
    tab_to(page, 'main a[href="/herkennen/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/herkennen/")
    if javascript:
        assert_accessible(page)
    for statement in ("no-one-asked", "compliments"):
        tab_to(page, f"#s-{statement}")
        page.keyboard.press("Space")
        expect(page.locator(f"#s-{statement}")).to_be_checked()
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    main = page.locator("main")
    if language == "nl":
        expect(page.locator("h1")).to_have_text("Wat je herkende")
        expect(main).to_contain_text("Niemand vroeg hoe het echt met me ging.")
        expect(main).to_contain_text("Wat je miste, telt.")
        expect(main).to_contain_text("Er is niets bewaard.")
    else:
        expect(page.locator("h1")).to_have_text("What you recognised")
        expect(main).to_contain_text("Nobody asked how I was really doing.")
        expect(main).to_contain_text("What you missed counts.")
    expect(main.locator('a[href="/dagboek/"]')).to_have_count(1)
    expect(main.locator('a[href="/hulpwijzer/"]')).to_have_count(1)
    if javascript:
        assert_accessible(page)
