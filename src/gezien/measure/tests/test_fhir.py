"""Each stored result as HL7 FHIR R4: a QuestionnaireResponse and an Observation, checked
against the R4 (4.0.1) models of the fhir.resources library."""

from __future__ import annotations

import pytest
from fhir.resources import __fhir_version__
from fhir.resources.observation import Observation
from fhir.resources.questionnaireresponse import QuestionnaireResponse

from gezien.measure import fhir
from gezien.measure.result_format import result_json
from gezien.measure.scoring import score

TAKEN_AT = "2026-03-02T09:30:00+01:00"


def _stored(instrument, answers: dict, language: str = "nl") -> dict:
    return {
        "id": "0b6f8a52-8c1e-4a43-9d59-6a3c2a1f0e11",
        "instrument": instrument.id,
        "version": instrument.version,
        "language": language,
        "taken_at": TAKEN_AT,
        "answers": answers,
        "result": result_json(instrument, score(instrument, answers)),
    }


def _highest(instrument) -> dict:
    return {item.id: item.options.highest for item in instrument.items}


def test_the_library_models_fhir_r4() -> None:
    assert __fhir_version__ == "4.0.1"


@pytest.mark.parametrize(
    "instrument_id", ["phq9", "gad7", "pcl5", "itq", "who5", "rses", "ace", "k10", "mhi5"]
)
def test_every_questionnaire_exports_valid_r4_resources(instruments, instrument_id) -> None:
    instrument = instruments[instrument_id]
    stored = _stored(instrument, _highest(instrument))
    response = QuestionnaireResponse.parse_obj(fhir.questionnaire_response(instrument, stored))
    observation = Observation.parse_obj(fhir.observation(instrument, stored))
    assert response.status == "completed" and observation.status == "final"
    assert len(response.item) == len(instrument.items)
    assert observation.derivedFrom[0].reference == f"QuestionnaireResponse/{stored['id']}"
    assert observation.category[0].coding[0].code == "survey"


def test_phq9_uses_loinc_for_the_panel_total_items_answers_and_phq2(instruments) -> None:
    instrument = instruments["phq9"]
    answers = {f"phq9_{n}": 1 for n in range(1, 10)} | {"phq9_1": 3, "phq9_difficulty": None}
    stored = _stored(instrument, answers)
    response = fhir.questionnaire_response(instrument, stored)
    first = response["item"][0]
    assert first["definition"] == "http://loinc.org/44250-9"
    assert (
        first["text"] == "Weinig interesse of plezier in activiteiten"
        and response["language"] == "nl"
    )
    coding = first["answer"][0]["valueCoding"]
    assert (coding["system"], coding["code"], coding["display"]) == (
        "http://loinc.org",
        "LA6571-9",
        "Bijna elke dag",
    )
    assert coding["extension"][0]["valueDecimal"] == 3
    assert "phq9_difficulty" not in [item["linkId"] for item in response["item"]]
    observation = fhir.observation(instrument, stored)
    assert observation["code"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": "44261-6",
        "display": "PHQ-9 total score",
    }
    assert observation["valueInteger"] == 11  # 3 + 8 x 1
    assert observation["interpretation"][0]["coding"][0]["code"] == "moderate"
    phq2 = next(c for c in observation["component"] if c["code"]["coding"][0]["code"] == "55758-7")
    assert phq2["valueInteger"] == 4
    risk = next(
        c for c in observation["component"] if c["code"]["coding"][0]["code"] == "flag-risk"
    )
    assert risk["valueBoolean"] is True


def test_questionnaires_without_loinc_codes_use_a_local_code_system(instruments) -> None:
    instrument = instruments["pcl5"]
    stored = _stored(instrument, {item.id: 2 for item in instrument.items}, language="en")
    response = fhir.questionnaire_response(instrument, stored)
    coding = response["item"][0]["answer"][0]["valueCoding"]
    assert coding["system"] == "urn:gezien:fhir:CodeSystem:pcl5:severity" and coding["code"] == "2"
    assert "definition" not in response["item"][0]
    observation = fhir.observation(instrument, stored)
    assert observation["code"]["coding"][0]["system"] == "urn:gezien:fhir:CodeSystem:pcl5"
    assert observation["valueInteger"] == 40 and "interpretation" not in observation
    outcome = next(
        c for c in observation["component"] if c["code"]["coding"][0]["code"] == "provisional_ptsd"
    )
    assert outcome["valueBoolean"] is True


def test_the_who5_percentage_is_a_ucum_quantity_and_the_itq_has_no_total(instruments) -> None:
    who5 = instruments["who5"]
    observation = fhir.observation(who5, _stored(who5, {item.id: 3 for item in who5.items}))
    percentage = next(
        c for c in observation["component"] if c["code"]["coding"][0]["code"] == "percentage"
    )
    assert percentage["valueQuantity"] == {
        "value": 60,
        "unit": "%",
        "system": "http://unitsofmeasure.org",
        "code": "%",
    }
    itq = instruments["itq"]
    observation = fhir.observation(itq, _stored(itq, _highest(itq)))
    assert "valueInteger" not in observation
    assert observation["dataAbsentReason"]["coding"][0]["code"] == "not-applicable"
    Observation.parse_obj(observation)
