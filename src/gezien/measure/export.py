"""The questionnaires' part of 'export everything' (see core.export)."""

from __future__ import annotations

from typing import Any

from gezien.measure import fhir
from gezien.measure.store import all_results, current_definition
from gezien.vault.person import Person


def section(person: Person) -> list[dict[str, Any]]:
    """Every result with its answers and scores, and as FHIR R4 resources where the
    questionnaire is still known."""
    section = []
    for stored in all_results(person):
        entry = {"id": stored.id, **stored.content}
        instrument = current_definition(stored)
        if instrument is not None:
            fhir_input = {**stored.content, "id": stored.id}
            entry["fhir"] = [
                fhir.questionnaire_response(instrument, fhir_input),
                fhir.observation(instrument, fhir_input),
            ]
        section.append(entry)
    return section
