"""A stored result as HL7 FHIR R4 resources: a QuestionnaireResponse with the answers and an
Observation with the scores, as plain JSON-ready dicts.

LOINC codes are used where the definition file has them (PHQ-9, PHQ-2, GAD-7 and their
answer list); everything else is coded in a local code system per questionnaire, so a
receiver never mistakes a local code for a standard one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gezien.measure.definitions import RESULT_FIELDS, Instrument, Item, Number, Text

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
LOCAL = "urn:gezien:fhir"


def local_system(instrument: Instrument, part: str | None = None) -> str:
    return f"{LOCAL}:CodeSystem:{instrument.id}" + (f":{part}" if part else "")


def canonical(instrument: Instrument) -> str:
    return f"{LOCAL}:Questionnaire:{instrument.id}|{instrument.version}"


def _in(text: Text, language: str) -> str:
    """The text in the language it was shown in; wording published in one language only
    (English for most, Dutch for the K10 and MHI-5) is always in that language."""
    return text.nl if text.nl and (language == "nl" or text.en is None) else text.en


def _wording(item: Item, language: str) -> str:
    return _in(item.text, language)


def _answer_coding(instrument: Instrument, item: Item, value: int, language: str) -> dict:
    option = next(option for option in item.options.options if option.value == value)
    label = _in(option.label, language)
    if option.loinc:
        coding = {"system": LOINC, "code": option.loinc, "display": label}
    else:
        coding = {
            "system": local_system(instrument, item.options.id),
            "code": str(value),
            "display": label,
        }
    # The answer's score, so a receiver can add it up without knowing the code system.
    coding["extension"] = [{"url": ORDINAL_VALUE, "valueDecimal": value}]
    return {"valueCoding": coding}


def questionnaire_response(instrument: Instrument, stored: Mapping[str, Any]) -> dict:
    language = stored["language"]
    items = []
    for item in instrument.items:
        value = stored["answers"].get(item.id)
        if value is None:
            continue
        entry: dict[str, Any] = {"linkId": item.id, "text": _wording(item, language)}
        if item.loinc:
            entry["definition"] = f"{LOINC}/{item.loinc}"
        entry["answer"] = [_answer_coding(instrument, item, value, language)]
        items.append(entry)
    return {
        "resourceType": "QuestionnaireResponse",
        "id": stored["id"],
        "language": language,
        "questionnaire": canonical(instrument),
        "status": "completed",
        "authored": stored["taken_at"],
        "item": items,
    }


def _code(instrument: Instrument, local_code: str, loinc: str | None, display: str) -> dict:
    if loinc:
        coding = {"system": LOINC, "code": loinc, "display": display}
    else:
        coding = {"system": local_system(instrument), "code": local_code, "display": display}
    return {"coding": [coding], "text": display}


def _value(value: Any, unit: str | None = None) -> dict:
    """value[x] for a score or an outcome; a number with a unit becomes a Quantity."""
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


def _components(instrument: Instrument, result: Mapping[str, Any]) -> list[dict]:
    components = []
    for subscale in instrument.subscales:
        value: Number | None = result["subscales"].get(subscale.id)
        if value is not None:
            code = _code(instrument, subscale.id, subscale.loinc_total, subscale.name.en)
            components.append({"code": code, **_value(value)})
    for name, value in result.items():
        if name in RESULT_FIELDS or value is None:
            continue
        unit = instrument.scoring.scaled_unit if name == instrument.scoring.scaled_name else None
        components.append({"code": _code(instrument, name, None, name), **_value(value, unit)})
    for flag in instrument.flags:
        components.append(
            {
                "code": _code(instrument, f"flag-{flag.id}", None, f"flag {flag.id}"),
                "valueBoolean": flag.id in result["flags"],
            }
        )
    return components


def observation(instrument: Instrument, stored: Mapping[str, Any]) -> dict:
    """The scores of one result: the total as the value (absent for a questionnaire without
    a total), subscales, named outcomes and flags as components, the band as interpretation."""
    result = stored["result"]
    has_total = instrument.scoring.method != "none"
    display = (
        f"{instrument.short_name} total score" if has_total else f"{instrument.short_name} scores"
    )
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "id": f"{stored['id']}-scores",
        "status": "final",
        "category": [
            {"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}
        ],
        "code": _code(
            instrument, "total" if has_total else "scores", instrument.loinc.total, display
        ),
        "effectiveDateTime": stored["taken_at"],
        "derivedFrom": [{"reference": f"QuestionnaireResponse/{stored['id']}"}],
    }
    if result["total"] is not None:
        resource.update(_value(result["total"]))
    else:
        reason = "not-applicable" if not has_total else "error"
        resource["dataAbsentReason"] = {"coding": [{"system": DATA_ABSENT, "code": reason}]}
    band = next((b for b in instrument.bands.levels if b.id == result["band"]), None)
    if band is not None:
        resource["interpretation"] = [
            {
                "coding": [
                    {
                        "system": local_system(instrument, "bands"),
                        "code": band.id,
                        "display": band.label.en,
                    }
                ],
                "text": band.label.en,
            }
        ]
    components = _components(instrument, result)
    if components:
        resource["component"] = components
    return resource
