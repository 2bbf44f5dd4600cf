"""A summary snapshot as an HL7 FHIR R4 document Bundle.

The Bundle holds a Composition with every chosen part as a (sub)section with its text as
narrative, a Patient without any identifying detail (the person wrote the document
themselves, so it is also the author), and for each questionnaire score a
QuestionnaireResponse (the answers, when the snapshot has them) and an Observation (the
total, with its band as interpretation). Plain dicts, no Django."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from typing import Any

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
XHTML = "http://www.w3.org/1999/xhtml"


def _narrative(body: str) -> dict[str, str]:
    return {"status": "additional", "div": f'<div xmlns="{XHTML}">{body}</div>'}


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{html.escape(text)}</p>" for text in texts)


def _part_narrative(part: dict[str, Any]) -> str:
    body = _paragraphs(part["paragraphs"])
    if part["facts"]:
        rows = "".join(
            f"<tr><th>{html.escape(label)}</th><td>{html.escape(value)}</td></tr>" for label, value in part["facts"]
        )
        body += f"<table><tbody>{rows}</tbody></table>"
    if part["scores"]:
        rows = "".join(
            f"<tr><td>{html.escape(s['date'])}</td><td>{html.escape(s['name'])}</td>"
            f"<td>{html.escape(_number_text(s['total']))}</td><td>{html.escape(s['band'])}</td></tr>"
            for s in part["scores"]
        )
        body += f"<table><tbody>{rows}</tbody></table>"
    return body


def _number_text(value: int | float | None) -> str:
    return "" if value is None else f"{value:g}"


def _coding(code: str | None, text: str) -> dict[str, Any]:
    concept: dict[str, Any] = {"text": text}
    if code:
        concept["coding"] = [{"system": LOINC, "code": code, "display": text}]
    return concept


def _answer(answer: dict[str, Any]) -> dict[str, Any]:
    if answer["answer_loinc"]:
        return {"valueCoding": {"system": LOINC, "code": answer["answer_loinc"], "display": answer["display"]}}
    return {"valueInteger": answer["value"]}


def _questionnaire_response(score: dict[str, Any], patient: str) -> dict[str, Any]:
    response: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "status": "completed",
        "subject": {"reference": patient},
        "author": {"reference": patient},
        "authored": score["date"],
        "item": [
            {"linkId": a["link_id"], "text": a["text"], "answer": [_answer(a)]} for a in score["answers"]
        ],
    }
    if score["loinc_panel"]:
        response["questionnaire"] = f"{LOINC}/q/{score['loinc_panel']}"
    return response


def _observation(score: dict[str, Any], patient: str, response: str | None) -> dict[str, Any]:
    observation: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}],
        "code": _coding(score["loinc_total"], score["name"]),
        "subject": {"reference": patient},
        "effectiveDateTime": score["date"],
        "valueQuantity": {"value": score["total"], "unit": "{score}", "system": UCUM, "code": "{score}"},
    }
    if score["band"]:
        observation["interpretation"] = [{"text": score["band"]}]
    if response:
        observation["derivedFrom"] = [{"reference": response}]
    return observation


def bundle(
    data: dict[str, Any],
    *,
    title: str,
    about: list[str],
    new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
) -> dict[str, Any]:
    """`about` are short lines on the document itself (who wrote it, shared on, valid
    until), shown as the Composition's own narrative."""
    entries: list[dict[str, Any]] = []

    def add(resource: dict[str, Any]) -> str:
        resource_id = new_id()
        resource["id"] = resource_id
        entries.append({"fullUrl": f"urn:uuid:{resource_id}", "resource": resource})
        return f"urn:uuid:{resource_id}"

    composition: dict[str, Any] = {"resourceType": "Composition"}
    entries.append({})  # the Composition comes first in a document; filled in below
    patient = add({"resourceType": "Patient"})
    sections = []
    for section in data["sections"]:
        subsections = []
        for part in section["parts"]:
            subsection: dict[str, Any] = {"title": part["title"]}
            references = []
            for score in part["scores"]:
                response = add(_questionnaire_response(score, patient)) if score["answers"] else None
                if score["total"] is not None:
                    references.append({"reference": add(_observation(score, patient, response))})
                if response:
                    references.append({"reference": response})
            narrative = _part_narrative(part)
            if narrative:
                subsection["text"] = _narrative(narrative)
            if references:
                subsection["entry"] = references
            if narrative or references:
                subsections.append(subsection)
        if subsections:
            sections.append({"title": section["title"], "section": subsections})

    composition_id = new_id()
    composition.update({
        "id": composition_id,
        "language": data["language"],
        "text": _narrative(_paragraphs(about)),
        "status": "final",
        "type": {"text": title},
        "subject": {"reference": patient},
        "date": data["made_at"],
        "author": [{"reference": patient}],
        "title": title,
    })
    if sections:
        composition["section"] = sections
    entries[0] = {"fullUrl": f"urn:uuid:{composition_id}", "resource": composition}
    bundle_id = new_id()
    return {
        "resourceType": "Bundle",
        "id": bundle_id,
        "language": data["language"],
        "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{bundle_id}"},
        "type": "document",
        "timestamp": data["made_at"],
        "entry": entries,
    }
