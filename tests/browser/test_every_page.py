"""Every page a person can reach by following links, logged out and logged in: axe-clean,
one h1, no web fonts, small images, and at most 60 KB of HTML + CSS + JS compressed."""

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


def _crawl(visit, start: list[str]) -> dict[str, int]:
    """Visit every same-origin page reachable from `start`; return compressed weights."""
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
        assert_accessible(page)
        assert not [url for kind, _, url in bodies if kind == "font"], f"{path} loads a web font"
        for kind, body, url in bodies:
            if kind == "image" and not url.endswith(".svg"):
                assert len(body) <= MAX_IMAGE_BYTES, f"{url} is a large image"
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


def test_every_public_page(visit) -> None:
    weights = _crawl(visit, ["/"])
    assert len(weights) >= 5
    _report(weights)


def test_every_page_of_a_logged_in_person(visit) -> None:
    sign_up(visit, "rondkijker")
    weights = _crawl(visit, ["/account/"])
    assert "/account/sessies/" in weights
    _report(weights)
