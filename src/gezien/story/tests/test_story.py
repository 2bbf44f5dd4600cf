"""Writing the story and the help question through the pages."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import Resolver404, resolve

from gezien.accounts.testing import logged_in_client
from gezien.drafts.models import Draft
from gezien.story.models import HelpQuestion, StoryPeriod
from gezien.story.tests.support import make_help_question, write_period


def test_the_overview_needs_an_account() -> None:
    response = Client().get("/mijn-verhaal/")
    assert response.status_code == 302 and response["Location"].startswith("/account/inloggen/")


def test_a_person_writes_a_period_and_sees_it_back_and_on_the_overview() -> None:
    client = logged_in_client()
    response = write_period(client, "kindertijd", "childhood", happened="Thuis werd weinig gezegd.")
    assert response.status_code == 302 and response["Location"] == "/mijn-verhaal/"
    page = client.get("/mijn-verhaal/kindertijd/").content.decode()
    assert "Thuis werd weinig gezegd." in page
    overview = client.get("/mijn-verhaal/").content.decode()
    states = dict(
        re.findall(
            r'href="/mijn-verhaal/([a-z]+)/">[^<]*</a>\s*<span class="story-period-state">([^<]*)<',
            overview,
        )
    )
    assert states["kindertijd"] == "geschreven"
    assert states["jeugd"] == "nog niet geschreven"


def test_save_and_go_on_leads_to_the_next_period() -> None:
    client = logged_in_client()
    response = client.post(
        "/mijn-verhaal/jeugd/",
        {"story_version": 0, "youth_missed": "Iemand die luisterde", "next": ""},
    )
    assert response["Location"] == "/mijn-verhaal/volwassen/"


def test_the_story_is_sealed_one_record_per_period_and_version_counts_up() -> None:
    client = logged_in_client()
    write_period(client, "nu", "now", happened="Moe.")
    write_period(client, "nu", "now", version=1, happened="Moe, maar hoopvol.")
    record = StoryPeriod.objects.get(owner=client.account)
    assert record.version == 2
    assert b"hoopvol" not in bytes(record.sealed) and "now" not in record.slot


def test_an_edit_from_an_older_page_shows_both_versions_and_overwrites_nothing() -> None:
    client = logged_in_client()
    write_period(client, "toekomst", "future", happened="Rust")
    write_period(client, "toekomst", "future", version=1, happened="Rust en vrienden")
    response = write_period(client, "toekomst", "future", version=1, happened="Een eigen huis")
    assert response.status_code == 409
    page = response.content.decode()
    assert "Rust en vrienden" in page and "Een eigen huis" in page
    assert "Rust en vrienden" in client.get("/mijn-verhaal/toekomst/").content.decode()


def test_the_same_save_sent_twice_stores_once() -> None:
    client = logged_in_client()
    data = {
        "story_version": 0,
        "adulthood_happened": "Werk",
        "submit_token": "6f1c1f6e-2a8b-4c38-9a43-6b0f4f1f0c11",
    }
    first = client.post("/mijn-verhaal/volwassen/", data)
    again = client.post("/mijn-verhaal/volwassen/", data)
    assert again.status_code == 302 and again["Location"] == first["Location"]
    assert StoryPeriod.objects.get(owner=client.account).version == 1


def test_a_draft_is_kept_and_offered_again_until_the_period_is_saved() -> None:
    client = logged_in_client()
    page = client.get("/mijn-verhaal/kindertijd/").content.decode()
    key = re.search(r'name="draft_key" value="([^"]+)"', page).group(1)
    saved = client.post(
        "/concepten/bewaren/",
        {"draft_key": key, "draft_version": 0, "childhood_support": "Mijn oma", "story_version": 0},
    )
    assert saved.status_code == 302
    assert "Mijn oma" in client.get("/mijn-verhaal/kindertijd/").content.decode()
    write_period(client, "kindertijd", "childhood", support="Mijn oma en de buurvrouw")
    assert not Draft.objects.filter(owner=client.account).exists()


def test_too_long_text_gives_a_clear_message_and_stores_nothing() -> None:
    client = logged_in_client()
    response = write_period(client, "kindertijd", "childhood", happened="a" * 20_001)
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert not StoryPeriod.objects.exists()


def test_a_tampered_version_is_a_clear_message_not_an_error() -> None:
    client = logged_in_client()
    response = client.post(
        "/mijn-verhaal/kindertijd/", {"story_version": "x", "childhood_happened": "Iets"}
    )
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert not StoryPeriod.objects.exists()


def test_the_help_question_is_made_from_the_answers_and_can_be_edited() -> None:
    client = logged_in_client()
    response = make_help_question(client, bothers="Ik voel weinig", since="years", gender="woman")
    assert response["Location"] == "/mijn-verhaal/hulpvraag/tekst/"
    page = client.get("/mijn-verhaal/hulpvraag/tekst/").content.decode()
    assert "Ik zoek hulp voor het volgende: Ik voel weinig. Dit speelt al een aantal jaren." in page
    client.post("/mijn-verhaal/hulpvraag/tekst/", {"text": "Mijn eigen hulpvraag.", "save": ""})
    # Changing the answers keeps the person's own text...
    make_help_question(client, bothers="Ik voel weinig", since="weeks")
    assert "Mijn eigen hulpvraag." in client.get("/mijn-verhaal/hulpvraag/tekst/").content.decode()
    # ...until they ask for a new one.
    client.post("/mijn-verhaal/hulpvraag/tekst/", {"remake": ""})
    assert (
        "Dit speelt sinds een paar weken."
        in client.get("/mijn-verhaal/hulpvraag/tekst/").content.decode()
    )
    assert b"weinig" not in bytes(HelpQuestion.objects.get(owner=client.account).sealed)


def test_a_tampered_choice_in_the_help_question_changes_nothing() -> None:
    client = logged_in_client()
    response = make_help_question(client, bothers="Iets", since="forever", approach=["dancing"])
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert not HelpQuestion.objects.exists()


def test_the_feelings_note_links_only_to_pages_that_exist(settings) -> None:
    client = logged_in_client()
    settings.ROOT_URLCONF = "gezien.story.tests.urls_with_exercises"
    page = client.get("/mijn-verhaal/kindertijd/").content.decode()
    assert 'href="/hulplijnen/"' in page and 'href="/oefeningen/"' in page
    if not _exists("/veiligheidsplan/"):
        assert 'href="/veiligheidsplan/"' not in page


def _exists(path: str) -> bool:
    try:
        resolve(path)
    except Resolver404:
        return False
    return True
