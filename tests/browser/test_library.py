"""The library, the help navigator and the safety plan in a real browser: axe in both
languages, search, the navigator's result, the safety plan by keyboard only, and printing
the plan on one A4 page. The fixtures fail a test on any request to another origin."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, sign_up, tab_to

pytestmark = pytest.mark.browser

LIBRARY_PAGES = ["emotionele-verwaarlozing", "cgt", "vijf-vormen"]  # the one with a diagram last


def in_language(visit, language: str, path: str) -> Page:
    if language == "en":
        visit.open(f"/taal/en/?next={path}")
    return visit.open(path)


def pdf_pages(page: Page) -> int:
    pdf = page.pdf(format="A4")
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_library_index_and_pages_pass_axe_with_the_diagram_shown(visit, language) -> None:
    page = in_language(visit, language, "/bibliotheek/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)
    for page_id in LIBRARY_PAGES:
        page = visit.open(f"/bibliotheek/{page_id}/")
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)
    image = page.locator("main img")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert f"vijf-vormen.{language}." in image.get_attribute("src")


def test_search_shows_results_on_the_same_page_without_the_words_in_the_address(visit) -> None:
    page = visit.open("/bibliotheek/")
    page.get_by_label("Zoek in de bibliotheek").fill("schemateraphie")
    page.keyboard.press("Enter")
    expect(page.locator("#results-heading")).to_be_visible()
    assert page.url.endswith("/bibliotheek/")
    # The first result's title (the link also says how long it takes to read).
    expect(page.locator(".library-results li a > span").first).to_have_text("Schematherapie")
    assert_accessible(page)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_navigator_form_and_result_pass_axe(visit, language) -> None:
    page = in_language(visit, language, "/hulpwijzer/")
    assert_accessible(page)
    page.locator("input[value=low_mood]").check()
    page.locator("input[value=memories]").check()
    page.locator("input[name=trauma_work][value=not_yet]").check()
    page.locator("main button[type=submit]").click()
    expect(page.locator("#suggested")).to_be_visible()
    page.locator(".help-kind details summary").first.click()
    assert page.url.endswith("/hulpwijzer/")
    assert_accessible(page)


def test_the_safety_plan_by_keyboard_only_then_printed_on_one_page(visit) -> None:
    page = visit.open("/veiligheidsplan/")
    assert_accessible(page)
    entries = {
        "#id_warning_signs_1": "Ik trek me terug en slaap slecht",
        "#id_coping_1": "Een rondje lopen met muziek op",
        "#id_people_1": "Sanne, 06-12345678",
        "#id_reasons_1": "Mijn kat en mijn zus",
    }
    for selector, text in entries.items():
        tab_to(page, selector)
        page.keyboard.type(text)
    tab_to(page, "button[value=show]")
    page.keyboard.press("Enter")
    expect(page.locator(".safety-plan")).to_contain_text("Sanne, 06-12345678")
    expect(page.locator(".safety-plan > li")).to_have_count(7)
    assert_accessible(page)
    assert pdf_pages(page) == 1


def test_a_completely_full_safety_plan_still_prints_on_one_page(visit) -> None:
    page = visit.open("/veiligheidsplan/")
    long_entry = (
        "Als ik merk dat ik niemand meer wil zien, bel ik mijn zus of ga ik naar buiten " * 2
    )[:120]
    for field in page.locator(".plan-line input").all():
        field.fill(long_entry)
    page.locator("button[value=show]").click()
    expect(page.locator(".safety-plan li li")).to_have_count(22)
    assert pdf_pages(page) == 1


def test_the_safety_plan_with_an_account_is_saved_and_shown(visit) -> None:
    page = sign_up(visit, "plan-merel")

    page.locator(".menu summary").click()
    page.locator(".menu").get_by_role("link", name="Mijn veiligheidsplan").click()
    expect(page.locator("button[value=save]")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_people_1").fill("Sanne, 06-12345678")
    page.locator("button[value=save]").click()
    expect(page.locator(".messages")).to_contain_text("opgeslagen")
    expect(page.locator(".safety-plan")).to_contain_text("Sanne, 06-12345678")
    assert_accessible(page)
    page.get_by_role("link", name="Mijn plan verwijderen").click()
    expect(page.locator("h1")).to_have_text("Mijn plan verwijderen")
    assert_accessible(page)


def test_the_safety_plan_in_english_passes_axe(visit) -> None:
    page = in_language(visit, "en", "/veiligheidsplan/")
    expect(page.locator("h1")).to_have_text("My safety plan")
    assert_accessible(page)
    page.locator("button[value=show]").click()
    expect(page.locator(".plan-emergency")).to_contain_text("call 112")
    assert_accessible(page)
