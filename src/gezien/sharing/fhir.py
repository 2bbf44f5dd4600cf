"""A summary snapshot as an HL7 FHIR R4 document Bundle (built by `gezien.lib.fhir`): every
chosen part as a section with its text as narrative, and each questionnaire result coded
exactly as in the account export."""

from __future__ import annotations

from typing import Any

from gezien.lib import fhir
from gezien.sharing.templatetags.sharing_tags import number


def _part(part: dict[str, Any]) -> fhir.Section:
    scores = part["scores"]
    return fhir.Section(
        title=part["title"],
        paragraphs=part["paragraphs"],
        facts=part["facts"],
        rows=[(s["date"], s["name"], number(s["total"]), s["band"]) for s in scores],
        # A snapshot made before results were coded this way has none; its table still shows them.
        results=[s["fhir"] for s in scores if s.get("fhir")],
    )


def bundle(data: dict[str, Any], *, title: str, about: list[str]) -> dict[str, Any]:
    """`about` are short lines on the document itself (who wrote it, shared on, valid
    until), shown as the Composition's own narrative."""
    sections = [
        fhir.Section(section["title"], sections=[_part(part) for part in section["parts"]])
        for section in data["sections"]
    ]
    return fhir.document(
        title=title, language=data["language"], date=data["made_at"], about=about, sections=sections
    )
