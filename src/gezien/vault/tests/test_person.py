"""The person of a request: their records are opened once per request, however many parts
of the page read them, and nobody is a person without an open vault."""

from __future__ import annotations

import pytest
from django.test import Client

from gezien.accounts import services
from gezien.accounts.testing import PASSPHRASE, logged_in_client
from gezien.journal.models import JournalEntry
from gezien.safetyplan.models import SafetyPlan
from gezien.vault import crypto, person, session


@pytest.fixture
def opened(monkeypatch) -> list[int]:
    """Counts every sealed value opened (the data key from the session is one of them)."""
    count = [0]
    original = crypto.open_sealed

    def counting(*args, **kwargs):
        count[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(crypto, "open_sealed", counting)
    return count


def test_the_results_page_opens_every_result_once(opened) -> None:
    client = logged_in_client()
    answers = {f"phq9_{n}": "1" for n in range(1, 10)}
    for _ in range(3):
        client.post("/vragenlijsten/phq9/", {**answers, "keep": "on"})
    opened[0] = 0
    # The list and its four-week check-up notice both read every result.
    assert client.get("/vragenlijsten/uitslagen/").status_code == 200
    assert opened[0] == 1 + 3  # the data key, then each result once


def test_every_reader_in_a_request_shares_the_records_opened_once(opened) -> None:
    unlocked, _code = services.create_account("lijster", PASSPHRASE)
    plan = SafetyPlan(owner=unlocked.account)
    plan.seal_content(unlocked.data_key, {"steps": {}})
    plan.save()
    for n in range(3):
        entry = JournalEntry(owner=unlocked.account)
        entry.seal_content(unlocked.data_key, {"happened": f"dag {n}"})
        entry.save()
    me = person.Person(unlocked.account, unlocked.data_key)
    opened[0] = 0
    first = me.records(JournalEntry)
    again = me.records(JournalEntry)
    assert sorted(o.content["happened"] for o in again) == ["dag 0", "dag 1", "dag 2"]
    assert again is first and opened[0] == 3
    assert len(me.records(SafetyPlan)) == 1 and opened[0] == 4


def test_a_person_needs_a_login_and_an_open_vault() -> None:
    client = logged_in_client()
    assert person.of(client.get("/").wsgi_request).account == client.account
    client.cookies.pop(session.COOKIE)
    assert person.unlocked(client.get("/").wsgi_request) is None
    anonymous = Client().get("/").wsgi_request
    assert person.unlocked(anonymous) is None
    with pytest.raises(session.Locked):
        person.of(anonymous)
