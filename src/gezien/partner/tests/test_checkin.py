"""The check-in conversation for two on one device: screen after screen by POST, the words
carried in the form and stored nowhere, the I-statement helper, and a note kept in the vault
only when the person asks."""

from __future__ import annotations

import pytest
from django.test import Client

from gezien.accounts.testing import database_snapshot, logged_in_client
from gezien.partner import checkin
from gezien.partner.models import CheckinNote
from gezien.partner.tests.support import hidden, walk

pytestmark = pytest.mark.django_db


def test_the_conversation_goes_screen_by_screen_and_stores_nothing() -> None:
    before = database_snapshot()
    client = Client()
    first = client.get("/samen-praten/").content.decode()
    assert "rustig moment" in first and "Ben je bang voor je partner?" in first
    end = walk(client)
    assert "Ik voel me alleen als het stil wordt. Wat ik nodig heb: een knuffel." in end
    assert "Ik stuur een berichtje als ik later ben" in end
    assert "Er is niets van dit gesprek bewaard" in end
    assert database_snapshot() == before


def test_each_screen_names_whose_turn_it_is_with_the_tips() -> None:
    client = Client()
    response = client.post(
        "/samen-praten/", {"screen": "0", "action": "next", "name_1": "Sam", "name_2": "Noor"}
    )
    page = response.content.decode()
    assert "Sam vertelt." in page and "Noor luistert." in page
    assert "zonder te onderbreken" in page
    response = client.post("/samen-praten/", {**hidden(page), "action": "next"})
    page = response.content.decode()
    assert "Noor vertelt." in page and "Sam luistert." in page


def test_the_i_statement_helper_builds_the_sentence_and_points_out_blame() -> None:
    assert (
        checkin.sentence({"feeling": "alleen", "situation": "het stil wordt", "need": "tijd"}, "nl")
        == "Ik voel me alleen als het stil wordt. Wat ik nodig heb: tijd."
    )
    assert checkin.sentence({"feeling": "alleen", "situation": "", "need": "tijd"}, "nl") == ""
    hints = checkin.hints(
        {"feeling": "boos", "situation": "jij altijd te laat komt", "need": "tijd"}, "nl"
    )
    assert len(hints) == 2 and "altijd" in hints[0] and "begint met de ander" in hints[1]
    assert checkin.hints({"feeling": "blij", "situation": "we eten", "need": "dit"}, "nl") == []
    client = Client()
    need = next(n for n, s in enumerate(checkin.screens(), 1) if s.step.statement)
    page = client.post(
        "/samen-praten/",
        {
            "screen": str(need),
            "action": "build",
            "feeling_1": "boos",
            "situation_1": "jij nooit belt",
            "need_1": "een belletje",
        },
    ).content.decode()
    assert "Ik voel me boos als jij nooit belt." in page and "“nooit”" in page


def test_words_never_go_in_the_address_and_a_tampered_screen_starts_again() -> None:
    client = Client()
    page = client.get("/samen-praten/").content.decode()
    assert 'method="post"' in page and 'method="get"' not in page.split("<main", 1)[1]
    for bad in ({"screen": "999"}, {"screen": "x"}, {"screen": "1", "action": "fly"}):
        response = client.post("/samen-praten/", bad)
        assert (
            response.status_code == 400 and "Begin alsjeblieft opnieuw" in response.content.decode()
        )
    too_long = client.post("/samen-praten/", {"screen": "7", "agreement": "x" * 301})
    assert too_long.status_code == 400 and "te lang" in too_long.content.decode()


def test_a_note_is_kept_only_when_asked_and_only_what_was_ticked() -> None:
    anonymous = Client()
    end = walk(anonymous)
    assert "Bewaar een notitie" not in end
    refused = anonymous.post(
        "/samen-praten/", {**hidden(end), "action": "keep", "keep_agreement": "on"}
    )
    assert refused.status_code == 400 and CheckinNote.objects.count() == 0

    person = logged_in_client()
    end = walk(person)
    assert "Bewaar een notitie in mijn kluis" in end
    nothing = person.post("/samen-praten/", {**hidden(end), "action": "keep"})
    assert nothing.status_code == 400 and CheckinNote.objects.count() == 0
    kept = person.post("/samen-praten/", {**hidden(end), "action": "keep", "keep_agreement": "on"})
    assert kept.status_code == 302 and kept["Location"] == "/samen-praten/notities/"
    notes = person.get("/samen-praten/notities/").content.decode()
    assert "Ik stuur een berichtje" in notes and "Ik voel me alleen" not in notes
    note = CheckinNote.objects.get()
    assert b"berichtje" not in bytes(note.sealed)
    assert person.post(f"/samen-praten/notities/{note.pk}/verwijderen/").status_code == 302
    assert CheckinNote.objects.count() == 0
