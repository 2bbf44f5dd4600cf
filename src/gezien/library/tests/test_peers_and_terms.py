"""Two library pages in detail: the peer organisations on 'herstel-en-zelfhulp' each with a way
to reach them that the research verified (or a plain word that none was verified), and the
Veilig Thuis split of neglect on 'vijf-vormen', credited to the report."""

from __future__ import annotations

import re

import pytest
from django.test import Client

# Organisation -> the ways to reach it that nl-help.md §1 and §6 verified.
VERIFIED = {
    "Depressie Vereniging": ['href="tel:0885054334"', 'href="https://depressievereniging.nl/"'],
    "Slachtofferhulp Nederland": ['href="tel:09000101"', 'href="https://www.slachtofferhulp.nl/"'],
    "Reformatorisch Meldpunt": ['href="https://ikmeldhet.nl/"'],
    "Platform HOPE": ['href="https://platformhope.nl/"'],
    "KOPP/KOV": ['href="https://arkin.nl/"'],
}
UNVERIFIED = ("Iris", "Enik Recovery College")


def _section(html: str, heading: str) -> str:
    start = html.index(heading)
    end = html.find("<h2", start + 1)
    return html[start : end if end != -1 else len(html)]


@pytest.mark.parametrize(("language", "heading", "none_found"), [
    ("nl", ">Lotgenoten en ervaringsdeskundigen</h2>", "hebben we niet kunnen nagaan"),
    ("en", ">Peers and experts by experience</h2>", "we could not verify"),
])  # fmt: skip
def test_each_peer_organisation_has_a_verified_way_to_reach_it_or_says_none_was_verified(
    language, heading, none_found
):
    client = Client()
    client.get(f"/taal/{language}/")
    section = _section(client.get("/bibliotheek/herstel-en-zelfhulp/").content.decode(), heading)
    items = re.findall(r"<li>(.*?)</li>", section, re.S)
    for name, ways in VERIFIED.items():
        (item,) = [item for item in items if name in item]
        for way in ways:
            assert way in item, (name, way)
    for name in UNVERIFIED:
        (item,) = [item for item in items if name in item]
        assert "href=" not in item and none_found in item, name


@pytest.mark.parametrize(("language", "split", "credit"), [
    ("nl", "lichamelijke, pedagogische en affectieve verwaarlozing", "onderzoeksrapport"),
    ("en", "physical, educational (pedagogische) and affective (affectieve) neglect",
     "research report"),
])  # fmt: skip
def test_the_five_forms_page_gives_the_veilig_thuis_split_of_neglect(language, split, credit):
    client = Client()
    client.get(f"/taal/{language}/")
    html = client.get("/bibliotheek/vijf-vormen/").content.decode()
    paragraph = next(p for p in re.findall(r"<p>(.*?)</p>", html, re.S) if split in p)
    assert "Veilig Thuis" in paragraph and credit in paragraph


def test_a_link_to_the_questionnaires_goes_to_their_overview():
    html = Client().get("/bibliotheek/vijf-vormen/").content.decode()
    assert '<a href="/vragenlijsten/">vragenlijsten</a>' in html
