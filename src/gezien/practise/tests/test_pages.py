"""The practice ladder through its pages: made and printed without an account (nothing
stored), kept sealed with one, tried step by step, expected against actual, bad input."""

from __future__ import annotations

import json
import re

from django.test import Client

from gezien.accounts import services
from gezien.accounts.testing import PASSPHRASE, database_snapshot, logged_in_client
from gezien.core import summary
from gezien.practise.models import LadderStep
from gezien.practise.tests.support import make_ladder, rate_form, try_step
from gezien.vault.person import Person


def step_ids(client: Client) -> list[str]:
    """The ids of the steps, in the ladder's order."""
    return re.findall(
        r'id="stap-([0-9a-f-]+)"', client.get("/oefenladder/volgorde/").content.decode()
    )


def situations(page: str) -> list[str]:
    return re.findall(r'<span class="ladder-situation">([^<]+)</span>', page)


def test_without_an_account_a_ladder_is_made_in_order_moved_and_nothing_is_stored() -> None:
    client = Client()
    assert "Maak je oefenladder" in client.get("/oefenladder/").content.decode()
    before = database_snapshot()
    page = client.post(
        "/oefenladder/maken/",
        {"stage": "choose", "examples": ["ask-trusted", "say-no-small"], "own_1": "Bellen"},
    ).content.decode()
    assert page.count('<fieldset class="gz-rating') == 3
    ordered = client.post(
        "/oefenladder/maken/",
        rate_form(
            [
                ("ask-trusted", "Iemand om hulp vragen", 7),
                ("say-no-small", "Nee", 2),
                ("", "Bellen", 5),
            ]
        ),
    ).content.decode()
    assert situations(ordered) == [
        "Nee zeggen tegen iets kleins, zoals een folder op straat of een extra klusje.",
        "Bellen",
        "Iemand die je vertrouwt om hulp vragen bij iets waar je mee zit.",
    ]
    assert "Niets is bewaard" in ordered and 'href="/oefeningen/"' in ordered
    # Moving the last step one place earlier, still without storing anything.
    moved = client.post(
        "/oefenladder/maken/",
        {**rate_form([("say-no-small", "Nee", 2), ("", "Bellen", 5), ("ask-trusted", "Hulp", 7)]),
         "stage": "ordered", "move": "2:earlier"},
    ).content.decode()  # fmt: skip
    assert [s[:6] for s in situations(moved)] == ["Nee ze", "Iemand", "Bellen"]
    assert database_snapshot() == before


def test_a_person_with_an_account_keeps_a_sealed_ladder_ordered_from_easy_to_hard() -> None:
    client = logged_in_client()
    response = make_ladder(client, [("", "Mijn baas iets vragen", 8), ("ask-small", "", 2)])
    assert response.status_code == 302 and response["Location"] == "/oefenladder/"
    records = LadderStep.objects.filter(owner=client.account)
    assert records.count() == 2
    assert all(b"baas" not in bytes(record.sealed) for record in records)
    page = client.get("/oefenladder/").content.decode()
    assert situations(page) == [
        "Iemand om iets kleins vragen, zoals de weg of een pen.",
        "Mijn baas iets vragen",
    ]
    assert "Probeer de volgende stap" in page
    # Added later: a 5 goes between them.
    make_ladder(client, [("", "Een collega groeten", 5)])
    page = client.get("/oefenladder/volgorde/").content.decode()
    assert [s[:6] for s in situations(page)] == ["Iemand", "Een co", "Mijn b"]


def test_the_same_ladder_sent_twice_is_stored_once() -> None:
    client = logged_in_client()
    form = {
        **rate_form([("", "Nee zeggen", 3)]),
        "submit_token": "5b0f8a2e-1a63-4a8e-9d5c-7d2f7a0e2b11",
    }
    client.post("/oefenladder/maken/", form)
    client.post("/oefenladder/maken/", form)
    assert LadderStep.objects.filter(owner=client.account).count() == 1


def test_a_step_can_be_moved_and_deleted_by_its_owner() -> None:
    client = logged_in_client()
    make_ladder(client, [("", "Eerste", 1), ("", "Tweede", 2), ("", "Derde", 3)])
    third = step_ids(client)[2]
    response = client.post(f"/oefenladder/{third}/verplaatsen/", {"direction": "earlier"})
    assert response["Location"] == f"/oefenladder/volgorde/#stap-{third}"
    assert situations(client.get("/oefenladder/volgorde/").content.decode()) == [
        "Eerste",
        "Derde",
        "Tweede",
    ]
    # A direction that does not exist changes nothing.
    client.post(f"/oefenladder/{third}/verplaatsen/", {"direction": "omhoog"})
    assert situations(client.get("/oefenladder/volgorde/").content.decode()) == [
        "Eerste",
        "Derde",
        "Tweede",
    ]
    client.post(f"/oefenladder/{third}/verwijderen/")
    assert situations(client.get("/oefenladder/volgorde/").content.decode()) == ["Eerste", "Tweede"]


def test_a_try_is_rated_before_and_after_and_a_harder_step_is_never_called_a_failure() -> None:
    client = logged_in_client()
    make_ladder(client, [("", "Nee zeggen", 4)])
    step = LadderStep.objects.get(owner=client.account).pk
    page = client.get(f"/oefenladder/{step}/proberen/").content.decode()
    assert 'href="/oefeningen/"' in page and 'href="/veiligheidsplan/"' in page
    response = try_step(client, step, expected=5, actual=8, happened="Ik beefde", helped="Ademen")
    assert response.status_code == 302
    message = client.get("/oefenladder/").content.decode()
    assert "zwaarder dan je verwachtte" in message and "Je hebt het toch gedaan" in message
    assert not re.search(r"mislukt|gefaald|faal", message, re.IGNORECASE)
    history = client.get("/oefenladder/verloop/").content.decode()
    assert "<td>5</td><td>8</td>" in history and "Ademen" in history
    assert "geen mislukking" in history


def test_the_gentle_note_comes_when_actual_is_often_lower_as_the_persons_own_history() -> None:
    client = logged_in_client()
    make_ladder(client, [("", "Hulp vragen", 6)])
    step = LadderStep.objects.get(owner=client.account).pk
    try_step(client, step, expected=6, actual=3)
    try_step(client, step, expected=6, actual=4)
    assert (
        "pogingen was het minder zwaar" not in client.get("/oefenladder/verloop/").content.decode()
    )
    try_step(client, step, expected=5, actual=6)
    try_step(client, step, expected=5, actual=2)
    page = client.get("/oefenladder/verloop/").content.decode()
    assert "In 3 van je 4 pogingen was het minder zwaar dan je verwachtte" in page
    assert "geen belofte" in page and "Rachman (1994)" in page and "Craske" in page


def test_going_on_to_the_next_step_marks_it_done_and_moves_the_next_step_along() -> None:
    client = logged_in_client()
    make_ladder(client, [("", "Eerste", 1), ("", "Tweede", 2)])
    first = step_ids(client)[0]
    try_step(client, first, expected=2, actual=1, go_on=True)
    page = client.get("/oefenladder/").content.decode()
    assert re.search(r"Je volgende stap</h2>\s*<p class=\"ladder-situation\">Tweede", page)
    assert "1 van de 2 stappen gedaan" in page


def test_bad_input_gets_a_clear_message_and_changes_nothing() -> None:
    client = logged_in_client()
    make_ladder(client, [("", "Nee zeggen", 4)])
    step = LadderStep.objects.get(owner=client.account).pk
    before = database_snapshot()
    cases = [
        (
            "/oefenladder/maken/",
            {"stage": "choose"},
            "Kies een voorbeeld of schrijf zelf een situatie",
        ),
        (
            "/oefenladder/maken/",
            {"stage": "choose", "examples": ["dansen"]},
            "Kies uit de voorbeelden",
        ),
        ("/oefenladder/maken/", {"stage": "choose", "own_1": "x" * 201}, "200 tekens"),
        ("/oefenladder/maken/", rate_form([("", "Nee", 11)]), "Kies een cijfer van 0 tot 10"),
        ("/oefenladder/maken/", rate_form([("dansen", "Nee", 3)]), "Begin dan opnieuw"),
        (
            "/oefenladder/maken/",
            {"stage": "rate", "step-TOTAL_FORMS": "900"},
            "Begin dan opnieuw",
        ),
        ("/oefenladder/maken/", {"stage": "iets"}, "Begin dan opnieuw"),
        (
            f"/oefenladder/{step}/proberen/",
            {"stage": "before", "expected": "-1"},
            "Kies een cijfer van 0 tot 10",
        ),
    ]
    for url, form, message in cases:
        response = client.post(url, form)
        assert response.status_code in (200, 400), url
        assert message in response.content.decode(), (form, message)
    assert database_snapshot() == before


def test_an_after_form_for_a_try_that_was_not_started_changes_nothing() -> None:
    client = logged_in_client()
    make_ladder(client, [("", "Nee zeggen", 4)])
    step = LadderStep.objects.get(owner=client.account).pk
    before = database_snapshot()
    response = client.post(
        f"/oefenladder/{step}/proberen/", {"stage": "after", "actual": "3", "next": "again"}
    )
    assert response.status_code == 302 and response["Location"] == f"/oefenladder/{step}/proberen/"
    assert database_snapshot() == before


def test_the_ladder_is_exported_offered_for_the_summary_and_deleted_with_the_account() -> None:
    client = logged_in_client()
    make_ladder(client, [("", "Nee zeggen", 4), ("partner-need", "", 7)])
    step = step_ids(client)[0]
    try_step(client, step, expected=4, actual=2, helped="Vooraf ademen")
    client.post("/account/bevestigen/", {"passphrase": PASSPHRASE})
    exported = json.loads(client.post("/account/mijn-gegevens/export/").content)["practice_ladder"]
    assert [s["situation"][:10] for s in exported] == ["Nee zeggen", "Tegen je p"]
    assert exported[0]["tries"][0]["helped"] == "Vooraf ademen"

    me = Person(client.account, services.authenticate("merel", PASSPHRASE).data_key)
    section = next(s for s in summary.available(me) if s.key == "practise")
    ladder_part, helped_part = section.parts
    assert ladder_part.key == "practise.ladder" and ladder_part.title == "Wat ik oefen"
    assert (
        ladder_part.facts[0][0] == "Nee zeggen" and "1 keer geprobeerd" in ladder_part.facts[0][1]
    )
    assert helped_part.facts == (("Nee zeggen", "Vooraf ademen"),)

    client.post("/account/verwijderen/", {"passphrase": PASSPHRASE, "sure": "on"})
    assert not LadderStep.objects.exists()
