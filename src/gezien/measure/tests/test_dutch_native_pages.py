"""The K10 and MHI-5 end to end: the Dutch form, English readers, the K10 help before a high
score, kept results in the history chart, the summary and the FHIR export."""

from __future__ import annotations

import html
import json
import re

import pytest
from django.test import Client
from fhir.resources.observation import Observation
from fhir.resources.questionnaireresponse import QuestionnaireResponse

from gezien.accounts.testing import logged_in_client
from gezien.measure.tests.support import plain

K10_ITEM_1 = "Hoe vaak voelde u zich erg vermoeid zonder duidelijke reden?"
MHI5_ITEM_2 = "Zat u zo erg in de put dat niets u kon opvrolijken?"


def _k10(value: int) -> dict[str, str]:
    return {f"k10_{n}": str(value) for n in range(1, 11)}


@pytest.fixture
def dutch(client: Client) -> Client:
    client.get("/taal/nl/")
    return client


@pytest.fixture
def english(client: Client) -> Client:
    client.get("/taal/en/")
    return client


def test_the_k10_form_is_the_cbs_wording_in_dutch(dutch) -> None:
    page = dutch.get("/vragenlijsten/k10/").content.decode()
    text = plain(page)
    assert "De volgende vragen gaan over hoe u zich voelde in de afgelopen 4 weken?" in text
    assert K10_ITEM_1 in text and 'lang="nl"' not in page.split("<main")[1]
    assert re.findall(r'<label for="k10_1-(\d)">([^<]+)</label>', page) == [
        ("5", "Altijd"), ("4", "Meestal"), ("3", "Soms"), ("2", "Af en toe"), ("1", "Nooit"),
    ]  # fmt: skip


def test_english_readers_see_the_dutch_questions_marked_as_dutch_with_a_note(english) -> None:
    page = english.get("/vragenlijsten/mhi5/").content.decode()
    assert f'<span class="question-text" lang="nl">{MHI5_ITEM_2}</span>' in page
    assert '<label for="mhi5_1-5" lang="nl">voortdurend</label>' in page
    assert "This questionnaire is shown in Dutch" in plain(page)
    assert "These questions are about how you felt in the past 4 weeks." in plain(page)


def test_a_high_k10_score_shows_help_before_the_score_without_alarm(dutch) -> None:
    page = dutch.post("/vragenlijsten/k10/", _k10(3)).content.decode()  # 30: high band
    help_at = page.index('class="risk-help"')
    assert help_at < page.index('id="your-score"') < page.index("30 van 50 punten")
    block = plain(page[help_at : page.index("</section>", help_at)])
    assert "Je voelde je de afgelopen weken erg gespannen of somber." in block
    assert "gedachten" not in block  # the K10 asks nothing about suicide
    assert 'href="tel:113"' in page[help_at : page.index("</section>", help_at)]
    assert "Hoog risico op een angststoornis of depressie" in plain(page)


def test_a_k10_score_just_below_the_high_band_shows_no_help_block(dutch) -> None:
    answers = _k10(3) | {"k10_10": "2"}  # 29: moderate
    page = dutch.post("/vragenlijsten/k10/", answers).content.decode()
    assert 'class="risk-help"' not in page
    assert "29 van 50 punten" in plain(page) and "Matig risico" in plain(page)


def test_the_mhi5_result_is_the_published_0_to_100_score(english) -> None:
    answers = {"mhi5_1": "2", "mhi5_2": "2", "mhi5_3": "2", "mhi5_4": "2", "mhi5_5": "3"}
    text = html.unescape(plain(english.post("/vragenlijsten/mhi5/", answers).content.decode()))
    assert "56 of 100 points" in text
    assert "Signs of psychological distress (CBS: 'psychisch ongezond', below 60)" in text


def test_kept_results_are_charted_summarised_and_exported_as_fhir(tmp_path) -> None:
    person = logged_in_client("beuk")
    person.get("/taal/nl/")
    for value in (2, 4):
        assert person.post("/vragenlijsten/k10/", {**_k10(value), "keep": "on"}).status_code == 302
    mhi5 = {"mhi5_1": "0", "mhi5_2": "0", "mhi5_3": "5", "mhi5_4": "0", "mhi5_5": "5"}
    assert person.post("/vragenlijsten/mhi5/", {**mhi5, "keep": "on"}).status_code == 302

    history = person.get("/vragenlijsten/k10/verloop/").content.decode()
    assert 'class="chart' in history
    assert "Matig risico" in plain(history) and "Hoog risico" in plain(history)

    export = json.loads(person.post("/account/mijn-gegevens/export/").content)
    by_id = {entry["instrument"]: entry for entry in export["questionnaires"]}
    assert by_id["mhi5"]["result"]["total"] == 100 and by_id["mhi5"]["language"] == "nl"

    choose = person.get("/mijn-verhaal/samenvatting/").content.decode()
    assert 'value="measure.k10"' in choose and 'value="measure.mhi5"' in choose
    assert "Spanning en somberheid (K10)" in plain(choose)

    response, observation = by_id["k10"]["fhir"]
    QuestionnaireResponse.parse_obj(response)
    assert response["item"][0]["text"] == K10_ITEM_1
    coding = response["item"][0]["answer"][0]["valueCoding"]
    assert coding["system"] == "urn:gezien:fhir:CodeSystem:k10:frequency"
    Observation.parse_obj(observation)
    assert observation["code"]["coding"][0]["system"] == "urn:gezien:fhir:CodeSystem:k10"
