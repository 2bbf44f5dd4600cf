"""HL7 FHIR R4 from plain data, as JSON-ready dicts: a questionnaire result as a
QuestionnaireResponse (the answers) and an Observation (the scores), and a document Bundle
around chosen text and results. The account export and the shared summary both build a
result here, so one result has one encoding wherever it goes.

A `Result` is plain JSON, so a snapshot can keep it as it is. LOINC codes are used where the
questionnaire has them; everything else is coded in a local code system per questionnaire,
so a receiver never mistakes a local code for a standard one, and every answer carries its
score (the ordinal value), so a receiver can add up answers without knowing the code system.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
XHTML = "http://www.w3.org/1999/xhtml"
LOCAL = "urn:gezien:fhir"

Number = int | float


def local_system(questionnaire: str, part: str | None = None) -> str:
    return f"{LOCAL}:CodeSystem:{questionnaire}" + (f":{part}" if part else "")


def canonical(questionnaire: str, version: int | str) -> str:
    return f"{LOCAL}:Questionnaire:{questionnaire}|{version}"


class Coding(TypedDict):
    system: str
    code: str
    display: str


class Answer(TypedDict):
    link_id: str
    text: str  # the item's wording, in the language it was answered in
    definition: str | None  # the item's standard definition (a LOINC address), if any
    coding: Coding
    score: Number  # what the answer counts for


class Component(TypedDict):
    code: Coding
    value: bool | str | Number
    unit: str | None  # "percent", "score" or None (a plain count)


class Result(TypedDict):
    """One questionnaire result: the answers and the scores."""

    language: str
    questionnaire: str  # the canonical address of the questionnaire and its version
    authored: str  # ISO 8601 date-time
    answers: list[Answer]
    code: Coding  # what the total (or the set of scores) is
    total: Number | None
    absent_reason: str | None  # a data-absent-reason code when there is no total
    interpretation: Coding | None  # the level the total falls in
    components: list[Component]  # subscales, named outcomes and flags


def _concept(coding: Coding) -> dict[str, Any]:
    return {"coding": [dict(coding)], "text": coding["display"]}


def _value(value: bool | str | Number, unit: str | None = None) -> dict[str, Any]:
    """value[x] for a score or an outcome; a number with a unit or decimals is a Quantity."""
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, str):
        return {"valueString": value}
    if unit is not None or isinstance(value, float):
        quantity: dict[str, Any] = {"value": value}
        if unit == "percent":
            quantity.update(unit="%", system=UCUM, code="%")
        else:
            quantity.update(unit="score", system=UCUM, code="{score}")
        return {"valueQuantity": quantity}
    return {"valueInteger": value}


def _item(answer: Answer) -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": answer["link_id"], "text": answer["text"]}
    if answer["definition"]:
        item["definition"] = answer["definition"]
    coding = {
        **answer["coding"],
        "extension": [{"url": ORDINAL_VALUE, "valueDecimal": answer["score"]}],
    }
    item["answer"] = [{"valueCoding": coding}]
    return item


def questionnaire_response(
    result: Result, resource_id: str, subject: str | None = None
) -> dict[str, Any]:
    """The answers. `subject` is a reference to the person, who is also the author."""
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": resource_id,
        "language": result["language"],
        "questionnaire": result["questionnaire"],
        "status": "completed",
    }
    if subject:
        resource.update(subject={"reference": subject}, author={"reference": subject})
    resource["authored"] = result["authored"]
    resource["item"] = [_item(answer) for answer in result["answers"]]
    return resource


def observation(
    result: Result, resource_id: str, response: str, subject: str | None = None
) -> dict[str, Any]:
    """The scores: the total as the value, subscales, outcomes and flags as components, the
    level as interpretation. `response` is a reference to the QuestionnaireResponse."""
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "id": resource_id,
        "status": "final",
        "category": [
            {"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}
        ],
        "code": _concept(result["code"]),
    }
    if subject:
        resource["subject"] = {"reference": subject}
    resource["effectiveDateTime"] = result["authored"]
    resource["derivedFrom"] = [{"reference": response}]
    if result["total"] is not None:
        resource.update(_value(result["total"]))
    else:
        reason = {"system": DATA_ABSENT, "code": result["absent_reason"]}
        resource["dataAbsentReason"] = {"coding": [reason]}
    if result["interpretation"] is not None:
        resource["interpretation"] = [_concept(result["interpretation"])]
    if result["components"]:
        resource["component"] = [
            {"code": _concept(c["code"]), **_value(c["value"], c["unit"])}
            for c in result["components"]
        ]
    return resource


# --- A document ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """A section of a document: its text (paragraphs, a table of facts, a table of rows),
    its results and its subsections. One with none of these is left out."""

    title: str
    paragraphs: Sequence[str] = ()
    facts: Sequence[tuple[str, str]] = ()  # (label, value)
    rows: Sequence[Sequence[str]] = ()
    results: Sequence[Result] = ()
    sections: Sequence[Section] = ()


def _narrative(body: str) -> dict[str, str]:
    return {"status": "additional", "div": f'<div xmlns="{XHTML}">{body}</div>'}


def _paragraphs(texts: Sequence[str]) -> str:
    return "".join(f"<p>{html.escape(text)}</p>" for text in texts)


def _table(rows: Sequence[str]) -> str:
    return f"<table><tbody>{''.join(rows)}</tbody></table>" if rows else ""


def _text(section: Section) -> str:
    facts = [
        f"<tr><th>{html.escape(label)}</th><td>{html.escape(value)}</td></tr>"
        for label, value in section.facts
    ]
    rows = [
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
        for row in section.rows
    ]
    return _paragraphs(section.paragraphs) + _table(facts) + _table(rows)


def document(
    *,
    title: str,
    language: str,
    date: str,
    about: Sequence[str],
    sections: Sequence[Section],
    new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
) -> dict[str, Any]:
    """A document Bundle: a Composition first, a Patient without any identifying detail (the
    person wrote the document themselves, so it is also the author), then each result's
    QuestionnaireResponse and Observation. `about` are short lines on the document itself,
    shown as the Composition's own narrative."""
    entries: list[dict[str, Any]] = [{}]  # the Composition comes first; filled in below

    def add(resource: dict[str, Any]) -> str:
        reference = f"urn:uuid:{resource['id']}"
        entries.append({"fullUrl": reference, "resource": resource})
        return reference

    patient = add({"resourceType": "Patient", "id": new_id()})

    def composed(section: Section) -> dict[str, Any] | None:
        shown: dict[str, Any] = {"title": section.title}
        text = _text(section)
        if text:
            shown["text"] = _narrative(text)
        references = []
        for result in section.results:
            response = add(questionnaire_response(result, new_id(), patient))
            scores = add(observation(result, new_id(), response, patient))
            references += [{"reference": scores}, {"reference": response}]
        if references:
            shown["entry"] = references
        subsections = [shown_part for part in section.sections if (shown_part := composed(part))]
        if subsections:
            shown["section"] = subsections
        return shown if len(shown) > 1 else None

    shown_sections = [shown for section in sections if (shown := composed(section))]
    composition_id = new_id()
    composition: dict[str, Any] = {
        "resourceType": "Composition",
        "id": composition_id,
        "language": language,
        "text": _narrative(_paragraphs(about)),
        "status": "final",
        "type": {"text": title},
        "subject": {"reference": patient},
        "date": date,
        "author": [{"reference": patient}],
        "title": title,
    }
    if shown_sections:
        composition["section"] = shown_sections
    entries[0] = {"fullUrl": f"urn:uuid:{composition_id}", "resource": composition}
    bundle_id = new_id()
    return {
        "resourceType": "Bundle",
        "id": bundle_id,
        "language": language,
        "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{bundle_id}"},
        "type": "document",
        "timestamp": date,
        "entry": entries,
    }
