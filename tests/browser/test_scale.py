"""Gezien keeps no state in its processes: a session started on one server process is
valid on another one that shares the database (as with several machines behind a proxy)."""

import pytest

from gezien.accounts.testing import recovery_code_in
from tests.support import Server, http_client, post_form

pytestmark = pytest.mark.browser


def test_a_logged_in_session_moves_between_two_server_processes() -> None:
    first = Server()
    first.start()
    second = Server(same_data_as=first)
    second.start()
    try:
        browser = http_client()
        landed = post_form(
            browser,
            f"{first.url}/account/aanmelden/",
            {
                "username": "reiziger",
                "new_passphrase": "lamp rivier brood herfst",
                "understood": "on",
            },
        )
        assert landed.endswith("/account/herstelcode/")
        page = browser.open(f"{second.url}/account/herstelcode/").read().decode()
        code = recovery_code_in(page)
        assert post_form(
            browser, f"{second.url}/account/herstelcode/", {"last_part": code[-9:]}
        ).endswith("/account/")
        for server in (first, second, first):
            with browser.open(f"{server.url}/account/") as response:
                assert response.geturl() == f"{server.url}/account/"
                assert "reiziger" in response.read().decode()
    finally:
        assert second.stop() == 0
        assert first.stop() == 0
