"""Herkennen on the web: a form that works without an account or JavaScript, a result that
reflects back warmly what was recognised (never a score), nothing stored unless a person with
an account chooses to keep it in their vault, and tampered answers refused."""

from __future__ import annotations

import html as html_module
import json
import re

import pytest
from django.test import Client, override_settings

from gezien.accounts.testing import assert_outsider_gets_404, database_snapshot, logged_in_client
from gezien.measure.tests.support import plain
from gezien.recognise.models import Reflection

CHOSEN = ["no-one-asked", "no-room-for-feelings", "compliments", "others-worse"]


def post(client: Client, ids: list[str], **extra):
    return client.post("/herkennen/", {"statements": ids, **extra})


@pytest.fixture
def dutch() -> Client:
    client = Client()
    client.get("/taal/nl/")
    return client


def test_the_form_groups_the_statements_in_fieldsets_and_says_nothing_is_stored(dutch):
    html = dutch.get("/herkennen/").content.decode()
    assert html.count("<fieldset") == 7 and html.count("<legend") == 7
    assert 'type="checkbox" name="statements" value="no-one-asked"' in html
    assert "Niemand vroeg hoe het echt met me ging." in html
    text = plain(html)
    assert "Je mag alles overslaan" in text and "Er wordt niets bewaard" in text
    assert "<script" not in html.split("<main")[1]


def test_the_result_reflects_back_warmly_what_was_recognised_and_never_scores(dutch):
    before = database_snapshot()
    response = post(dutch, CHOSEN)
    html = response.content.decode()
    text = html_module.unescape(plain(html))
    assert response.status_code == 200
    assert "Niemand vroeg hoe het echt met me ging." in text
    assert "Je herkende dat er thuis weinig warmte, troost of aandacht voor jou was." in text
    assert "Je herkende patronen die veel mensen met zo'n jeugd kennen." in text
    assert "Wat je miste, telt." in text
    # Only the groups the person ticked in, no numbers about them, no verdict.
    assert "Woorden die pijn deden" not in text
    reflected = text.split("Wat je herkende")[1]
    assert not re.search(r"\d+ (van|of) \d+|score|punten|diagnose", reflected)
    assert database_snapshot() == before


def test_the_result_links_library_journal_navigator_and_the_ace_with_its_language(dutch):
    html = post(dutch, CHOSEN).content.decode()
    for href in (
        'href="/bibliotheek/emotionele-verwaarlozing/"',
        'href="/bibliotheek/zelfbeeld/"',
        'href="/dagboek/"',
        'href="/hulpwijzer/"',
        'href="/vragenlijsten/ace/"',
    ):
        assert href in html, href
    assert "Die vragenlijst is in het Engels" in plain(html)


@override_settings(GEZIEN_INSTRUMENTS=("phq9",))
def test_without_the_ace_on_offer_the_result_does_not_link_to_it(dutch):
    html = post(dutch, CHOSEN).content.decode()
    assert "/vragenlijsten/ace/" not in html and "Engels" not in plain(html)


def test_nothing_ticked_is_fine_and_says_so_kindly(dutch):
    text = plain(post(dutch, []).content.decode())
    assert "Je vinkte niets aan. Dat is ook goed." in text
    assert "Wat je miste, telt." in text


def test_it_works_in_english():
    client = Client()
    client.get("/taal/en/")
    text = plain(post(client, ["hit", "unsure-feelings"]).content.decode())
    assert "You recognised that an adult at home hurt your body." in text
    assert "What you missed counts." in text


@pytest.mark.parametrize("data", [
    {"statements": ["no-one-asked", "made-up"]},
    {"statements": "x" * 5000},
    {"statements": ["<script>alert(1)</script>"]},
])  # fmt: skip
def test_tampered_answers_get_a_clear_message_and_no_result(dutch, data):
    response = dutch.post("/herkennen/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Dit antwoord staat niet in de lijst" in html
    assert "Wat je herkende" not in html and "<script>alert" not in html


def test_without_an_account_there_is_no_keep_button(dutch):
    assert 'value="keep"' not in post(dutch, CHOSEN).content.decode()


def test_a_person_with_an_account_can_keep_it_sealed_see_it_again_and_delete_it():
    person = logged_in_client("linde")
    person.get("/taal/nl/")
    html = post(person, CHOSEN).content.decode()
    assert 'name="action" value="keep"' in html
    response = post(person, CHOSEN, action="keep")
    assert response.status_code == 302
    record = Reflection.objects.get()
    assert record.owner == person.account and b"no-one-asked" not in bytes(record.sealed)
    page = person.get(response.url).content.decode()
    assert "Niemand vroeg hoe het echt met me ging." in plain(page)
    index = person.get("/herkennen/").content.decode()
    assert response.url in index
    export = json.loads(person.post("/account/mijn-gegevens/export/").content)
    assert export["reflections"][0]["statements"] == CHOSEN

    outsider = logged_in_client("eik")
    assert outsider.get(response.url).status_code == 404
    assert_outsider_gets_404(outsider, [response.url + "verwijderen/"])

    confirm = person.get(response.url + "verwijderen/")
    assert confirm.status_code == 200
    assert person.post(response.url + "verwijderen/").status_code == 302
    assert not Reflection.objects.exists()


def test_keeping_without_an_account_stores_nothing(dutch):
    before = database_snapshot()
    response = post(dutch, CHOSEN, action="keep")
    assert response.status_code == 200
    assert database_snapshot() == before
