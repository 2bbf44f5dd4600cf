"""The FHIR document: it validates, holds the chosen text and scores, and nothing else."""

from __future__ import annotations

import json

import pytest
from fhir.resources import __fhir_version__
from fhir.resources.bundle import Bundle
from pydantic import ValidationError

from gezien.sharing import fhir
from gezien.sharing.tests.support import snapshot


def _bundle(chosen: list[str]) -> dict:
    return fhir.bundle(snapshot(chosen), title="Startbrief", about=["Gedeeld op 2 juni."])


def _resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_the_bundle_is_a_valid_fhir_r4_document_with_the_composition_first() -> None:
    assert __fhir_version__ == "4.0.1"
    bundle = _bundle(
        ["help.question", "help.preferences", "story.childhood.missed", "measure.phq9"]
    )
    parsed = Bundle.parse_obj(bundle)
    assert parsed.type == "document"
    kinds = [e.resource.resource_type for e in parsed.entry]
    assert kinds[0] == "Composition"
    assert kinds.count("QuestionnaireResponse") == 2 and kinds.count("Observation") == 2
    full_urls = {e["fullUrl"] for e in bundle["entry"]}
    references = _all_references(bundle)
    assert references and set(references) <= full_urls


def _all_references(value) -> list[str]:
    if isinstance(value, dict):
        found = [value["reference"]] if "reference" in value else []
        return found + [r for v in value.values() for r in _all_references(v)]
    if isinstance(value, list):
        return [r for v in value for r in _all_references(v)]
    return []


def test_scores_become_an_observation_and_a_questionnaire_response_with_loinc_codes() -> None:
    # Coded as in the account export (gezien.lib.fhir): the level in a local code system,
    # every answer with its score as an ordinal value.
    bundle = _bundle(["measure.phq9"])
    observation = _resources(bundle, "Observation")[0]
    assert observation["code"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": "44261-6",
        "display": "PHQ-9 total score",
    }
    assert observation["valueInteger"] == 15
    assert observation["interpretation"] == [
        {
            "coding": [
                {
                    "system": "urn:gezien:fhir:CodeSystem:phq9:bands",
                    "code": "moderately_severe",
                    "display": "Moderately severe",
                }
            ],
            "text": "Moderately severe",
        }
    ]
    response = _resources(bundle, "QuestionnaireResponse")[0]
    assert response["questionnaire"] == "urn:gezien:fhir:Questionnaire:phq9|1"
    coding = response["item"][0]["answer"][0]["valueCoding"]
    assert coding["code"] == "LA6570-1"
    ordinal = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
    assert coding["extension"] == [{"url": ordinal, "valueDecimal": 2}]
    assert observation["derivedFrom"][0]["reference"] in {e["fullUrl"] for e in bundle["entry"]}


def test_a_link_shared_before_results_were_coded_this_way_still_gives_a_valid_document() -> None:
    data = snapshot(["measure.phq9"])
    for score in data["sections"][0]["parts"][0]["scores"]:
        del score["fhir"]  # how a snapshot made before this version holds its scores
    bundle = fhir.bundle(data, title="Startbrief", about=["Gedeeld op 2 juni."])
    Bundle.parse_obj(bundle)
    assert _resources(bundle, "Observation") == _resources(bundle, "QuestionnaireResponse") == []
    text = json.dumps(bundle, ensure_ascii=False)
    assert "<td>Somberheid (PHQ-9)</td><td>15</td><td>Matig ernstig</td>" in text


def test_the_text_is_escaped_xhtml_narrative_and_unchosen_parts_are_absent() -> None:
    bundle = _bundle(["story.childhood.missed"])
    text = json.dumps(bundle, ensure_ascii=False)
    assert "Troost &lt;en&gt; aandacht &amp; rust." in text
    assert "Thuis werd niet gepraat" not in text and "somberheid" not in text.lower()
    assert _resources(bundle, "Observation") == []
    Bundle.parse_obj(bundle)


def test_the_validator_would_notice_a_broken_bundle() -> None:
    bundle = _bundle(["help.question"])
    del bundle["entry"][0]["resource"]["status"]
    with pytest.raises(ValidationError):
        Bundle.parse_obj(bundle)
