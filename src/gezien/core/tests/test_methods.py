"""HEAD and OPTIONS. Uptime monitors check a site with HEAD: every page that answers GET
answers HEAD the same way (status, type, redirect), without a body. OPTIONS never runs a
page: it says which methods Gezien's pages use, and nothing about other origins (no CORS)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from gezien.accounts.testing import logged_in_client


def _plain_routes(patterns=None, prefix: str = "") -> list[str]:
    """Every URL without a parameter in it."""
    found = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(entry.pattern)
        if "<" in route:
            continue
        if isinstance(entry, URLResolver):
            found += _plain_routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            found.append("/" + route)
    return sorted(set(found))


ROUTES = _plain_routes()


def test_the_routes_include_the_pages_monitors_check() -> None:
    assert {"/", "/hulplijnen/", "/bibliotheek/", "/healthz", "/account/"} <= set(ROUTES)


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "logged in"])
def test_every_page_answers_head_as_it_answers_get_without_a_body(logged_in: bool) -> None:
    different = []
    getting, heading = (
        (logged_in_client(), logged_in_client()) if logged_in else (Client(), Client())
    )
    for path in sorted(ROUTES, key=lambda route: route == "/weg/"):  # the quick exit logs out: last
        get, head = getting.get(path), heading.head(path)
        same = (head.status_code, head.get("Content-Type"), head.get("Location")) == (
            get.status_code,
            get.get("Content-Type"),
            get.get("Location"),
        )
        if not same or head.content:
            different.append((path, get.status_code, head.status_code))
    assert different == []


@pytest.mark.parametrize("path", ["/", "/account/uitloggen/", "/weg/", "/gedeeld/"])
def test_options_says_which_methods_and_runs_nothing(path: str) -> None:
    client = logged_in_client()
    response = client.options(path, HTTP_ORIGIN="https://elders.example")
    assert response.status_code == 204 and response.content == b""
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "POST", "OPTIONS"}
    assert not any(name.startswith("Access-Control-") for name in response.headers)
    assert client.get("/account/").status_code == 200  # /weg/ did not log the person out


def test_options_for_an_unknown_address_is_404() -> None:
    assert Client().options("/nergens/").status_code == 404
