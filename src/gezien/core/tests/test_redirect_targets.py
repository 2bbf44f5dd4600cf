"""Where a page sends a person afterwards (`next`): only a path on this site, one leading
slash and no scheme or host, redirected to as an address and never looked up as the name of
a page. Any text in `next`, however odd, gets a normal answer: never a 500 (a scanner found
`next=id` gave one) and never a redirect off the site."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gezien.accounts.testing import PASSPHRASE, logged_in_client, make_account

TRICKY = [
    "id",
    "hulp",
    "home",
    "accounts:home",
    "/bibliotheek/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "/\t/evil.example",
    "https://evil.example/",
    "http://testserver/account/",
    "javascript:alert(1)",
    "/%2F%2Fevil.example",
    "/a\nLocation: https://evil.example",
    " /account/",
    "/account/?x=1#y",
    "",
    "\x00",
    "/\x00",
    "./",
    "../",
    "?next=//evil.example",
    "/\u200b/evil.example",
]
targets = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=40),
    st.text(max_size=40).map(lambda rest: "/" + rest),
    st.text(alphabet="/\\:.?#@%ab \t\n", max_size=20),
)
examples = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _assert_calm(response, target: str) -> None:
    assert response.status_code < 500, (target, response.status_code)
    if response.status_code in (301, 302, 303, 307, 308):
        location = response["Location"]
        parts = urlsplit(location)
        assert location.startswith("/") and not location.startswith("//"), (target, location)
        assert "\\" not in location and not parts.scheme and not parts.netloc, (target, location)


@pytest.fixture
def person() -> Client:
    return logged_in_client()


def test_a_same_site_path_is_kept_and_followed_as_an_address(person) -> None:
    response = person.get("/account/inloggen/", {"next": "/bibliotheek/?x=1"})
    assert response.status_code == 302 and response["Location"] == "/bibliotheek/?x=1"
    for target in (
        "id",
        "hulp",
        "home",
        "//evil.example/",
        "/\\evil.example",
        "https://evil.example/",
    ):
        response = person.get("/account/inloggen/", {"next": target})
        assert response.status_code == 302 and response["Location"] == "/account/", target


@examples
@given(target=targets)
@example(target="id")
def test_login_page_when_logged_in(person, target: str) -> None:
    _assert_calm(person.get("/account/inloggen/", {"next": target}), target)


@examples
@given(target=targets)
def test_login_page_and_login(target: str) -> None:
    make_account("merel") if not _exists("merel") else None
    _assert_calm(Client().get("/account/inloggen/", {"next": target}), target)
    response = Client().post(
        "/account/inloggen/", {"username": "merel", "passphrase": PASSPHRASE, "next": target}
    )
    _assert_calm(response, target)
    assert response.status_code == 302


@examples
@given(target=targets)
@example(target="id")
def test_extend_session(person, target: str) -> None:
    _assert_calm(person.post("/account/verlengen/", {"next": target}), target)


@examples
@given(target=targets)
def test_confirm_passphrase(person, target: str) -> None:
    _assert_calm(person.get("/account/bevestigen/", {"next": target}), target)
    _assert_calm(
        person.post("/account/bevestigen/", {"passphrase": PASSPHRASE, "next": target}), target
    )


@examples
@given(target=targets)
def test_second_step_page(target: str) -> None:
    client = Client()
    session = client.session
    session["second_step_for"] = "00000000-0000-0000-0000-000000000000"
    session.save()
    _assert_calm(client.get("/account/inloggen/code/", {"next": target}), target)


@examples
@given(target=targets)
def test_passphrase_again_before_export(person, target: str) -> None:
    session = person.session
    session["passphrase_at"] = 0
    session.save()
    _assert_calm(person.post("/account/mijn-gegevens/export/", {"back": target}), target)


@examples
@given(target=targets)
def test_language_switch(target: str) -> None:
    _assert_calm(Client().get("/taal/en/", {"next": target}), target)


def _exists(username: str) -> bool:
    from gezien.accounts.models import Account

    return Account.objects.filter(username=username).exists()
