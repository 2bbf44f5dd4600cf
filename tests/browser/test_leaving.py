"""In a real browser: after logging out or the quick exit, the browser holds no cookie of
Gezien's at all (not the session, the vault key, the language or the CSRF token)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import sign_up

pytestmark = pytest.mark.browser


def _gezien_cookies(visit) -> list[str]:
    return [cookie["name"] for cookie in visit.context.cookies(visit.server.url)]


@pytest.mark.parametrize("leave", ["logout", "quick exit"])
def test_leaving_leaves_no_cookie_in_the_browser(visit, leave: str) -> None:
    page = sign_up(visit, f"vertrek{'a' if leave == 'logout' else 'b'}")
    page.locator("a.language-switch").click()  # the language cookie too
    page.wait_for_load_state("load")
    assert {"csrftoken", "django_language", "gezien-vault", "sessionid"} <= set(
        _gezien_cookies(visit)
    )
    if leave == "logout":
        page.locator(".menu summary").click()
        page.locator("form.logout button").click()
        page.wait_for_url(visit.server.url + "/")
    else:
        page.locator(".quick-exit").click()
        page.wait_for_load_state("load")
    assert _gezien_cookies(visit) == []
