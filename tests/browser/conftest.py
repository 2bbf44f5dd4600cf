"""The real-browser suite: Gezien started the way a person starts it (`gezien serve`, its
production server, a fresh data folder), driven by Playwright in Debian's Chromium.

Every page a test opens is recorded; a test fails when any request leaves Gezien's origin.
The one allowed exception is the quick exit's neutral site, which is a stub on this machine
(the test machines have no internet)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.support import EXIT_URL, Server

CHROMIUM = os.environ.get("GEZIEN_CHROMIUM", "/usr/bin/chromium")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    running = Server()
    # Each browser context comes from an address of its own (see Visit), as real visitors
    # do, so the suite's many sign-ups do not run into the limit of sign-ups per address.
    running.env["GEZIEN_PROXY_COUNT"] = "1"
    running.start()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


# Addresses for testing (RFC 2544's benchmark range), one per browser context.
_addresses = (f"198.18.{n // 250}.{n % 250 + 1}" for n in itertools.count())


class Visit:
    """A browser context with every request it makes recorded."""

    def __init__(self, browser: Browser, server: Server, **options) -> None:
        self.server = server
        headers = {"X-Forwarded-For": next(_addresses), **options.pop("extra_http_headers", {})}
        self.context: BrowserContext = browser.new_context(
            locale="nl-NL", extra_http_headers=headers, **options
        )
        self.requests: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page: Page = self.context.new_page()

    def open(self, path: str) -> Page:
        response = self.page.goto(self.server.url + path)
        assert response is not None
        return self.page

    def foreign_requests(self) -> list[str]:
        own = urlsplit(self.server.url).netloc
        return [
            url
            for url in self.requests
            if urlsplit(url).netloc != own
            and not url.startswith(EXIT_URL)
            and urlsplit(url).scheme != "data"
        ]


@pytest.fixture
def visit(browser: Browser, server: Server) -> Iterator[Visit]:
    current = Visit(browser, server)
    yield current
    foreign = current.foreign_requests()
    current.context.close()
    assert foreign == [], f"requests to another origin: {foreign}"


@pytest.fixture
def make_visit(browser: Browser, server: Server) -> Iterator:
    made: list[Visit] = []

    def make(**options) -> Visit:
        made.append(Visit(browser, server, **options))
        return made[-1]

    yield make
    for current in made:
        foreign = current.foreign_requests()
        current.context.close()
        assert foreign == [], f"requests to another origin: {foreign}"


_axe = Axe()


def assert_accessible(page: Page) -> None:
    # axe judges overlap at the current scroll position, where the sticky top bar lies over
    # whatever scrolled under it; from the top, only real overlaps count.
    page.evaluate("window.scrollTo(0, 0)")
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def tab_to(page: Page, selector: str, limit: int = 120) -> None:
    """Press Tab until the element matching `selector` has focus, as a keyboard user
    would; fails when it cannot be reached."""
    target = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def sign_up(visit: Visit, username: str, passphrase: str = "lamp rivier brood herfst") -> Page:
    """Create an account through the pages (sign-up, then confirming the recovery code) and
    return the page, logged in on the account home."""
    page = visit.open("/account/aanmelden/")
    page.fill("#id_username", username)
    page.fill("#id_new_passphrase", passphrase)
    page.check("#id_understood")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/account/herstelcode/")
    code = page.locator(".recovery-code code").inner_text()
    page.fill("#id_last_part", code[-9:])
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/account/")
    return page
