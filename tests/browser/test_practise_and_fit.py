"""The practice ladder and the klik-check in a real browser: a ladder made, a step tried and
rated by keyboard only (with and without JavaScript); a ladder made and printed without an
account; a reflection after four sessions showing the note; axe in Dutch and English; and
the page budgets at 390 × 844."""

from __future__ import annotations

import re
import secrets

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, sign_up, tab_to

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def choose(page: Page, selector: str, value: int) -> None:
    """Pick `value` on a 0 to 10 scale by keyboard: Tab into the group, arrows to the number."""
    tab_to(page, f"{selector}_0")
    for _ in range(value):
        page.keyboard.press("ArrowRight")
    expect(page.locator(f"{selector}_{value}")).to_be_checked()


def press_on(page: Page, selector: str) -> None:
    """Tab to a link or button and press Enter; wait for the page it opens."""
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def situations(page: Page) -> list[str]:
    return page.locator("ol.ladder .ladder-situation").all_inner_texts()


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without"])
def test_a_ladder_is_made_and_a_step_tried_and_rated_by_keyboard_only(
    make_visit, javascript
) -> None:
    visit = make_visit(java_script_enabled=javascript)
    # axe runs as a script in the page, so it checks the pages of the run with JavaScript.
    check = assert_accessible if javascript else (lambda page: None)
    sign_up(visit, f"oefenaar{secrets.token_hex(3)}")
    page = visit.open("/oefenladder/")
    press_on(page, "main a.button")
    expect(page.locator("h1")).to_have_text("Maak je oefenladder")
    for example in ("say-no-small", "ask-trusted"):
        tab_to(page, f"input[value={example}]")
        page.keyboard.press("Space")
    tab_to(page, "#id_own_1")
    page.keyboard.type("Mijn buurman groeten")
    press_on(page, "main form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Hoeveel spanning verwacht je?")
    check(page)
    for index, value in enumerate([3, 6, 2]):
        choose(page, f"#id_step-{index}-expected", value)
    press_on(page, "main form button.button")
    page.wait_for_url("**/oefenladder/")
    assert situations(page) == [
        "Mijn buurman groeten",
        "Nee zeggen tegen iets kleins, zoals een folder op straat of een extra klusje.",
        "Iemand die je vertrouwt om hulp vragen bij iets waar je mee zit.",
    ]

    press_on(page, "main a.button")  # try the next step
    expect(page.locator("h1")).to_have_text("Probeer deze stap")
    check(page)
    choose(page, "#id_expected", 4)
    press_on(page, "main form button.button")
    expect(page.locator("h1")).to_have_text("Hoe ging het?")
    check(page)
    choose(page, "#id_actual", 1)
    tab_to(page, "#id_happened")
    page.keyboard.type("Hij groette terug.")
    tab_to(page, "#id_next_0")
    page.keyboard.press("ArrowDown")  # "I go on to the next step"
    expect(page.locator("#id_next_1")).to_be_checked()
    press_on(page, "main form button.button >> nth=0")
    page.wait_for_url("**/oefenladder/")
    expect(page.locator(".messages")).to_contain_text(
        "Het was minder zwaar dan je verwachtte: je verwachtte 4, het was 1."
    )
    expect(page.locator(".ladder-next .ladder-situation")).to_contain_text("Nee zeggen")
    expect(page.locator(".ladder-step-done")).to_have_count(1)

    press_on(page, "main a[href='/oefenladder/verloop/']")
    row = page.locator("table.ladder-table tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Mijn buurman groeten")
    assert row.locator("td").all_inner_texts() == ["4", "1"]
    check(page)


def test_without_an_account_a_ladder_is_put_in_order_moved_and_printed_not_stored(visit) -> None:
    page = visit.open("/oefenladder/maken/")
    page.check("input[value=compliment-thanks]")
    page.check("input[value=work-not-now]")
    page.locator("main form button[type=submit]").click()
    page.check("#id_step-0-expected_7")
    page.check("#id_step-1-expected_3")
    page.locator("main form button.button").click()
    expect(page.locator("h1")).to_have_text("Jouw oefenladder")
    assert [s[:10] for s in situations(page)] == ["Op je werk", "Een compli"]
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"^Later\W+Op je werk")).click()
    assert [s[:10] for s in situations(page)] == ["Een compli", "Op je werk"]
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name=re.compile("^Eerder"))).to_be_hidden()
    expect(page.locator(".ladder-write").first).to_be_visible()  # a line to write on
    page.emulate_media(media="screen")
    # Signing up afterwards shows an empty ladder: nothing was stored on the way.
    sign_up(visit, f"later{secrets.token_hex(3)}")
    page = visit.open("/oefenladder/")
    expect(page.locator("ol.ladder")).to_have_count(0)


def reflect(page: Page, server_url: str, day: str, click: str) -> None:
    page.goto(server_url + "/klikcheck/na-een-sessie/")
    page.check(f"input[name=click][value={click}]")
    page.check("input[name=point_asks][value=no]")
    page.locator("details.fit-when summary").click()
    page.fill("#id_date", day)
    page.fill("#id_with_whom", "Anna")
    page.locator("main form button.button").click()
    page.wait_for_url("**/klikcheck/")


def test_after_four_sessions_with_little_click_the_reflection_shows_the_note(visit) -> None:
    sign_up(visit, f"klik{secrets.token_hex(3)}")
    page = visit.open("/klikcheck/na-een-sessie/")
    assert_accessible(page)
    for day, click in [("2026-11-03", "no"), ("2026-11-10", "bit"), ("2026-11-17", "no")]:
        reflect(page, visit.server.url, day, click)
    expect(page.locator("#look-further")).to_have_count(0)
    reflect(page, visit.server.url, "2026-11-24", "bit")
    note = page.locator(".fit-note")
    expect(note).to_contain_text("Je mag verder kijken")
    expect(note).to_contain_text("Het ligt niet aan jou")
    expect(page.locator(".fit-sentences li").first).to_contain_text(
        "Het helpt mij als u doorvraagt"
    )
    page.get_by_text("Vragen voor een eerste gesprek met iemand nieuw").click()
    expect(page.get_by_text("Mag ik het tempo meebepalen?")).to_be_visible()
    expect(page.locator("table.fit-sessions tbody tr")).to_have_count(4)
    assert_accessible(page)


def make_everything(page: Page, server_url: str) -> None:
    """A ladder with a try and four reflections, made through the pages."""
    page.goto(server_url + "/oefenladder/maken/")
    page.check("input[value=say-no-small]")
    page.check("input[value=partner-need]")
    page.locator("main form button[type=submit]").click()
    page.check("#id_step-0-expected_2")
    page.check("#id_step-1-expected_5")
    page.locator("main form button.button").click()
    for expected, actual in [(3, 1), (4, 2), (4, 5)]:
        page.locator("main a.button").click()
        page.check(f"#id_expected_{expected}")
        page.locator("main form button.button").click()
        page.check(f"#id_actual_{actual}")
        page.check("#id_next_0")
        page.locator("main form button.button >> nth=0").click()
    for day in ("2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24"):
        reflect(page, server_url, day, "no")


def own_pages(page: Page, server_url: str) -> list[str]:
    page.goto(server_url + "/oefenladder/volgorde/")
    step = page.locator("ol.ladder li").first.get_attribute("id").removeprefix("stap-")
    page.goto(server_url + "/klikcheck/")
    delete = page.locator("table.fit-sessions a").first.get_attribute("href")
    return [
        "/oefenladder/",
        "/oefenladder/maken/",
        "/oefenladder/verloop/",
        "/oefenladder/volgorde/",
        f"/oefenladder/{step}/proberen/",
        f"/oefenladder/{step}/verwijderen/",
        "/klikcheck/",
        "/klikcheck/na-een-sessie/",
        delete,
    ]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_passes_axe_in_both_languages(make_visit, language) -> None:
    visit = make_visit(viewport=PHONE)
    for path in [
        "/oefenladder/",
        "/oefenladder/maken/",
        "/klikcheck/",
        "/klikcheck/na-een-sessie/",
    ]:
        if language == "en":
            visit.open(f"/taal/en/?next={path}")
        page = visit.open(path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(page)
    sign_up(visit, f"axe{language}{secrets.token_hex(3)}")
    page = visit.page
    make_everything(page, visit.server.url)
    if language == "en":
        visit.open("/taal/en/?next=/")
    for path in own_pages(page, visit.server.url):
        page = visit.open(path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)


# At 390 × 844, in screens of 844 px, with every disclosure closed. These are measured with
# the current header; the new, shorter header (h1 at most 220 px from the top) makes them
# shorter still.
SCREENS = 4.5


def test_the_page_budgets_hold_on_a_phone(make_visit) -> None:
    visit = make_visit(viewport=PHONE)
    sign_up(visit, f"budget{secrets.token_hex(3)}")
    page = visit.page
    make_everything(page, visit.server.url)
    for path in own_pages(page, visit.server.url):
        page = visit.open(path)
        # Nothing of the page comes before its h1, and it has one primary action at most.
        gap = page.evaluate(
            "document.querySelector('main h1').getBoundingClientRect().top"
            " - document.querySelector('main').getBoundingClientRect().top"
        )
        assert gap <= 24, f"{path}: {gap:.0f} px above the h1 inside main"
        primary = page.locator("main .button:not(.button-secondary)")
        assert primary.count() <= 1, f"{path}: {primary.count()} primary actions"
        height = page.evaluate("document.documentElement.scrollHeight") / PHONE["height"]
        assert height <= SCREENS, f"{path}: {height:.1f} screens"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path}: {width} px wide, wider than the phone"
        # Every control of these tools is a target of at least 44 × 44 px.
        for target in page.locator(
            "main button, main a.button, .gz-rating__step label, .ladder-try, .ladder-delete"
        ).all():
            box = target.bounding_box()
            if box is not None:
                assert box["height"] >= 44 and box["width"] >= 44, f"{path}: a small target"
