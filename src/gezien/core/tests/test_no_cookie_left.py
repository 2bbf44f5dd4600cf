"""Logging out and the quick exit leave no cookie of Gezien behind on the device: not the
session, not the vault key, not the language and not the CSRF token (which lived a year and
showed that Gezien had been used)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from gezien.accounts.testing import logged_in_client
from gezien.vault import session as vault_session


def _used_everything(client: Client) -> None:
    client.get("/taal/en/?next=/")  # the language cookie
    client.get("/account/")  # a page with a form: the CSRF cookie
    assert (
        settings.CSRF_COOKIE_NAME in client.cookies
        and settings.LANGUAGE_COOKIE_NAME in client.cookies
    )


def _left_behind(client: Client, response) -> list[str]:
    return [name for name in client.cookies if response.cookies.get(name, {}).get("max-age") != 0]


def test_the_csrf_cookie_ends_with_the_browser_session() -> None:
    client = logged_in_client()
    response = client.get("/account/")
    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"]


@pytest.mark.parametrize("leave", ["logout", "quick exit", "delete account"])
def test_leaving_removes_every_cookie(leave: str) -> None:
    client = logged_in_client()
    _used_everything(client)
    assert vault_session.COOKIE in client.cookies
    if leave == "logout":
        response = client.post("/account/uitloggen/")
    elif leave == "quick exit":
        response = client.get("/weg/")
    else:
        response = client.post(
            "/account/verwijderen/", {"passphrase": "lamp rivier brood herfst", "sure": "on"}
        )
        assert response.status_code == 200
    assert _left_behind(client, response) == []
    assert '"cookies"' in response["Clear-Site-Data"] and '"storage"' in response["Clear-Site-Data"]
