"""A stored result as plain FHIR data (`gezien.lib.fhir.Result`): which codes, names and
values stand for a questionnaire's answers and scores. The account export and the summary
for a professional both start here, so a result is encoded the same way in both.

LOINC codes are used where the definition file has them (PHQ-9, PHQ-2, GAD-7 and their
answer list); everything else is coded in a local code system per questionnaire.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gezien.lib import fhir
from gezien.measure.definitions import RESULT_FIELDS, Instrument, Item


def _answer(instrument: Instrument, item: Item, value: int, language: str) -> fhir.Answer:
    option = next(option for option in item.options.options if option.value == value)
    label = option.label.get(language)
    coding: fhir.Coding = (
        {"system": fhir.LOINC, "code": option.loinc, "display": label}
        if option.loinc
        else {
            "system": fhir.local_system(instrument.id, item.options.id),
            "code": str(value),
            "display": label,
        }
    )
    return {
        "link_id": item.id,
        # Wording published in one language only (English for most, Dutch for the K10 and
        # MHI-5) is always in that language.
        "text": item.text.get(language),
        "definition": f"{fhir.LOINC}/{item.loinc}" if item.loinc else None,
        "coding": coding,
        "score": value,
    }


def _coding(
    instrument: Instrument, local_code: str, loinc: str | None, display: str
) -> fhir.Coding:
    if loinc:
        return {"system": fhir.LOINC, "code": loinc, "display": display}
    return {"system": fhir.local_system(instrument.id), "code": local_code, "display": display}


def _components(instrument: Instrument, result: Mapping[str, Any]) -> list[fhir.Component]:
    components: list[fhir.Component] = []
    for subscale in instrument.subscales:
        value = result["subscales"].get(subscale.id)
        if value is not None:
            code = _coding(instrument, subscale.id, subscale.loinc_total, subscale.name.get("en"))
            components.append({"code": code, "value": value, "unit": None})
    for name, value in result.items():
        if name in RESULT_FIELDS or value is None:
            continue
        unit = instrument.scoring.scaled_unit if name == instrument.scoring.scaled_name else None
        code = _coding(instrument, name, None, name)
        components.append({"code": code, "value": value, "unit": unit})
    for flag in instrument.flags:
        components.append(
            {
                "code": _coding(instrument, f"flag-{flag.id}", None, f"flag {flag.id}"),
                "value": flag.id in result["flags"],
                "unit": None,
            }
        )
    return components


def result(instrument: Instrument, stored: Mapping[str, Any]) -> fhir.Result:
    """`stored` is a result as it is kept (language, taken_at, answers and the scored
    result), taken with this version of the questionnaire."""
    language = stored["language"]
    scores = stored["result"]
    has_total = instrument.scoring.method != "none"
    display = (
        f"{instrument.short_name} total score" if has_total else f"{instrument.short_name} scores"
    )
    total = scores["total"]
    absent = "error" if has_total else "not-applicable"
    band = next((b for b in instrument.bands.levels if b.id == scores["band"]), None)
    return {
        "language": language,
        "questionnaire": fhir.canonical(instrument.id, instrument.version),
        "authored": stored["taken_at"],
        "answers": [
            _answer(instrument, item, value, language)
            for item in instrument.items
            if (value := stored["answers"].get(item.id)) is not None
        ],
        "code": _coding(
            instrument, "total" if has_total else "scores", instrument.loinc.total, display
        ),
        "total": total,
        "absent_reason": None if total is not None else absent,
        "interpretation": None
        if band is None
        else {
            "system": fhir.local_system(instrument.id, "bands"),
            "code": band.id,
            "display": band.label.get("en"),
        },
        "components": _components(instrument, scores),
    }


def questionnaire_response(instrument: Instrument, stored: Mapping[str, Any]) -> dict[str, Any]:
    """The answers, for the export: named by the stored result's id."""
    return fhir.questionnaire_response(result(instrument, stored), stored["id"])


def observation(instrument: Instrument, stored: Mapping[str, Any]) -> dict[str, Any]:
    """The scores, for the export, derived from the answers above."""
    reference = f"QuestionnaireResponse/{stored['id']}"
    return fhir.observation(result(instrument, stored), f"{stored['id']}-scores", reference)
