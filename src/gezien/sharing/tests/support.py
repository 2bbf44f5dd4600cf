"""Summary data for tests (a made-up questionnaire section, as the measure app could offer),
and the flow of previewing and sharing through the pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from gezien.core.summary import Part, Score, Section
from gezien.lib.fhir import Result
from gezien.sharing import snapshot as snapshots

MADE = datetime(2025, 6, 2, 12, 30, tzinfo=UTC)
LOINC = "http://loinc.org"


def coded(authored: str, total: int, band: str, band_label: str) -> Result:
    """A PHQ-9 result as the measure app codes it, cut down to one answer and one subscale."""
    return {
        "language": "nl",
        "questionnaire": "urn:gezien:fhir:Questionnaire:phq9|1",
        "authored": authored,
        "answers": [
            {
                "link_id": "phq9_1",
                "text": "Weinig interesse of plezier in activiteiten",
                "definition": f"{LOINC}/44250-9",
                "coding": {
                    "system": LOINC,
                    "code": "LA6570-1",
                    "display": "Meer dan de helft van de dagen",
                },
                "score": 2,
            }
        ],
        "code": {"system": LOINC, "code": "44261-6", "display": "PHQ-9 total score"},
        "total": total,
        "absent_reason": None,
        "interpretation": {
            "system": "urn:gezien:fhir:CodeSystem:phq9:bands",
            "code": band,
            "display": band_label,
        },
        "components": [
            {
                "code": {"system": LOINC, "code": "55758-7", "display": "PHQ-2"},
                "value": 4,
                "unit": None,
            },
        ],
    }


def scores() -> tuple[Score, ...]:
    return (
        Score(
            "phq9",
            "Somberheid (PHQ-9)",
            "2025-04-01",
            15,
            "Matig ernstig",
            27,
            coded("2025-04-01", 15, "moderately_severe", "Moderately severe"),
        ),
        Score(
            "phq9",
            "Somberheid (PHQ-9)",
            "2025-05-20",
            9,
            "Licht",
            27,
            coded("2025-05-20", 9, "mild", "Mild"),
        ),
    )


def sections() -> list[Section]:
    return [
        Section(
            "help",
            "Hulpvraag",
            (
                Part(
                    "help.question",
                    "Mijn hulpvraag",
                    ("Ik zoek hulp bij somberheid.", "Ik wil rust."),
                    suggested=True,
                ),
                Part(
                    "help.preferences",
                    "Wat ik nodig heb",
                    facts=(("Tempo", "Rustig"),),
                    suggested=True,
                ),
            ),
        ),
        Section(
            "story",
            "Mijn verhaal",
            (
                Part(
                    "story.childhood.happened",
                    "Kindertijd: wat gebeurde er?",
                    ("Thuis werd niet gepraat.",),
                ),
                Part(
                    "story.childhood.missed",
                    "Kindertijd: wat miste ik?",
                    ("Troost <en> aandacht & rust.",),
                ),
            ),
        ),
        Section("measure", "Vragenlijsten", (Part("measure.phq9", "Somberheid", scores=scores()),)),
    ]


def snapshot(chosen: list[str], language: str = "nl") -> dict:
    return snapshots.snapshot(
        sections(), chosen, language=language, made_at=MADE, expires_at=MADE + timedelta(days=7)
    )


# Flows through the pages, the way a person uses them ------------------------------------

import re  # noqa: E402
from html import unescape  # noqa: E402

from django.test import Client  # noqa: E402


def preview(client: Client, parts: list[str]) -> dict:
    response = client.post("/mijn-verhaal/samenvatting/bekijken/", {"parts": parts})
    assert response.status_code == 200, response.status_code
    page = response.content.decode()
    return {
        "page": page,
        "digest": re.search(r'name="digest" value="([^"]+)"', page).group(1),
        "form_token": re.search(r'name="form_token" value="([^"]+)"', page).group(1),
    }


def share(
    client: Client, parts: list[str], days: int = 7, with_code: bool = False, label: str = ""
) -> dict:
    """Preview and share; returns the professional's path (with id and key), the code and
    the response."""
    form = preview(client, parts)
    data = {
        "parts": parts,
        "days": days,
        "digest": form["digest"],
        "form_token": form["form_token"],
        "label": label,
    }
    if with_code:
        data["with_code"] = "on"
    response = client.post("/mijn-verhaal/delen/nieuw/", data)
    return {"response": response, "data": data, **shown_link(response.content.decode())}


def shown_link(page: str) -> dict[str, Any]:
    """The path of the link and the access code a "your link is ready" page shows (None
    when it shows none)."""
    link = re.search(r'<input type="url" id="share-link" value="([^"]*)"', page)
    code = re.search(r'<p class="share-code"><code>(.*?)</code>', page)
    return {
        "path": unescape(link.group(1)).split("testserver", 1)[1] if link else None,
        # The code as shown, in groups that do not break: XXXX-XXXX.
        "code": re.sub(r"<[^>]+>", "", code.group(1)) if code else None,
    }
