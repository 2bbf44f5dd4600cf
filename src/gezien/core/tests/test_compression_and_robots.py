"""Public pages are sent compressed; pages with a person's content never are (BREACH, see
SECURITY.md); robots.txt keeps crawlers out of accounts, shared links and drafts."""

from __future__ import annotations

import gzip
from urllib.robotparser import RobotFileParser

import pytest
from django.test import Client

from gezien.accounts.testing import logged_in_client

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/hulplijnen/",
        "/bibliotheek/",
        "/bibliotheek/behandelingen/",
        "/over/",
        "/privacy/",
        "/robots.txt",
    ],
)
def test_public_pages_are_compressed(path: str) -> None:
    for client in (Client(), logged_in_client()):
        plain = client.get(path)
        packed = client.get(path, **GZIP)
        assert plain.status_code == packed.status_code == 200
        assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
        assert b"<" in gzip.decompress(packed.content)[:200] or path == "/robots.txt"
        assert len(packed.content) < len(plain.content)


@pytest.mark.parametrize(
    "path", ["/account/", "/dagboek/", "/mijn-verhaal/", "/vragenlijsten/", "/veiligheidsplan/"]
)
def test_pages_with_personal_content_are_never_compressed(path: str) -> None:
    response = logged_in_client().get(path, **GZIP)
    assert response.status_code == 200 and not response.has_header("Content-Encoding")


def test_search_results_reflect_what_was_typed_and_are_not_compressed() -> None:
    response = Client().post("/bibliotheek/", {"q": "schaamte"}, **GZIP)
    assert response.status_code == 200 and not response.has_header("Content-Encoding")


def test_robots_keep_crawlers_out_of_accounts_shared_links_and_drafts() -> None:
    response = Client().get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    robots = RobotFileParser()
    robots.parse(response.content.decode().splitlines())
    for path in (
        "/account/inloggen/",
        "/gedeeld/?id=abc&key=def",
        "/gedeeld/pdf/",
        "/concepten/bewaren/",
        "/mijn-verhaal/",
        "/dagboek/",
        "/vragenlijsten/uitslagen/",
        "/weg/",
    ):
        assert not robots.can_fetch("*", path), path
    for path in (
        "/",
        "/bibliotheek/",
        "/hulplijnen/",
        "/hulpwijzer/",
        "/dagboek/over/",
        "/vragenlijsten/",
    ):
        assert robots.can_fetch("*", path), path
