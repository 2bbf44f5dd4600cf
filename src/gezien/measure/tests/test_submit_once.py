"""A questionnaire sent twice (a double click, a retry after a timeout, the back button and
send again) stores one result, as the journal does."""

from __future__ import annotations

import re

from gezien.accounts.testing import logged_in_client
from gezien.measure.models import QuestionnaireResult

URL = "/vragenlijsten/phq9/"
ANSWERS = {f"phq9_{n}": "1" for n in range(1, 10)}


def _token(page: str) -> str:
    found = re.search(r'name="submit_token" value="([^"]+)"', page)
    assert found, "the questionnaire form has no submit token"
    return found.group(1)


def test_a_replayed_questionnaire_form_stores_one_result() -> None:
    client = logged_in_client()
    token = _token(client.get(URL).content.decode())
    first = client.post(URL, {**ANSWERS, "keep": "on", "submit_token": token})
    again = client.post(URL, {**ANSWERS, "keep": "on", "submit_token": token})
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert QuestionnaireResult.objects.count() == 1
    # A new visit to the form is a new questionnaire: it is stored too.
    token = _token(client.get(URL).content.decode())
    client.post(URL, {**ANSWERS, "keep": "on", "submit_token": token})
    assert QuestionnaireResult.objects.count() == 2


def test_the_token_survives_a_form_sent_back_for_missing_answers() -> None:
    client = logged_in_client()
    token = _token(client.get(URL).content.decode())
    incomplete = {k: v for k, v in ANSWERS.items() if k != "phq9_3"}
    page = client.post(URL, {**incomplete, "keep": "on", "submit_token": token}).content.decode()
    assert _token(page) == token
    assert QuestionnaireResult.objects.count() == 0


def test_without_an_account_the_form_still_works_and_stores_nothing(client) -> None:
    page = client.get(URL).content.decode()
    response = client.post(URL, {**ANSWERS, "submit_token": _token(page)})
    assert response.status_code == 200 and QuestionnaireResult.objects.count() == 0
