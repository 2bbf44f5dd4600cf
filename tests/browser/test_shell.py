"""The page shell in a real browser: accessibility, the crisis bar, the quick exit, the
language switch and the privacy promise (no request leaves Gezien)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.support import EXIT_URL

pytestmark = pytest.mark.browser

PAGES = ["/", "/hulplijnen/", "/over/", "/privacy/", "/snel-weg/", "/bestaat-niet/"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_passes_axe_in_both_languages_and_loads_nothing_from_elsewhere(
    visit, path, language
) -> None:
    if language == "en":
        visit.open(f"/taal/en/?next={path}")
    page = visit.open(path)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)


def test_the_server_printed_the_address_to_open(server) -> None:
    assert server.first_line.startswith(f"Gezien runs at http://127.0.0.1:{server.port}/")


def test_the_quick_exit_is_the_first_tab_stop_and_works_by_click(visit) -> None:
    visit.open("/")
    page = visit.open("/over/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.startswith("Snel weg")
    page.keyboard.press("Enter")
    page.wait_for_url(EXIT_URL)
    page.go_back()
    assert page.url.endswith("/") and not page.url.endswith("/over/")


def test_three_shift_presses_leave_and_back_does_not_show_the_page(visit) -> None:
    visit.open("/")
    page = visit.open("/privacy/")
    page.keyboard.press("Shift")
    expect(page.locator("#quick-exit-status")).to_contain_text("nog 2 keer")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)
    page.go_back()
    page.wait_for_load_state()
    assert not page.url.endswith("/privacy/")


def test_shift_used_for_capitals_does_not_trigger_the_quick_exit(visit) -> None:
    page = visit.open("/privacy/")
    for _ in range(3):
        page.keyboard.press("Shift+A")
    page.wait_for_timeout(300)
    assert page.url.endswith("/privacy/")


def test_the_page_blanks_at_once_when_leaving(visit) -> None:
    page = visit.open("/privacy/")
    # Click and look in the same script turn: the page must be blank before it leaves.
    display = page.evaluate(
        "document.querySelector('.quick-exit').click(); getComputedStyle(document.body).display"
    )
    assert display == "none"
    page.wait_for_url(EXIT_URL)


def test_the_quick_exit_works_without_javascript(make_visit) -> None:
    visit = make_visit(java_script_enabled=False)
    visit.open("/taal/en/?next=/")
    page = visit.open("/privacy/")
    assert visit.context.cookies(), "the language cookie should be set before leaving"
    page.locator(".quick-exit").click()
    page.wait_for_url(EXIT_URL)
    assert [c for c in visit.context.cookies() if c["name"] == "django_language"] == []


@pytest.mark.parametrize(
    "viewport",
    [{"width": 320, "height": 640}, {"width": 320, "height": 256}],
    ids=["320px", "400pct-zoom"],
)
def test_the_crisis_bar_is_visible_and_not_covered_at_small_widths(make_visit, viewport) -> None:
    # 400% zoom of a 1280×1024 window is a 320×256 CSS-pixel viewport.
    visit = make_visit(viewport=viewport)
    page = visit.open("/")
    bar = page.locator(".crisis-bar")
    expect(bar).to_be_in_viewport()
    for link in ("a[href='tel:113']", "a[href='tel:112']"):
        expect(bar.locator(link)).to_be_in_viewport()
        box = bar.locator(link).bounding_box()
        exit_box = page.locator(".quick-exit").bounding_box()
        overlaps = not (
            box["x"] + box["width"] <= exit_box["x"]
            or exit_box["x"] + exit_box["width"] <= box["x"]
            or box["y"] + box["height"] <= exit_box["y"]
            or exit_box["y"] + exit_box["height"] <= box["y"]
        )
        assert not overlaps, f"{link} is covered by the quick-exit button"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], "the page scrolls sideways"


def test_the_quick_exit_stays_in_view_when_scrolling(make_visit) -> None:
    visit = make_visit(viewport={"width": 360, "height": 500})
    page = visit.open("/snel-weg/")
    page.mouse.wheel(0, 5000)
    page.wait_for_timeout(100)
    expect(page.locator(".quick-exit")).to_be_in_viewport()


def test_focused_links_are_not_hidden_under_the_quick_exit(make_visit) -> None:
    visit = make_visit(viewport={"width": 320, "height": 400})
    page = visit.open("/snel-weg/")
    exit_box = page.locator(".quick-exit").bounding_box()
    for _ in range(25):
        page.keyboard.press("Tab")
        box = page.evaluate(
            "(() => { const r = document.activeElement.getBoundingClientRect();"
            " return {x: r.x, y: r.y, width: r.width, height: r.height}; })()"
        )
        if page.evaluate("document.activeElement.classList.contains('quick-exit')"):
            continue
        covered = (
            box["y"] < exit_box["y"] + exit_box["height"]
            and box["y"] + box["height"] <= exit_box["y"] + exit_box["height"]
            and box["x"] >= exit_box["x"]
            and box["x"] + box["width"] <= exit_box["x"] + exit_box["width"]
        )
        assert not covered, page.evaluate("document.activeElement.outerHTML")


def test_the_language_switch_works_and_keeps_the_page(visit) -> None:
    page = visit.open("/hulplijnen/")
    expect(page.locator("h1")).to_have_text("Hulplijnen")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/hulplijnen/")
    expect(page.locator("h1")).to_have_text("Help lines")
    page.get_by_role("link", name="Nederlands").click()
    expect(page.locator("h1")).to_have_text("Hulplijnen")


def test_targets_are_at_least_24_pixels(visit) -> None:
    page = visit.open("/")
    small = page.evaluate(
        """[...document.querySelectorAll('a, button')].filter(el => {
            const r = el.getBoundingClientRect();
            const inline = getComputedStyle(el).display === 'inline' && el.closest('p, li, dd');
            return r.width > 0 && !inline && (r.height < 24 || r.width < 24);
        }).map(el => el.outerHTML)"""
    )
    assert small == []
