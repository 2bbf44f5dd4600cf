"""The real-browser suite: Gezien started the way a person starts it (`gezien serve`, its
production server, a fresh data folder), driven by Playwright in Debian's Chromium.

Every page a test opens is recorded; a test fails when any request leaves Gezien's origin.
The one allowed exception is the quick exit's neutral site, which is a stub on this machine
(the test machines have no internet)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from tests.support import Installation
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _NeutralSite(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<!doctype html><title>Weer</title><p>Het weer</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def _start_neutral_site() -> str:
    site = ThreadingHTTPServer(("127.0.0.1", 0), _NeutralSite)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{site.server_address[1]}/"


EXIT_URL = _start_neutral_site()


class Server:
    def __init__(self, same_data_as: Server | None = None) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.drop_database = None
        if same_data_as is not None:
            # A second server process on the same data: another machine behind a proxy.
            self.env, self.data_dir = same_data_as.env, same_data_as.data_dir
        else:
            installation = Installation()
            self.env, self.data_dir = installation.env, installation.data_dir
            self.drop_database = installation.remove
        self.env["GEZIEN_EXIT_URL"] = EXIT_URL
        self.process: subprocess.Popen | None = None
        self.first_line = ""

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gezien", "serve", "--port", str(self.port), "--workers", "2"],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.first_line = self.process.stdout.readline().strip()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gezien serve did not start: {self.first_line}")

    def stop(self) -> int:
        """Stop the way a person does, with Ctrl-C (SIGINT); return the exit status."""
        assert self.process is not None
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=30)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            if self.drop_database:
                self.drop_database()


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    running = Server()
    running.start()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Visit:
    """A browser context with every request it makes recorded."""

    def __init__(self, browser: Browser, server: Server, **options) -> None:
        self.server = server
        self.context: BrowserContext = browser.new_context(locale="nl-NL", **options)
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
            if urlsplit(url).netloc != own and not url.startswith(EXIT_URL) and urlsplit(url).scheme != "data"
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
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
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
