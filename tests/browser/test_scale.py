"""Gezien keeps no state in its processes: a session started on one server process is
valid on another one that shares the database (as with several machines behind a proxy)."""

import http.cookiejar
import re
import urllib.parse
import urllib.request

import pytest

from tests.browser.conftest import Server

pytestmark = pytest.mark.browser


def _opener() -> urllib.request.OpenerDirector:
    # Cookies are not bound to a port, so one jar carries the session to both servers.
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def _post(opener, url: str, fields: dict) -> str:
    page = opener.open(url).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
    request = urllib.request.Request(url, data=data, headers={"Referer": url})
    with opener.open(request) as response:
        return response.geturl()


def test_a_logged_in_session_moves_between_two_server_processes() -> None:
    first = Server()
    first.start()
    second = Server(same_data_as=first)
    second.start()
    try:
        browser = _opener()
        landed = _post(browser, f"{first.url}/account/aanmelden/",
                       {"username": "reiziger", "new_passphrase": "lamp rivier brood herfst", "understood": "on"})
        assert landed.endswith("/account/herstelcode/")
        page = browser.open(f"{second.url}/account/herstelcode/").read().decode()
        code = re.search(r"<code>([0-9A-Z-]+)</code>", page).group(1)
        assert _post(browser, f"{second.url}/account/herstelcode/", {"last_part": code[-9:]}).endswith("/account/")
        for server in (first, second, first):
            with browser.open(f"{server.url}/account/") as response:
                assert response.geturl() == f"{server.url}/account/"
                assert "reiziger" in response.read().decode()
    finally:
        assert second.stop() == 0
        assert first.stop() == 0
