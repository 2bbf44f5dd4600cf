"""The design on a phone (390×844), measured in a real browser: page-length budgets in
screens of 844 px with every disclosure closed, the main paths in the first screen, sources
once per page, focus never under the sticky top bar, the menu without JavaScript, and the
moments that used to go wrong (the export, the share link, the recovery code, the safety
plan, the professional's header). Every figure is a length or a count, never a time."""

from __future__ import annotations

import json
import re
import secrets

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, sign_up

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SCREEN = PHONE["height"]


def _screens(page: Page) -> float:
    return page.evaluate("document.documentElement.scrollHeight") / SCREEN


def _phone(make_visit, **options):
    return make_visit(viewport=PHONE, **options)


def _navigator_advice(page: Page) -> Page:
    """The advice for someone low for a long time, on guard and unsure what they feel."""
    for concern in ("low_mood", "keeps_returning", "on_guard", "memories", "unsure_feelings"):
        page.locator(f"input[name=concerns][value={concern}]").check(force=True)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return page


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_long_pages_fit_their_budget_on_a_phone(make_visit, language) -> None:
    visit = _phone(make_visit)
    visit.open(f"/taal/{language}/?next=/")
    budgets = {"/hulplijnen/": 3, "/bibliotheek/": 3, "/vragenlijsten/phq9/": 5}
    for path, most in budgets.items():
        page = visit.open(path)
        assert _screens(page) <= most, f"{path}: {_screens(page):.2f} screens, at most {most}"
    page = _navigator_advice(visit.open("/hulpwijzer/"))
    expect(page.locator("h1")).to_have_count(1)
    assert _screens(page) <= 4, f"navigator advice: {_screens(page):.2f} screens, at most 4"
    # Its one action, print or save, is at the top; the order and sources are one tap away.
    assert page.locator("button[data-print]").bounding_box()["y"] < SCREEN
    assert_accessible(page)


def test_the_main_paths_are_in_the_first_screen_and_recognising_comes_first(make_visit) -> None:
    page = _phone(make_visit).open("/")
    paths = page.locator(".paths a")
    assert paths.first.get_attribute("href") == "/herkennen/"
    for href in ("/herkennen/", "/bibliotheek/", "/hulpwijzer/", "/hulplijnen/"):
        box = page.locator(f".paths a[href='{href}']").bounding_box()
        assert box["y"] + box["height"] <= SCREEN, f"{href} is below the first screen"


def _source_lines(page: Page) -> list[str]:
    return [line.strip() for line in page.locator(".source-list li").all_text_contents()]


def test_no_source_line_repeats_and_the_facts_point_to_their_source(make_visit) -> None:
    visit = _phone(make_visit)
    page = _navigator_advice(visit.open("/hulpwijzer/"))
    sources = _source_lines(page)
    assert len(sources) >= 3 and len(set(sources)) == len(sources)
    text = page.locator("main").text_content()
    for source in sources:
        assert text.count(source) == 1, source
    # A reference opens the sources list at its line.
    page.locator(".help-kind details summary").first.click()
    page.locator(".help-kind .cite a").first.click()
    expect(page.locator("#source-1")).to_be_visible()

    page = visit.open("/hulplijnen/")
    sources = _source_lines(page)
    assert len(sources) >= 9 and len(set(sources)) == len(sources)
    text = page.locator("main").text_content()
    assert text.count("Bron:") == 0 and text.count("113 Zelfmoordpreventie via ANP") == 1


def test_help_lines_are_big_call_buttons(make_visit) -> None:
    page = _phone(make_visit).open("/hulplijnen/")
    for tel in ("113", "08000113", "112", "08002000"):
        box = page.locator(f"main a[href='tel:{tel}']").bounding_box()
        assert box["height"] >= 44 and box["width"] >= 100, tel


@pytest.mark.parametrize(
    "viewport",
    [PHONE, {"width": 320, "height": 256}],
    ids=["phone", "400pct-zoom"],
)
def test_the_sticky_top_bar_never_covers_what_has_focus(make_visit, viewport) -> None:
    visit = make_visit(viewport=viewport)
    page = visit.open("/vragenlijsten/phq9/")
    bar = page.locator(".top-bar")
    seen = 0
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(
            "document.activeElement === document.body"
            " || document.activeElement.closest('.top-bar') !== null"
        ):
            continue
        box = page.evaluate(
            "(() => { const r = document.activeElement.getBoundingClientRect();"
            " return {top: r.top, bottom: r.bottom}; })()"
        )
        bar_bottom = bar.bounding_box()["y"] + bar.bounding_box()["height"]
        assert box["top"] >= bar_bottom - 1, page.evaluate("document.activeElement.outerHTML")
        seen += 1
    assert seen > 40


def test_the_crisis_line_and_quick_exit_take_one_line_on_a_phone(make_visit) -> None:
    page = _phone(make_visit).open("/")
    tops = {
        round(page.locator(selector).bounding_box()["y"])
        for selector in (".quick-exit", "a.call[href='tel:113']", "a.call[href='tel:112']")
    }
    assert len(tops) == 1
    assert page.locator(".top-bar").bounding_box()["height"] <= 64


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_menu_opens_without_javascript_and_marks_one_page(make_visit, javascript) -> None:
    visit = make_visit(viewport=PHONE, java_script_enabled=javascript)
    page = visit.open("/bibliotheek/cgt/")
    menu = page.locator(".site-nav")
    expect(menu).to_be_hidden()
    page.locator(".menu summary").click()
    expect(menu).to_be_visible()
    expect(menu.locator("[aria-current=page]")).to_have_count(1)
    expect(menu.locator("[aria-current=page]")).to_have_text("Bibliotheek")
    if javascript:
        page.keyboard.press("Escape")
        expect(menu).to_be_hidden()
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
        assert_accessible(page)


def test_download_my_data_arrives_right_after_the_passphrase(make_visit, server) -> None:
    name = f"export{secrets.token_hex(3)}"
    visit = make_visit(viewport=PHONE, accept_downloads=True)
    sign_up(visit, name)
    # The passphrase was entered long ago: every session of this account says so.
    server.installation.python(
        "from django.contrib.sessions.models import Session\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "for s in Session.objects.all():\n"
        "    store = SessionStore(session_key=s.session_key)\n"
        "    store['passphrase_at'] = 0\n"
        "    store.save()\n"
    )
    page = visit.open("/account/mijn-gegevens/")
    page.fill("#id_export-passphrase", "niet mijn wachtwoord")
    page.locator("form[action$='/export/'] button").click()
    expect(page.locator(".error-summary")).to_contain_text("klopt niet")
    assert_accessible(page)
    page.fill("#id_export-passphrase", "lamp rivier brood herfst")
    with page.expect_download() as download:
        page.locator("form[action$='/export/'] button").click()
    with open(download.value.path(), encoding="utf-8") as file:
        exported = json.load(file)
    assert exported["account"]["username"] == name


def _share(page: Page, with_code: bool) -> Page:
    page.goto(page.url.split("/account/")[0] + "/mijn-verhaal/nu/")
    page.fill("#id_now_happened", "Ik sta op een wachtlijst.")
    page.locator("button[name=save]").click()
    page.goto(page.url.split("/mijn-verhaal/")[0] + "/mijn-verhaal/samenvatting/")
    page.locator("input[name=parts]").first.check(force=True)
    page.locator("main form button.button").click()
    page.wait_for_url("**/samenvatting/bekijken/")
    if with_code:
        page.check("#id_with_code", force=True)
    page.locator("form[action='/mijn-verhaal/delen/nieuw/'] button.button").click()
    page.wait_for_load_state()
    return page


def test_the_share_link_has_a_copy_button_and_says_what_the_code_does(make_visit) -> None:
    visit = _phone(make_visit)
    visit.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = _share(sign_up(visit, f"deler{secrets.token_hex(3)}"), with_code=True)
    link = page.locator("#share-link")
    assert link.get_attribute("readonly") is not None
    assert link.bounding_box()["width"] > 200
    page.get_by_role("button", name="Kopieer de link").click()
    expect(page.get_by_role("status").filter(has_text="gekopieerd")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == link.input_value()
    main = page.locator("main")
    expect(main).to_contain_text("zowel de link als de toegangscode")
    expect(main).not_to_contain_text("iedereen met de link")
    assert_accessible(page)


def test_without_javascript_the_link_can_be_selected_and_no_dead_button_shows(make_visit) -> None:
    visit = make_visit(viewport=PHONE, java_script_enabled=False)
    page = _share(sign_up(visit, f"deler{secrets.token_hex(3)}"), with_code=False)
    expect(page.locator("[data-copy]")).to_be_hidden()
    page.locator("#share-link").click()
    page.keyboard.press("Control+A")
    selected = page.evaluate(
        "(() => { const f = document.getElementById('share-link');"
        " return f.value.substring(f.selectionStart, f.selectionEnd); })()"
    )
    assert selected == page.locator("#share-link").input_value()
    expect(page.locator("main")).to_contain_text("iedereen met de link")


def test_a_recovery_code_never_breaks_inside_a_group(make_visit) -> None:
    visit = make_visit(viewport={"width": 320, "height": 640})
    page = visit.open("/account/aanmelden/")
    page.fill("#id_username", f"groep{secrets.token_hex(3)}")
    page.fill("#id_new_passphrase", "lamp rivier brood herfst")
    page.check("#id_understood", force=True)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/account/herstelcode/")
    code = page.locator(".recovery-code code")
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){6}", code.inner_text())
    lines = page.evaluate(
        "[...document.querySelectorAll('.recovery-code .code-group')]"
        ".map(g => g.getClientRects().length)"
    )
    assert lines == [1] * 7
    assert (
        page.evaluate("document.querySelector('.recovery-code code').getClientRects().length") > 1
    )


def test_the_safety_plan_has_one_main_action_and_says_whether_it_is_saved(make_visit) -> None:
    visit = _phone(make_visit)
    page = sign_up(visit, f"plan{secrets.token_hex(3)}")
    page = visit.open("/veiligheidsplan/")
    expect(page.locator("main .button:visible")).to_have_count(1)
    page.locator("#id_people_1").fill("Sanne, 06-12345678")
    page.locator("button[value=show]").click()
    expect(page.locator("main .notice")).to_contain_text("nog niet opgeslagen")
    expect(page.locator("main .button:visible")).to_have_count(1)
    expect(page.locator("main .button:visible")).to_have_text("Mijn plan opslaan")
    page.locator("main .button:visible").click()
    expect(page.locator("main .saved-state")).to_contain_text("versleuteld in je account")
    expect(page.locator("main .button:visible")).to_have_count(1)
    expect(page.locator("main .button:visible")).to_contain_text("Printen")
    assert_accessible(page)


def test_the_professional_sees_a_header_of_their_own(make_visit) -> None:
    person = _phone(make_visit)
    page = _share(sign_up(person, f"verteller{secrets.token_hex(3)}"), with_code=False)
    url = page.locator("#share-link").input_value()
    professional = _phone(make_visit)
    seen = professional.page
    seen.goto(url)
    expect(seen.locator("h1")).to_have_text("Startbrief voor een hulpverlener")
    expect(seen.locator(".menu")).to_have_count(0)
    expect(seen.locator("header")).not_to_contain_text("Inloggen")
    expect(seen.locator("a[href='/account/inloggen/']")).to_have_count(0)
    expect(seen.locator(".quick-exit")).to_be_visible()
    assert_accessible(seen)
