"""The help navigator on the web: a POST form that works without an account, a result with
reasons and sources, and a clear message for answers that did not come from the form."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from gezien.accounts.testing import database_snapshot
from gezien.navigator import web

RULES = web.rules()


def post(data: dict, language: str = "nl"):
    client = Client()
    client.get(f"/taal/{language}/?next=/")
    return client.post("/hulpwijzer/", data)


def test_the_form_has_every_statement_and_question_in_fieldsets_with_legends():
    html = Client().get("/hulpwijzer/").content.decode()
    assert html.count("<fieldset") == 1 + len(RULES.preferences)
    assert html.count("<legend>") == html.count("<fieldset")
    for concern in RULES.concerns:
        assert f'value="{concern.id}"' in html and concern.text.nl in html
    for preference in RULES.preferences:
        assert preference.question.nl in html
        # The default answer is chosen already, so leaving a question open is easy.
        assert re.search(
            rf'value="{preference.default}"[^>]*name="{preference.id}"|name="{preference.id}"[^>]*value="{preference.default}"[^>]*checked',
            html,
        )
    assert 'method="post"' in html


def test_the_result_shows_help_with_reasons_evidence_and_sources_and_stores_nothing():
    before = database_snapshot()
    response = post({"concerns": ["low_mood", "keeps_returning"], "medication": "no"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Cognitieve gedragstherapie (CGT)" in html
    assert "Waarom dit kan passen" in html and "Wat onderzoek zegt" in html
    # Every source once, in one list at the end; the facts point to it by number.
    sources = html.split('class="disclosure source-list"')[1]
    assert sources.count("Onderzoeksrapport over de late gevolgen") == 1
    assert html.count("Onderzoeksrapport over de late gevolgen") == 1
    assert 'href="#source-1"' in html and 'id="source-1"' in sources
    assert 'href="/bibliotheek/cgt/"' in html
    # Excluded, with the reason in the person's own terms.
    excluded = html.split('id="excluded"')[1].split("</section>")[0]
    assert "Antidepressiva" in excluded and "geen medicijnen" in excluded
    assert "verwijsbrief" in html and "€385 in 2026" in html
    assert "Heeft u ervaring met mensen die als kind emotioneel tekortkwamen?" in html
    assert "vier gesprekken" in html
    assert database_snapshot() == before


def test_bridging_the_wait_links_only_to_tools_that_exist():
    html = post({"concerns": ["worry"]}).content.decode()
    bridge = html.split('id="bridge"')[1].split("</section>")[0]
    assert 'href="/veiligheidsplan/"' in bridge and 'href="/hulplijnen/"' in bridge
    assert "Oefeningen voor moeilijke momenten" in bridge
    for href in re.findall(r'href="(/[^"]*)"', bridge):
        assert Client().get(href).status_code == 200, href


def test_the_result_is_in_english_for_english_readers():
    html = post({"concerns": ["memories"], "trauma_work": "now"}, "en").content.decode()
    assert "EMDR and exposure" in html
    assert "Research report" in html.split('class="disclosure source-list"')[1]
    assert "First choice in the Dutch guideline for what you ticked." in html
    assert "Why this may fit" in html


def test_a_typical_profile_sees_trauma_focused_treatment_first_with_its_reason_once():
    html = post(
        {"concerns": ["memories", "detached", "unsure_feelings", "self_worth", "relationships"]}
    ).content.decode()
    suggested = html.split('id="suggested"')[1].split("</section>")[0]
    kinds = suggested.split('<li class="card help-kind">')[1:]
    first = kinds[0]
    assert "<h3>Traumagerichte behandeling, zoals EMDR en exposure</h3>" in first
    assert "Eerste keuze in de Nederlandse richtlijn voor wat je aanvinkte." in first
    assert first.count("De richtlijn PTSS van maart 2025 zet behandeling") == 1
    component = next(k for k in kinds if "Componentgebaseerde psychotherapie</h3>" in k)
    # Four ticks fit it: the strongest reason leads, the others follow once each.
    assert component.count("Je gaf aan dat") == 4
    assert component.index("Waarom het hier staat:") < component.index("Het past ook omdat:")


def test_nothing_ticked_still_gives_a_first_step():
    html = post({}).content.decode()
    assert "Huisarts en praktijkondersteuner (POH-GGZ)" in html


@pytest.mark.parametrize(
    "data",
    [
        {"concerns": ["everything"]},
        {"concerns": ["low_mood"], "medication": "maybe"},
        {"pace": "<script>"},
        {"concerns": "x" * 10_000},
    ],
)
def test_tampered_answers_get_a_clear_message_and_no_result(data):
    response = post(data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Dit antwoord staat niet in de lijst" in html
    assert 'id="suggested"' not in html
    assert "<script>" not in html.split("<main")[1]


def test_unknown_fields_are_ignored():
    assert post({"concerns": ["alone"], "colour": "blue"}).status_code == 200
