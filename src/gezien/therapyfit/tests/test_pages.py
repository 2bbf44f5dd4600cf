"""The klik-check through its pages: a reflection after a session (shown back without an
account, kept sealed with one), the view over sessions, the note after four sessions with
little click and what it shows, bad input, export, summary and deletion."""

from __future__ import annotations

import json
import re

from django.test import Client

from gezien.accounts import services
from gezien.accounts.testing import PASSPHRASE, database_snapshot, logged_in_client
from gezien.core import summary
from gezien.therapyfit.models import SessionReflection
from gezien.therapyfit.tests.support import reflect
from gezien.vault.person import Person

NOTE = "Je mag verder kijken"


def test_the_reflection_is_labelled_as_no_validated_questionnaire_and_offers_every_point() -> None:
    page = Client().get("/klikcheck/na-een-sessie/").content.decode()
    assert "Dit is geen gevalideerde vragenlijst" in page
    assert page.count('<fieldset class="gz-rating gz-rating--words') == 11  # click + 10 points
    assert "Ik kon in mijn eigen tempo werken." in page and "‘nee’ is ook een goed antwoord" in page


def test_without_an_account_the_reflection_is_shown_back_with_sentences_and_nothing_is_stored() -> (
    None
):
    client = Client()
    before = database_snapshot()
    response = reflect(client, "2026-12-01", "no", point_pace="no", point_talk="yes", note="x")
    page = response.content.decode()
    assert response.status_code == 200 and "Klik vandaag: <strong>Nee</strong>" in page
    assert "Ik kon in mijn eigen tempo werken." in page  # missed today
    assert "Kunnen we het tempo samen afspreken?" in page  # what to say about it
    assert "Er is niets bewaard" in page
    assert database_snapshot() == before


def test_after_four_sessions_with_little_click_the_note_shows_how_to_look_further() -> None:
    client = logged_in_client()
    for day, click in [("2026-11-03", "no"), ("2026-11-10", "bit"), ("2026-11-17", "no")]:
        assert reflect(client, day, click, point_asks="no").status_code == 302
    assert NOTE not in client.get("/klikcheck/").content.decode()
    reflect(client, "2026-11-24", "bit", point_asks="no", point_pace="no")
    page = client.get("/klikcheck/").content.decode()
    assert NOTE in page and "In je laatste 4 sessies voelde je weinig klik" in page
    assert "Het ligt niet aan jou" in page and "geen regel uit onderzoek" in page
    assert "Flückiger" in page
    # Talk first: the sentence for the point missed most comes first.
    sentences = re.findall(r"<li>([^<]+)</li>", page.split('class="fit-sentences"')[1])
    assert sentences[0].startswith("Het helpt mij als u doorvraagt")
    # The ways to look further, with the source of the referral fact.
    assert "Vraag de praktijk om iemand anders" in page
    assert "regiebehandelaar" in page and "Zilveren Kruis" in page
    # The navigator's route steps and intake questions, through core.lookups.
    assert "wachtlijstbemiddeling" in page and "Mag ik het tempo meebepalen?" in page
    # What the research note could not verify is not said.
    assert "opnieuw wachten" not in page and "wachttijd begint opnieuw" not in page


def test_a_click_in_the_latest_session_or_a_new_therapist_means_no_note() -> None:
    client = logged_in_client()
    for day in ("2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24"):
        reflect(client, day, "no", with_whom="Anna")
    assert NOTE in client.get("/klikcheck/").content.decode()
    reflect(client, "2026-12-01", "no", with_whom="Bram")
    page = client.get("/klikcheck/").content.decode()
    assert NOTE not in page and "sessies met Bram" in page


def test_the_form_suggests_the_last_therapist_and_today() -> None:
    client = logged_in_client()
    reflect(client, "2026-11-03", "yes", with_whom="Anna")
    page = client.get("/klikcheck/na-een-sessie/").content.decode()
    assert 'name="with_whom" value="Anna"' in page


def test_the_view_over_sessions_has_a_chart_and_a_table_of_the_same_answers() -> None:
    client = logged_in_client()
    reflect(client, "2026-11-03", "no")
    reflect(client, "2026-11-10", "yes", point_pace="yes")
    page = client.get("/klikcheck/").content.decode()
    assert '<svg role="img"' in page and page.count('class="fit-point"') == 2
    rows = re.findall(r'<th scope="row">(\d+ \w+ \d{4})[^<]*</th>\s*<td>(\w+)</td>', page)
    assert rows == [("10 Nov 2026", "Ja"), ("3 Nov 2026", "Nee")]


def test_bad_input_gets_a_clear_message_and_changes_nothing() -> None:
    client = logged_in_client()
    before = database_snapshot()
    cases = [
        ({"date": "2026-11-03"}, "Kies een antwoord over de klik."),
        ({"date": "2026-11-03", "click": "heel erg"}, "Kies een van de antwoorden."),
        ({"date": "2026-11-03", "click": "no", "point_pace": "7"}, "Kies een van de antwoorden."),
        ({"date": "3000-01-01", "click": "no"}, "Deze datum ligt in de toekomst."),
        ({"date": "gisteren", "click": "no"}, "Vul een datum in"),
        ({"date": "2026-11-03", "click": "no", "note": "x" * 1001}, "1000 tekens"),
    ]
    for form, message in cases:
        response = client.post("/klikcheck/na-een-sessie/", form)
        assert response.status_code == 200
        assert message in response.content.decode(), (form, message)
    assert database_snapshot() == before


def test_the_same_reflection_sent_twice_is_kept_once() -> None:
    client = logged_in_client()
    form = {
        "date": "2026-11-03",
        "click": "no",
        "submit_token": "0d5e8f0a-3b0c-4c6e-8f4e-2f1a6c3b9d77",
    }
    client.post("/klikcheck/na-een-sessie/", form)
    client.post("/klikcheck/na-een-sessie/", form)
    assert SessionReflection.objects.filter(owner=client.account).count() == 1


def test_reflections_are_sealed_exported_offered_for_the_summary_and_deleted() -> None:
    client = logged_in_client()
    reflect(client, "2026-11-03", "bit", point_pace="no", point_talk="yes", note="Tempo bespreken")
    record = SessionReflection.objects.get(owner=client.account)
    assert b"Tempo" not in bytes(record.sealed)
    client.post("/account/bevestigen/", {"passphrase": PASSPHRASE})
    exported = json.loads(client.post("/account/mijn-gegevens/export/").content)["therapy_fit"]
    assert exported[0]["points"] == {"pace": "no", "talk": "yes"}
    assert exported[0]["note"] == "Tempo bespreken" and exported[0]["date"] == "2026-11-03"

    me = Person(client.account, services.authenticate("merel", PASSPHRASE).data_key)
    section = next(s for s in summary.available(me) if s.key == "therapyfit")
    sessions, notes = section.parts
    assert (
        sessions.key == "therapyfit.sessions"
        and "geen gevalideerde vragenlijst" in sessions.paragraphs[0]
    )
    assert sessions.facts[0][0] == "3 november 2026"
    assert (
        "Klik: Een beetje." in sessions.facts[0][1]
        and "Dit miste: Ik kon in mijn eigen tempo" in sessions.facts[0][1]
    )
    assert notes.facts == (("3 november 2026", "Tempo bespreken"),)

    client.post(f"/klikcheck/{record.pk}/verwijderen/")
    assert not SessionReflection.objects.exists()
    reflect(client, "2026-11-10", "yes")
    client.post("/account/verwijderen/", {"passphrase": PASSPHRASE, "sure": "on"})
    assert not SessionReflection.objects.exists()
