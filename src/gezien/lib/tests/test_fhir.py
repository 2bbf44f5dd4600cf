"""FHIR R4 from plain data: a document bundle checked field by field against one written out
by hand, and every resource validated by the R4 (4.0.1) models of the fhir.resources
library."""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterator

from fhir.resources.bundle import Bundle
from fhir.resources.observation import Observation
from fhir.resources.questionnaireresponse import QuestionnaireResponse

from gezien.lib import fhir

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
LOCAL = "urn:gezien:fhir:CodeSystem:demo"
AUTHORED = "2025-04-01T09:30:00+02:00"
MADE = "2025-06-02T12:30:00+00:00"

RESULT: fhir.Result = {
    "language": "nl",
    "questionnaire": "urn:gezien:fhir:Questionnaire:demo|2",
    "authored": AUTHORED,
    "answers": [
        {
            "link_id": "demo_1",
            "text": "Weinig plezier",
            "definition": f"{LOINC}/44250-9",
            "coding": {
                "system": LOINC,
                "code": "LA6570-1",
                "display": "Meer dan de helft van de dagen",
            },
            "score": 2,
        },
        {
            "link_id": "demo_2",
            "text": "Moe",
            "definition": None,
            "coding": {"system": f"{LOCAL}:often", "code": "3", "display": "Vaak"},
            "score": 3,
        },
    ],
    "code": {"system": LOINC, "code": "44261-6", "display": "DEMO total score"},
    "total": 5,
    "absent_reason": None,
    "interpretation": {"system": f"{LOCAL}:bands", "code": "mild", "display": "Mild"},
    "components": [
        {
            "code": {"system": LOCAL, "code": "percentage", "display": "percentage"},
            "value": 25,
            "unit": "percent",
        },
        {"code": {"system": LOCAL, "code": "sum_a", "display": "Sum A"}, "value": 4, "unit": None},
        {
            "code": {"system": LOCAL, "code": "flag-risk", "display": "flag risk"},
            "value": False,
            "unit": None,
        },
    ],
}


def _uuid(number: int) -> str:
    return f"00000000-0000-4000-8000-{number:012d}"


def _urn(number: int) -> str:
    return f"urn:uuid:{_uuid(number)}"


def _div(body: str) -> dict:
    return {
        "status": "additional",
        "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>',
    }


def _document() -> dict:
    ids: Iterator[str] = map(_uuid, itertools.count(1))
    sections = [
        fhir.Section(
            "Vragenlijsten",
            sections=[
                fhir.Section(
                    "Somberheid",
                    paragraphs=["Zo <ging> het."],
                    facts=[("Tempo", "Rustig & kalm")],
                    rows=[("2025-04-01", "Somberheid", "5", "Licht")],
                    results=[RESULT],
                ),
                fhir.Section("Leeg"),  # nothing to say: left out
            ],
        ),
        fhir.Section("Niets", sections=[fhir.Section("Ook leeg")]),  # left out with its title
    ]
    return fhir.document(
        title="Startbrief",
        language="nl",
        date=MADE,
        about=["Gedeeld op 2 juni."],
        sections=sections,
        new_id=lambda: next(ids),
    )


NARRATIVE = (
    "<p>Zo &lt;ging&gt; het.</p>"
    "<table><tbody><tr><th>Tempo</th><td>Rustig &amp; kalm</td></tr></tbody></table>"
    "<table><tbody><tr><td>2025-04-01</td><td>Somberheid</td><td>5</td><td>Licht</td></tr>"
    "</tbody></table>"
)
SURVEY = "http://terminology.hl7.org/CodeSystem/observation-category"


def test_a_document_bundle_by_hand() -> None:
    patient = {"reference": _urn(1)}
    expected = {
        "resourceType": "Bundle",
        "id": _uuid(5),
        "language": "nl",
        "identifier": {"system": "urn:ietf:rfc:3986", "value": _urn(5)},
        "type": "document",
        "timestamp": MADE,
        "entry": [
            {
                "fullUrl": _urn(4),
                "resource": {
                    "resourceType": "Composition",
                    "id": _uuid(4),
                    "language": "nl",
                    "text": _div("<p>Gedeeld op 2 juni.</p>"),
                    "status": "final",
                    "type": {"text": "Startbrief"},
                    "subject": patient,
                    "date": MADE,
                    "author": [patient],
                    "title": "Startbrief",
                    "section": [
                        {
                            "title": "Vragenlijsten",
                            "section": [
                                {
                                    "title": "Somberheid",
                                    "text": _div(NARRATIVE),
                                    "entry": [{"reference": _urn(3)}, {"reference": _urn(2)}],
                                }
                            ],
                        }
                    ],
                },
            },
            {"fullUrl": _urn(1), "resource": {"resourceType": "Patient", "id": _uuid(1)}},
            {
                "fullUrl": _urn(2),
                "resource": {
                    "resourceType": "QuestionnaireResponse",
                    "id": _uuid(2),
                    "language": "nl",
                    "questionnaire": "urn:gezien:fhir:Questionnaire:demo|2",
                    "status": "completed",
                    "subject": patient,
                    "author": patient,
                    "authored": AUTHORED,
                    "item": [
                        {
                            "linkId": "demo_1",
                            "text": "Weinig plezier",
                            "definition": "http://loinc.org/44250-9",
                            "answer": [
                                {
                                    "valueCoding": {
                                        "system": LOINC,
                                        "code": "LA6570-1",
                                        "display": "Meer dan de helft van de dagen",
                                        "extension": [{"url": ORDINAL, "valueDecimal": 2}],
                                    }
                                }
                            ],
                        },
                        {
                            "linkId": "demo_2",
                            "text": "Moe",
                            "answer": [
                                {
                                    "valueCoding": {
                                        "system": f"{LOCAL}:often",
                                        "code": "3",
                                        "display": "Vaak",
                                        "extension": [{"url": ORDINAL, "valueDecimal": 3}],
                                    }
                                }
                            ],
                        },
                    ],
                },
            },
            {
                "fullUrl": _urn(3),
                "resource": {
                    "resourceType": "Observation",
                    "id": _uuid(3),
                    "status": "final",
                    "category": [
                        {
                            "coding": [
                                {
                                    "system": SURVEY,
                                    "code": "survey",
                                    "display": "Survey",
                                }
                            ]
                        }
                    ],
                    "code": {
                        "coding": [
                            {"system": LOINC, "code": "44261-6", "display": "DEMO total score"}
                        ],
                        "text": "DEMO total score",
                    },
                    "subject": patient,
                    "effectiveDateTime": AUTHORED,
                    "derivedFrom": [{"reference": _urn(2)}],
                    "valueInteger": 5,
                    "interpretation": [
                        {
                            "coding": [
                                {"system": f"{LOCAL}:bands", "code": "mild", "display": "Mild"}
                            ],
                            "text": "Mild",
                        }
                    ],
                    "component": [
                        {
                            "code": {
                                "coding": [
                                    {"system": LOCAL, "code": "percentage", "display": "percentage"}
                                ],
                                "text": "percentage",
                            },
                            "valueQuantity": {
                                "value": 25,
                                "unit": "%",
                                "system": UCUM,
                                "code": "%",
                            },
                        },
                        {
                            "code": {
                                "coding": [{"system": LOCAL, "code": "sum_a", "display": "Sum A"}],
                                "text": "Sum A",
                            },
                            "valueInteger": 4,
                        },
                        {
                            "code": {
                                "coding": [
                                    {"system": LOCAL, "code": "flag-risk", "display": "flag risk"}
                                ],
                                "text": "flag risk",
                            },
                            "valueBoolean": False,
                        },
                    ],
                },
            },
        ],
    }
    bundle = _document()
    assert bundle == expected
    Bundle.parse_obj(bundle)


def test_the_same_result_outside_a_bundle_points_to_its_response_by_id_and_names_no_patient() -> (
    None
):
    response = fhir.questionnaire_response(RESULT, "r1")
    observation = fhir.observation(RESULT, "r1-scores", "QuestionnaireResponse/r1")
    assert response["id"] == "r1" and "subject" not in response and "author" not in response
    assert observation["derivedFrom"] == [{"reference": "QuestionnaireResponse/r1"}]
    assert "subject" not in observation
    in_bundle = {e["resource"]["resourceType"]: e["resource"] for e in _document()["entry"]}
    for alone, bundled in (
        (response, in_bundle["QuestionnaireResponse"]),
        (observation, in_bundle["Observation"]),
    ):
        assert _without(alone, "id", "derivedFrom") == _without(
            bundled, "id", "derivedFrom", "subject", "author"
        )
    QuestionnaireResponse.parse_obj(response)
    Observation.parse_obj(observation)


def _without(resource: dict, *keys: str) -> dict:
    return {key: value for key, value in resource.items() if key not in keys}


def test_a_total_with_decimals_is_a_quantity_and_a_missing_total_says_why() -> None:
    result = copy.deepcopy(RESULT)
    result["total"] = 7.5
    assert fhir.observation(result, "x", "QuestionnaireResponse/x")["valueQuantity"] == {
        "value": 7.5,
        "unit": "score",
        "system": UCUM,
        "code": "{score}",
    }
    result.update(total=None, absent_reason="not-applicable", interpretation=None, components=[])
    observation = fhir.observation(result, "x", "QuestionnaireResponse/x")
    assert observation["dataAbsentReason"] == {
        "coding": [
            {
                "system": "http://terminology.hl7.org/CodeSystem/data-absent-reason",
                "code": "not-applicable",
            }
        ]
    }
    assert not {"valueInteger", "valueQuantity", "interpretation", "component"} & observation.keys()
    Observation.parse_obj(observation)


def test_local_code_systems_and_the_questionnaire_are_named_under_gezien() -> None:
    assert fhir.local_system("pcl5") == "urn:gezien:fhir:CodeSystem:pcl5"
    assert fhir.local_system("pcl5", "severity") == "urn:gezien:fhir:CodeSystem:pcl5:severity"
    assert fhir.canonical("pcl5", 3) == "urn:gezien:fhir:Questionnaire:pcl5|3"
