"""The check-up through its pages: set up, taken part by part (kept per part, stopping
allowed), help before any score, the result beside the previous check-up with reliable
change only where a figure is published, deleted with its answers."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from gezien.accounts.testing import database_snapshot, logged_in_client
from gezien.checkup.models import Checkup
from gezien.checkup.tests.support import answers, send, set_up, start, take
from gezien.measure.models import QuestionnaireResult

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_default_check_up_is_the_k10_and_the_mhi5_in_dutch() -> None:
    client = logged_in_client()
    page = client.get("/apk/instellen/").content.decode()
    checked = re.findall(r'name="questionnaires" value="(\w+)"[^>]*checked', page)
    assert checked == ["k10", "mhi5"]
    assert 'value="phq9"' in page and 'value="itq"' in page
    assert "Spanning en somberheid (K10)" in page


def test_only_questionnaires_this_installation_offers_can_be_chosen(settings) -> None:
    settings.GEZIEN_INSTRUMENTS = ["k10", "mhi5", "phq9"]
    client = logged_in_client()
    page = client.get("/apk/instellen/").content.decode()
    assert 'value="gad7"' not in page and 'value="pcl5"' not in page
    refused = client.post(
        "/apk/instellen/", {"questionnaires": ["k10", "gad7"], "every_weeks": "4"}
    )
    assert refused.status_code == 400 and "Kies uit de vragenlijsten" in refused.content.decode()


def test_a_check_up_taken_part_by_part_is_kept_where_the_questionnaires_history_shows_it() -> None:
    client = logged_in_client()
    set_up(client, ["k10", "mhi5"])
    result = take(
        client,
        {"k10": answers("k10", 2, 10), "mhi5": answers("mhi5", 3, 5)},
        {"better": "Ik sliep beter", "hard": "", "need": "Rust"},
    )
    page = _text(client.get(result).content.decode())
    assert "Dit is je eerste APK" in page
    assert "20 van 50" in page and "Ik sliep beter" in page
    # The answers are the measure app's results: its history shows them.
    assert QuestionnaireResult.objects.filter(owner=client.account).count() == 2
    history = client.get("/vragenlijsten/k10/verloop/").content.decode()
    assert "20" in history


def test_stopping_keeps_what_was_sent_and_the_check_up_goes_on_later() -> None:
    client = logged_in_client()
    set_up(client, ["k10", "mhi5"])
    step = start(client)
    send(client, step, "k10", answers("k10", 1, 10))
    home = client.get("/apk/").content.decode()
    assert "Ga verder" in home
    assert start(client) == step  # starting again goes on with the same check-up
    page = client.get(step).content.decode()
    assert "deel 2 van 3" in page and "mhi5_1" in page


def test_the_same_part_sent_twice_is_kept_once() -> None:
    client = logged_in_client()
    set_up(client, ["k10"], reflections=False)
    step = start(client)
    page = client.get(step).content.decode()
    token = re.search(r'name="submit_token" value="([^"]+)"', page).group(1)
    data = {**answers("k10", 1, 10), "part": "k10", "action": "next", "submit_token": token}
    first, second = client.post(step, data), client.post(step, data)
    assert first.status_code == second.status_code == 302
    assert QuestionnaireResult.objects.count() == 1


def test_missing_answers_are_named_and_a_tampered_form_changes_nothing() -> None:
    client = logged_in_client()
    set_up(client, ["k10"], reflections=False)
    step = start(client)
    partly = send(client, step, "k10", answers("k10", 1, 9))
    assert partly.status_code == 200 and "Vraag 10" in partly.content.decode()
    before = database_snapshot()
    for fields, part in (
        ({**answers("k10", 1, 10), "k10_1": "9"}, "k10"),
        ({**answers("k10", 1, 10), "ander_veld": "1"}, "k10"),
        (answers("k10", 1, 10), "bestaat-niet"),
    ):
        response = send(client, step, part, fields)
        assert response.status_code == 400
        assert "Je antwoorden kwamen niet goed" in response.content.decode()
    assert database_snapshot() == before


def test_a_risk_answer_brings_help_before_the_next_part_and_before_any_score() -> None:
    client = logged_in_client()
    set_up(client, ["phq9", "gad7"], reflections=False)
    step = start(client)
    risky = {**answers("phq9", 0, 9), "phq9_9": "1"}
    send(client, step, "phq9", risky)
    next_part = client.get(step).content.decode()
    assert "je hoeft dit niet alleen te dragen" in next_part
    assert "gedachten" in next_part and "gad7_1" in next_part
    send(client, step, "gad7", answers("gad7", 0, 7))
    result = client.get(client.get(step)["Location"]).content.decode()
    help_at = result.index("je hoeft dit niet alleen te dragen")
    assert help_at < result.index("1 van 27")
    # The question left open brings help too, already on the form that names it.
    other = logged_in_client("tweede")
    set_up(other, ["phq9"], reflections=False)
    page = send(other, start(other), "phq9", answers("phq9", 0, 8)).content.decode()
    assert "geen antwoord op de vraag over gedachten" in page and "113" in page


def _second_check_up(client, parts: dict, reflections: dict | None = None) -> str:
    """A second check-up, started after the first one's weeks (the first is moved back)."""
    from gezien.checkup import store
    from gezien.checkup.plan import Taken
    from gezien.vault.person import Person

    me = Person(client.account, _data_key(client))
    for taken in store.all_checkups(me):

        def older(current: Taken) -> None:
            current.started_at -= timedelta(weeks=4)
            if current.finished_at:
                current.finished_at -= timedelta(weeks=4)

        store.update(client.account, me.data_key, taken.id, older)
    return take(client, parts, reflections)


def _data_key(client) -> bytes:
    from gezien.vault import session as vault_session

    request = type("R", (), {})()
    request.session = client.session
    request.COOKIES = {vault_session.COOKIE: client.cookies[vault_session.COOKIE].value}
    return vault_session.data_key(request)


def test_reliable_change_is_said_only_where_a_figure_is_published() -> None:
    client = logged_in_client()
    set_up(client, ["k10", "phq9", "gad7"], reflections=False)
    take(
        client,
        {
            "k10": answers("k10", 4, 10),
            "phq9": answers("phq9", 2, 9) | {"phq9_9": "0"},
            "gad7": answers("gad7", 1, 7),
        },
    )
    result = _second_check_up(
        client,
        {
            "k10": answers("k10", 2, 10),
            "phq9": answers("phq9", 1, 9) | {"phq9_9": "0"},
            "gad7": answers("gad7", 1, 7) | {"gad7_1": "2"},
        },
    )
    page = _text(client.get(result).content.decode())
    names = ("Spanning en somberheid (K10)", "Somberheid (PHQ-9)", "Angst en zorgen (GAD-7)")
    sections = {
        name: page.split(name, 1)[1].split(following, 1)[0]
        for name, following in zip(names, (*names[1:], "Wat nu?"), strict=True)
    }
    # K10: 40 -> 20, a large drop, but no reliable-change figure is published for it.
    k10 = sections["Spanning en somberheid (K10)"]
    assert "40 van 50" in k10 and "20 van 50" in k10
    assert "niemand gepubliceerd" in k10 and "verandering: het gaat" not in k10
    # PHQ-9: 16 -> 8, more than the published 6 points: reliably better.
    assert "verandering: het gaat beter" in sections["Somberheid (PHQ-9)"]
    # GAD-7: 7 -> 8, less than the published 4 points: not a real change.
    gad7 = sections["Angst en zorgen (GAD-7)"]
    assert "kleiner dan 4 punten" in gad7 and "verandering: het gaat" not in gad7
    assert "Vergeleken met je APK van" in page


def test_the_reflections_stand_beside_those_of_last_time() -> None:
    client = logged_in_client()
    set_up(client, [], reflections=True)
    take(client, {}, {"better": "Eerste keer beter", "hard": "Eerste keer zwaar", "need": ""})
    result = _second_check_up(client, {}, {"better": "Nu beter", "hard": "", "need": "Rust"})
    page = client.get(result).content.decode()
    better = page.split("Wat ging de afgelopen weken beter?", 1)[1]
    assert better.index("Vorige keer") < better.index("Eerste keer beter")
    assert better.index("Eerste keer beter") < better.index("Nu beter")
    assert "Eerste keer zwaar" in page and "Rust" in page


def test_deleting_a_check_up_deletes_its_answers_too() -> None:
    client = logged_in_client()
    set_up(client, ["k10"], reflections=False)
    result = take(client, {"k10": answers("k10", 1, 10)})
    assert QuestionnaireResult.objects.count() == 1
    response = client.post(result.replace("/uitslag/", "/verwijderen/"))
    assert response.status_code == 302
    assert Checkup.objects.count() == 0 and QuestionnaireResult.objects.count() == 0


def test_the_home_page_shows_when_the_next_check_up_is_due() -> None:
    client = logged_in_client()
    assert "home-checkup" not in client.get("/").content.decode()
    set_up(client, ["k10"], reflections=False)
    assert "Je APK staat klaar" in client.get("/").content.decode()
    take(client, {"k10": answers("k10", 1, 10)})
    due = timezone.localdate() + timedelta(weeks=4)
    page = client.get("/").content.decode()
    assert "Je volgende APK" in page and str(due.day) in page


def test_the_calendar_file_is_made_on_request_and_nothing_of_it_is_stored() -> None:
    from icalendar import Calendar

    client = logged_in_client()
    set_up(client, ["k10"], weeks=6, reflections=False)
    before = database_snapshot()
    day = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = client.post(
        "/apk/herinnering/", {"title": "Even tijd voor mezelf", "first_day": day, "at": "20:15"}
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == 'attachment; filename="agenda.ics"'
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Even tijd voor mezelf"
    assert event["RRULE"]["INTERVAL"] == [6] and "URL" not in event
    assert database_snapshot() == before
    telling = client.post(
        "/apk/herinnering/", {"title": "Mijn APK", "first_day": day, "at": "20:15"}
    )
    assert telling.status_code == 400 and "“apk”" in telling.content.decode()
    kept = client.post(
        "/apk/herinnering/",
        {
            "title": "Mijn APK",
            "first_day": day,
            "at": "20:15",
            "keep_title": "on",
            "with_address": "on",
        },
    )
    event = Calendar.from_ical(kept.content).walk("VEVENT")[0]
    assert str(event["URL"]) == "http://testserver/apk/"
