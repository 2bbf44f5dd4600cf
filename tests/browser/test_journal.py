"""The emotion journal and the exercises in a real browser: the guided path by keyboard
only, drafts that survive a reload and a closed tab, the conflict view for two tabs, one
entry for a double submit, and axe on every page (also with reduced motion)."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Visit, assert_accessible, sign_up, tab_to

pytestmark = pytest.mark.browser

PASSPHRASE = "lamp rivier brood herfst"


@pytest.fixture(scope="module")
def accounts(browser, server) -> Iterator[dict[str, str]]:
    """Two accounts for this module (sign-ups are throttled, so few): one for entries,
    one for drafts."""
    names = {}
    for role in ("entries", "drafts"):
        visit = Visit(browser, server)
        name = f"dagboek-{role}-{secrets.token_hex(3)}"
        sign_up(visit, name, PASSPHRASE)
        visit.context.close()
        names[role] = name
    yield names


def _log_in(visit: Visit, name: str, then: str = "/dagboek/") -> Page:
    page = visit.open(f"/account/inloggen/?next={then}")
    page.fill("#id_username", name)
    page.fill("#id_passphrase", PASSPHRASE)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**{then}")
    return page


def _nothing_in_browser_storage(page: Page) -> None:
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("indexedDB.databases().then(list => list.length)") == 0


def test_an_entry_through_the_guided_path_by_keyboard_only(visit, accounts) -> None:
    marker = f"toetsenbord-{secrets.token_hex(3)}"
    page = _log_in(visit, accounts["entries"], "/dagboek/stap/lichaam/")
    tab_to(page, "#id_body_areas_6")  # buik
    page.keyboard.press("Space")
    tab_to(page, "#id_sensations_12")  # knoop in de maag
    page.keyboard.press("Space")
    tab_to(page, "main button[type=submit] >> nth=0")
    page.keyboard.press("Enter")
    page.wait_for_url("**/stap/gevoel/")
    # The mood meter is one group of radio buttons: Tab into it, then the arrow keys choose;
    # with JavaScript, ArrowDown goes a row down. Row 2, column 3: neutral, much energy.
    tab_to(page, "#id_mood_0")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#id_mood_7")).to_be_checked()
    expect(page.locator("[data-mood-status]")).to_have_text("Je koos: Neutraal, veel energie")
    page.keyboard.press("Enter")
    page.wait_for_url("**/stap/woorden/")
    first_word = page.locator(".gz-words input[type=checkbox]").first
    word = first_word.get_attribute("value")
    expect(page.locator(f"#word-{word}-def")).not_to_be_empty()
    tab_to(page, f"#word-{word}")
    page.keyboard.press("Space")
    tab_to(page, f"#id_intensity_{word}")
    page.keyboard.press("End")  # 10, the last option
    tab_to(page, "main button[type=submit] >> nth=0")
    page.keyboard.press("Enter")
    page.wait_for_url("**/stap/verder/")
    expect(page.locator(".so-far")).to_contain_text("buik")
    tab_to(page, "#id_happened")
    page.keyboard.type(marker)
    tab_to(page, "main button[type=submit] >> nth=0")
    page.keyboard.press("Enter")
    page.wait_for_url("**/dagboek/?stukje=*")
    entry = page.locator(".journal-entry", has_text=marker)
    expect(entry).to_contain_text("buik: knoop in de maag")
    expect(entry).to_contain_text("Neutraal, veel energie")
    expect(entry).to_contain_text("(10/10)")
    _nothing_in_browser_storage(page)
    assert not [url for url in visit.requests if marker in url]


def test_a_draft_survives_a_reload_and_a_closed_tab(visit, accounts) -> None:
    page = _log_in(visit, accounts["drafts"], "/dagboek/nieuw/")
    first = f"Eerste zin {secrets.token_hex(3)}"
    page.fill("#id_thoughts", first)
    expect(page.locator("[data-draft-status]")).to_contain_text("Concept bewaard om", timeout=10000)
    page.reload()
    expect(page.locator("#id_thoughts")).to_have_value(first)
    expect(page.locator(".draft-restored")).to_be_visible()
    # Typed, then the tab closes before the next autosave: the page sends it on the way out.
    second = f"{first} en nog een zin"
    page.fill("#id_thoughts", second)
    page.close(run_before_unload=True)
    again = visit.context.new_page()
    again.wait_for_timeout(500)
    again.goto(visit.server.url + "/dagboek/nieuw/")
    expect(again.locator("#id_thoughts")).to_have_value(second)
    _nothing_in_browser_storage(again)


def test_an_ended_session_loses_no_words(visit, accounts) -> None:
    page = _log_in(visit, accounts["drafts"], "/dagboek/nieuw/")
    page.get_by_text("Wat je deed, en wat hielp").click()
    page.fill("#id_did", "Voor het verlopen")
    expect(page.locator("[data-draft-status]")).to_contain_text("Concept bewaard", timeout=10000)
    # The session ends on the server's side (as after the idle time): its cookie is gone.
    kept = [cookie for cookie in visit.context.cookies() if cookie["name"] != "sessionid"]
    visit.context.clear_cookies()
    visit.context.add_cookies(kept)
    page.fill("#id_did", "Voor het verlopen, en erna")
    warning = page.locator(".draft-alert")
    expect(warning).to_contain_text("Je tekst staat nog op deze pagina", timeout=10000)
    expect(page.locator("#id_did")).to_have_value("Voor het verlopen, en erna")
    # Logging in again in a new tab brings the words back there too.
    login = visit.context.new_page()
    login.goto(visit.server.url + warning.locator("a").get_attribute("href"))
    login.fill("#id_username", accounts["drafts"])
    login.fill("#id_passphrase", PASSPHRASE)
    login.locator("main button[type=submit]").click()
    login.wait_for_url("**/dagboek/nieuw/")
    expect(login.locator("#id_did")).to_have_value("Voor het verlopen, en erna")
    # The first tab notices the new login and saves on.
    page.bring_to_front()
    page.evaluate("window.dispatchEvent(new Event('focus'))")
    expect(warning).to_have_count(0)

    def saves_the_new_words(response) -> bool:
        return response.url.endswith("/concepten/bewaren/") and "nog+meer" in (
            response.request.post_data or ""
        )

    with page.expect_response(saves_the_new_words, timeout=10000) as saved:
        page.fill("#id_did", "Voor het verlopen, en erna, en nog meer")
    assert saved.value.json()["status"] == "saved"
    login.reload()
    expect(login.locator("#id_did")).to_have_value("Voor het verlopen, en erna, en nog meer")


def test_two_tabs_get_the_conflict_view_and_nothing_is_overwritten(visit, accounts) -> None:
    tab_a = _log_in(visit, accounts["drafts"], "/dagboek/nieuw/")
    tab_b = visit.context.new_page()
    tab_b.goto(visit.server.url + "/dagboek/nieuw/")
    tab_a.fill("#id_needs", "Rust, zegt tab A")
    expect(tab_a.locator("[data-draft-status]")).to_contain_text("Concept bewaard", timeout=10000)
    tab_b.fill("#id_needs", "Slaap, zegt tab B")
    conflict = tab_b.locator(".draft-conflict")
    expect(conflict).to_be_visible(timeout=10000)
    expect(conflict).to_contain_text("Rust, zegt tab A")
    expect(conflict).to_contain_text("Slaap, zegt tab B")
    expect(tab_b.locator("#draft-conflict-title")).to_be_focused()
    assert_accessible(tab_b)
    conflict.get_by_label("Houd ze allebei, de een na de ander").check()
    conflict.get_by_role("button", name="Gebruik mijn keuze").click()
    tab_b.wait_for_url("**/dagboek/nieuw/")
    expect(tab_b.locator("#id_needs")).to_have_value("Slaap, zegt tab B\n\nRust, zegt tab A")


def test_a_double_submit_stores_one_entry(make_visit, accounts) -> None:
    marker = f"dubbel-{secrets.token_hex(3)}"
    visit = make_visit(java_script_enabled=False)
    page = _log_in(visit, accounts["entries"], "/dagboek/nieuw/")
    page.fill("#id_happened", marker)
    page.locator("main button[type=submit]", has_text="Stukje bewaren").dblclick()
    # Without JavaScript the second click cancels the first click's navigation (the browser
    # reports it as aborted); wait for the page the last one lands on, not for either.
    expect(page).to_have_url(re.compile(r"/dagboek/\?stukje="), timeout=15_000)
    page.wait_for_load_state()
    page.goto(visit.server.url + "/dagboek/zoeken/")
    page.fill("#q", marker)
    page.locator("main form[role=search] button").click()
    expect(page.locator("#results")).to_have_text("1 stukje gevonden")


JOURNAL_PAGES = [
    "/dagboek/",
    "/dagboek/nieuw/",
    "/dagboek/stap/lichaam/",
    "/dagboek/stap/gevoel/",
    "/dagboek/stap/woorden/",
    "/dagboek/stap/verder/",
    "/dagboek/zoeken/",
    "/dagboek/patronen/?periode=jaar",
    "/dagboek/over/",
]
EXERCISE_PAGES = [
    "/oefeningen/",
    "/oefeningen/ademhaling/?patroon=4-7-8",
    "/oefeningen/5-4-3-2-1/",
    "/oefeningen/spieren-ontspannen/",
    "/oefeningen/veilige-plek/",
    "/oefeningen/wat-helpt-mij/",
]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_journal_and_exercise_page_passes_axe_with_reduced_motion(
    make_visit, accounts, language
) -> None:
    visit = make_visit(reduced_motion="reduce")
    page = _log_in(visit, accounts["entries"], "/dagboek/nieuw/")
    if language == "en":
        visit.open("/taal/en/?next=/dagboek/nieuw/")
    page.fill("#id_happened", "Voor de patronen <b>vet</b> مرحبا 🙂")
    page.locator(".gz-word-group summary").first.click()
    page.locator(".gz-words input[type=checkbox]").first.click()
    page.locator("#id_mood_3").click()
    page.locator("main button[type=submit]").first.click()
    page.wait_for_url("**/dagboek/?stukje=*")
    entry_link = page.locator(".entry-actions a").first.get_attribute("href")
    delete_link = page.locator(".entry-actions a").nth(1).get_attribute("href")
    page.goto(visit.server.url + "/oefeningen/5-4-3-2-1/")
    page.locator("#id_before_7").click()
    page.locator("#id_after_4").click()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/oefeningen/klaar/*/")
    done = page.url.removeprefix(visit.server.url)
    for path in [*JOURNAL_PAGES, *EXERCISE_PAGES, entry_link, delete_link, done]:
        visit.open(path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)
    page.goto(visit.server.url + "/dagboek/zoeken/")
    page.fill("#q", "patronen")
    page.locator("main form[role=search] button").click()
    assert_accessible(page)
    # With reduced motion the breathing circle is not shown; the steps are.
    visit.open("/oefeningen/ademhaling/")
    expect(page.locator(".breath")).to_be_hidden()
    expect(page.locator(".reduced-motion-note")).to_be_visible()
    expect(page.locator(".exercise-steps li")).to_have_count(4)


def test_the_exercises_work_for_someone_without_an_account(visit) -> None:
    page = visit.open("/hulplijnen/")
    page.get_by_role("link", name="Probeer een korte oefening voor moeilijke momenten").click()
    page.get_by_role("link", name="Rustig ademen").click()
    expect(page.locator(".breath")).to_be_visible()
    assert (
        page.evaluate(
            "getComputedStyle(document.querySelector('.breath-circle')).animationPlayState"
        )
        == "paused"
    )
    page.locator(".breath-toggle-label").click()
    assert (
        page.evaluate(
            "getComputedStyle(document.querySelector('.breath-circle')).animationPlayState"
        )
        == "running"
    )
    assert_accessible(page)
    page.locator("#id_before_8").click()
    page.locator("#id_after_5").click()
    page.get_by_role("button", name="Laat het verschil zien").click()
    expect(page.locator(".gz-done__result")).to_contain_text("van 8 naar 5")
    expect(page.locator(".gz-done__result")).to_contain_text("niets bewaard")
    assert_accessible(page)
    assert {cookie["name"] for cookie in visit.context.cookies()} <= {"csrftoken"}


def test_the_muscle_timer_walks_through_the_steps(visit) -> None:
    page = visit.open("/oefeningen/spieren-ontspannen/")
    page.get_by_role("button", name="Start de timer").click()
    expect(page.locator("[data-timer-status]")).to_contain_text(
        "Stap 1 van 9. Span nu aan (5 seconden)"
    )
    expect(page.locator(".exercise-steps li").first).to_have_attribute("aria-current", "step")
    page.get_by_role("button", name="Stop de timer").click()
    expect(page.locator(".exercise-steps li[aria-current]")).to_have_count(0)


# ---------------------------------------------------------------- the feeling tools (issue 15)

PHONE = {"width": 390, "height": 844}
SCREEN = 844
HEADER_BUDGET = 220  # the top of the h1; the page shell's own budget


def _fresh_guided_path(page: Page) -> None:
    """Start the guided path without an unfinished entry from an earlier test."""
    page.goto(page.url.split("/dagboek/")[0] + "/dagboek/stap/lichaam/")
    discard = page.locator("form.draft-discard button")
    if discard.count():
        discard.click()
        page.wait_for_load_state()


def _length_in_screens(page: Page) -> float:
    """The page's length at this viewport in screens, counting the header as if it met its own
    budget (the h1 at most 220 px down), so this measures the page's own content."""
    height = page.evaluate("document.documentElement.scrollHeight")
    h1_top = page.evaluate("document.querySelector('h1').getBoundingClientRect().top + scrollY")
    return (height - max(0, h1_top - HEADER_BUDGET)) / SCREEN


def test_the_mood_meter_by_keyboard_without_javascript(make_visit, accounts) -> None:
    visit = make_visit(java_script_enabled=False, viewport=PHONE)
    page = _log_in(visit, accounts["entries"], "/dagboek/")
    _fresh_guided_path(page)
    page.goto(visit.server.url + "/dagboek/stap/gevoel/")
    # The whole meter fits on one phone screen.
    assert page.locator(".gz-mood").bounding_box()["height"] <= SCREEN
    # One group of 25 radio buttons (and "I don't know"), each named with both axes.
    expect(page.locator(".gz-mood input[name=mood]")).to_have_count(26)
    expect(page.locator("#id_mood_0")).to_have_accessible_name("Heel onprettig, heel veel energie")
    # Without JavaScript the arrow keys go square by square in reading order.
    tab_to(page, "#id_mood_0")
    page.keyboard.press("Space")
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    expect(page.locator("#id_mood_6")).to_be_checked()
    expect(page.locator("#id_mood_6")).to_have_accessible_name("Onprettig, veel energie")
    page.keyboard.press("Enter")
    page.wait_for_url("**/stap/woorden/")
    expect(page.locator("main .lead")).to_have_text(
        "Deze woorden passen misschien bij wat je koos."
    )
    page.goto(visit.server.url + "/dagboek/stap/gevoel/")
    expect(page.locator("#id_mood_6")).to_be_checked()
    # "I don't know" instead (the arrows wrap round to it, after the last square): the next
    # step offers words from every side, without reproach.
    tab_to(page, "#id_mood_6")
    for _ in range(7):
        page.keyboard.press("ArrowLeft")
    expect(page.locator("#id_mood_25")).to_be_checked()
    page.keyboard.press("Enter")
    page.wait_for_url("**/stap/woorden/")
    lead = page.locator("main .lead")
    expect(lead).to_have_text("Hier zijn woorden van alle kanten van de kaart.")
    expect(page.locator("main")).not_to_contain_text("geen plek")


def test_the_mood_meter_moves_a_row_with_the_up_and_down_keys(make_visit, accounts) -> None:
    visit = make_visit(viewport={"width": 320, "height": 640})
    page = _log_in(visit, accounts["entries"], "/dagboek/")
    _fresh_guided_path(page)
    page.goto(visit.server.url + "/dagboek/stap/gevoel/")
    # Five squares of at least 56 px on a 320 px screen (and at 400% zoom).
    for cell in page.locator(".gz-mood__slot").all()[:5]:
        box = cell.bounding_box()
        assert box["width"] >= 56 and box["height"] >= 56
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    tab_to(page, "#id_mood_0")
    page.keyboard.press("Space")
    for key in ("ArrowDown", "ArrowDown", "ArrowDown", "ArrowRight", "ArrowUp"):
        page.keyboard.press(key)
    expect(page.locator("#id_mood_11")).to_be_checked()
    expect(page.locator("#id_mood_11")).to_be_focused()
    expect(page.locator("[data-mood-status]")).to_have_text(
        "Je koos: Onprettig, gemiddelde energie"
    )
    # The text version: two questions; answering both checks the matching square.
    page.get_by_text("Liever twee vragen in woorden?").click()
    page.locator("#id_pleasantness_4").check()
    page.locator("#id_energy_0").check()
    expect(page.locator("#id_mood_24")).to_be_checked()
    assert_accessible(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_strength_is_asked_only_for_ticked_words(make_visit, accounts, javascript) -> None:
    visit = make_visit(java_script_enabled=javascript, viewport=PHONE)
    page = _log_in(visit, accounts["entries"], "/dagboek/")
    _fresh_guided_path(page)
    page.goto(visit.server.url + "/dagboek/stap/woorden/")
    in_view = page.locator(".gz-words > .gz-chips input[type=checkbox]")
    expect(in_view).to_have_count(15)
    expect(page.locator(".gz-words details.gz-word-group:not([open])")).to_have_count(4)
    expect(page.locator(".gz-words select:visible")).to_have_count(0)
    word = in_view.nth(2).get_attribute("value")
    tab_to(page, f"#word-{word}")
    page.keyboard.press("Space")
    # The ticked word shows its meaning and asks how strong it is; no other word does.
    expect(page.locator(".gz-words select:visible")).to_have_count(1)
    expect(page.locator(f"#word-{word}-def")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.locator(f"#id_intensity_{word}")).to_be_focused()
    page.keyboard.press("End")
    if javascript:  # axe itself needs JavaScript
        assert_accessible(page)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/stap/verder/")
    expect(page.locator(".so-far")).to_contain_text("Woorden voor het gevoel")
    page.goto(visit.server.url + "/dagboek/stap/woorden/")
    expect(page.locator(f"#word-{word}")).to_be_checked()
    expect(page.locator(f"#id_intensity_{word}")).to_have_value("10")
    # Untick: the question goes away again.
    page.locator(f"#word-{word}").click()
    expect(page.locator(".gz-words select:visible")).to_have_count(0)


def test_the_body_outline_with_the_list_as_fallback(make_visit, accounts) -> None:
    visit = make_visit(viewport=PHONE)
    page = _log_in(visit, accounts["entries"], "/dagboek/")
    _fresh_guided_path(page)
    outline = page.locator(".gz-body__outline")
    expect(outline).to_be_visible()
    expect(outline).to_have_attribute("aria-hidden", "true")
    chest = page.locator('.gz-body__outline [data-zone="borst"]')
    empty = chest.evaluate("el => getComputedStyle(el).fill")
    # Each place sits beside its part of the body: the chest beside the chest.
    body = outline.bounding_box()
    spot = page.locator("label[for=id_body_areas_5]").bounding_box()
    middle = spot["y"] + spot["height"] / 2
    assert body["y"] + 0.2 * body["height"] < middle < body["y"] + 0.55 * body["height"]
    assert spot["x"] + spot["width"] <= body["x"] + 8
    page.locator("#id_body_areas_5").click()  # borst
    expect(page.locator("#id_body_areas_5")).to_be_checked()
    assert chest.evaluate("el => getComputedStyle(el).fill") != empty
    expect(page.get_by_label("ergens anders, of ik weet het niet")).to_be_visible()
    assert_accessible(page)
    # Narrow, or zoomed to 400% (1280 px / 4): no drawing, the plain list, nothing cut off.
    page.set_viewport_size({"width": 320, "height": 640})
    expect(outline).to_be_hidden()
    expect(page.locator(".gz-body input[type=checkbox]")).to_have_count(13)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    for box in page.locator(".gz-body label.gz-chip").all():
        assert box.bounding_box()["height"] >= 44


def test_the_one_page_form_is_at_most_four_screens_on_a_phone(make_visit, accounts) -> None:
    visit = make_visit(viewport=PHONE)
    page = _log_in(visit, accounts["entries"], "/dagboek/nieuw/")
    expect(page.locator(".gz-words details[open]")).to_have_count(0)
    assert _length_in_screens(page) <= 4


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_rating_buttons_and_the_closing_screen(make_visit, javascript) -> None:
    visit = make_visit(java_script_enabled=javascript, viewport={"width": 320, "height": 640})
    page = visit.open("/oefeningen/5-4-3-2-1/")
    # Eleven large targets per question, nothing wider than the screen.
    steps = page.locator(".gz-rating__step input")
    expect(steps).to_have_count(22)
    for step in steps.all():
        box = step.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    tab_to(page, "#id_before_0")
    page.keyboard.press("Space")
    for _ in range(7):
        page.keyboard.press("ArrowRight")
    tab_to(page, "#id_after_0")
    page.keyboard.press("Space")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(page.locator("#id_before_7")).to_be_checked()
    expect(page.locator("#id_after_3")).to_be_checked()
    if javascript:  # axe itself needs JavaScript
        assert_accessible(page)
    page.keyboard.press("Enter")
    # The closing screen: what you rated, a kind word, what next.
    expect(page.locator("h1")).to_have_text("Je nam even tijd voor jezelf")
    expect(page.locator(".gz-done__numbers")).to_contain_text("7")
    expect(page.locator(".gz-done__result")).to_contain_text("van 7 naar 3")
    expect(page.locator("main .lead")).to_contain_text("Fijn dat het wat rustiger is")
    expect(page.get_by_role("link", name="Een andere oefening")).to_be_visible()
    expect(page.get_by_role("link", name="Deze oefening nog een keer")).to_be_visible()
    if javascript:
        assert_accessible(page)


def test_the_breathing_stylesheet_is_a_cached_static_file(visit) -> None:
    page = visit.page
    with page.expect_response(lambda r: "breathing" in r.url and r.url.endswith(".css")) as css:
        visit.open("/oefeningen/ademhaling/")
    response = css.value
    assert response.url.startswith(visit.server.url + "/static/")
    assert "max-age=" in response.headers["cache-control"]
    assert "no-store" not in response.headers["cache-control"]


def test_every_journal_and_exercise_page_fits_a_320_px_screen_without_javascript(
    make_visit, accounts
) -> None:
    """320 CSS px is a small phone, and also a 1280 px screen zoomed to 400%."""
    visit = make_visit(java_script_enabled=False, viewport={"width": 320, "height": 640})
    _log_in(visit, accounts["entries"], "/dagboek/")
    for path in [*JOURNAL_PAGES, *EXERCISE_PAGES]:
        page = visit.open(path)
        # Everything opened, as someone would who reads it all; a wide table may scroll in
        # its own box (.gz-table), the page itself may not.
        page.evaluate("document.querySelectorAll('main details').forEach(d => d.open = true)")
        wide = page.evaluate(
            "[...document.querySelectorAll('main *')].filter(el => !el.closest('.gz-table > *')"
            " && el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
            ".map(el => el.tagName + '.' + el.className)"
        )
        assert wide == [], f"{path}: wider than the screen: {wide[:5]}"
