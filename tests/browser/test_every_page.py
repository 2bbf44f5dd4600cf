"""Every page a person can reach by following links, logged out and logged in, on a phone
(390×844): axe-clean, one h1 that starts within the first 220 px, a meta description,
images with their size, no sideways scrolling, exactly one current menu item, every control
outside running text at least 44×44 px, no web fonts, small images, and at most 60 KB of
HTML + CSS + JS compressed. And every page again without JavaScript at 320 px (400% zoom):
no sideways scrolling with every disclosure open."""

from __future__ import annotations

import gzip
import re
from urllib.parse import urljoin, urlsplit

import pytest

from tests.browser.conftest import assert_accessible, sign_up

pytestmark = pytest.mark.browser

MAX_COMPRESSED_BYTES = 60 * 1024
MAX_IMAGE_BYTES = 20 * 1024
# Links that do something instead of showing a page.
SKIP = re.compile(r"^/(weg|taal)/|/bestand/$|/export/$")
LIMIT = 200
PHONE = {"width": 390, "height": 844}
SMALL = {"width": 320, "height": 640}
MAX_H1_TOP = 220
# What a page shows on a phone, checked in one go: the h1's top, sideways scrolling, the
# meta description, images without their size, the current menu items, and controls smaller
# than 44×44 that are not a link inside running text.
PHONE_LAYOUT = """() => {
  const visible = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden'; };
  const inText = el => getComputedStyle(el).display === 'inline'
    && el.closest('p, li, dd, td, th, figcaption, .hint, label, legend');
  const controls = [...document.querySelectorAll(
    'a[href], button, summary, select, textarea, input:not([type=hidden])')];
  const small = controls.filter(el => visible(el) && !inText(el)).filter(el => {
    const r = el.getBoundingClientRect();
    return Math.round(r.width) < 44 || Math.round(r.height) < 44; });
  const description = document.querySelector('meta[name=description]');
  return {
    h1: document.querySelector('h1').getBoundingClientRect().top + scrollY,
    width: document.documentElement.scrollWidth,
    description: description ? description.content.trim() : '',
    unsized: [...document.images].filter(i => !i.getAttribute('width')
      || !i.getAttribute('height')).map(i => i.src),
    menu: [...document.querySelectorAll('.site-nav a')].map(a => a.getAttribute('href')),
    current: document.querySelectorAll('.site-nav [aria-current=page]').length,
    small: small.map(el => el.outerHTML.slice(0, 160)),
  };
}"""


def _check_phone_layout(page, path: str) -> None:
    shown = page.evaluate(PHONE_LAYOUT)
    assert shown["h1"] <= MAX_H1_TOP, f"{path}: the h1 starts at {shown['h1']} px"
    assert shown["width"] <= PHONE["width"], f"{path}: scrolls sideways ({shown['width']} px)"
    assert len(shown["description"]) > 40, f"{path}: no meta description"
    assert shown["unsized"] == [], f"{path}: images without width and height"
    # A page in a menu section has exactly that item current; a page outside (privacy, an
    # error) has none.
    in_section = path == "/" or any(h != "/" and path.startswith(h) for h in shown["menu"])
    if shown["menu"] and in_section:
        assert shown["current"] == 1, f"{path}: {shown['current']} current menu items"
    assert shown["current"] <= 1, f"{path}: {shown['current']} current menu items"
    assert shown["small"] == [], f"{path}: targets smaller than 44×44: {shown['small']}"


def _phone_checks(page, path: str, bodies: list[tuple[str, bytes, str]]) -> None:
    _check_phone_layout(page, path)
    assert_accessible(page)
    assert not [url for kind, _, url in bodies if kind == "font"], f"{path} loads a web font"
    for kind, body, url in bodies:
        if kind == "image" and not url.endswith(".svg"):
            assert len(body) <= MAX_IMAGE_BYTES, f"{url} is a large image"


def _small_screen_checks(page, path: str, bodies: list[tuple[str, bytes, str]]) -> None:
    """320 CSS px is a small phone, and a 1280 px screen at 400% zoom: with every disclosure
    open, nothing may make the page scroll sideways (a wide table scrolls in its own box)."""
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= SMALL["width"], f"{path}: scrolls sideways at 320 px ({width} px)"


def _crawl(visit, start: list[str], checks=_phone_checks) -> dict[str, int]:
    """Visit every same-origin page reachable from `start`, with `checks` on each; return
    compressed weights."""
    page = visit.page
    weights: dict[str, int] = {}
    queue = list(start)
    bodies: list[tuple[str, bytes, str]] = []  # what the page being visited loaded

    def keep(response) -> None:
        kind = response.request.resource_type
        if kind in ("document", "stylesheet", "script", "image", "font"):
            bodies.append((kind, response.body(), response.url))

    while queue and len(weights) < LIMIT:
        path = queue.pop(0)
        if path in weights:
            continue
        bodies.clear()
        page.on("response", keep)
        response = page.goto(visit.server.url + path)
        page.wait_for_load_state("load")
        page.remove_listener("response", keep)
        assert response is not None and response.status == 200, (
            f"{path}: {response and response.status}"
        )
        assert page.locator("h1").count() == 1, f"{path}: one h1 expected"
        checks(page, path, bodies)
        weights[path] = sum(
            len(gzip.compress(body))
            for kind, body, _ in bodies
            if kind in ("document", "stylesheet", "script")
        )
        for href in page.eval_on_selector_all(
            "a[href]", "els => els.map(e => e.getAttribute('href'))"
        ):
            target = urlsplit(urljoin(visit.server.url + path, href))
            if target.netloc == urlsplit(visit.server.url).netloc and not SKIP.search(target.path):
                queue.append(target.path)
    return weights


def _report(weights: dict[str, int]) -> None:
    heaviest = max(weights, key=weights.get)
    print(
        f"\n{len(weights)} pages checked; "
        f"heaviest {heaviest} = {weights[heaviest]} bytes compressed"
    )
    too_heavy = {path: size for path, size in weights.items() if size > MAX_COMPRESSED_BYTES}
    assert too_heavy == {}


def test_every_public_page(make_visit) -> None:
    visit = make_visit(viewport=PHONE)
    weights = _crawl(visit, ["/"])
    assert len(weights) >= 5
    _report(weights)


def test_every_page_of_a_logged_in_person(make_visit) -> None:
    visit = make_visit(viewport=PHONE)
    sign_up(visit, "rondkijker")
    weights = _crawl(visit, ["/account/"])
    # Every tool is reachable by following links, so every tool's first page was checked.
    tools = {"/account/sessies/", "/oefenladder/", "/klikcheck/", "/apk/", "/voor-mijn-partner/"}
    assert tools - set(weights) == set()
    _report(weights)


def test_every_page_without_javascript_on_a_small_screen(make_visit) -> None:
    visit = make_visit(viewport=SMALL, java_script_enabled=False)
    public = _crawl(visit, ["/"], _small_screen_checks)
    sign_up(visit, "kleinscherm")
    logged_in = _crawl(visit, ["/account/"], _small_screen_checks)
    assert len(public) >= 5 and "/oefenladder/" in logged_in
