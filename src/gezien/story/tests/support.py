"""Summary data for tests: a made-up questionnaire section, as the measure app could offer."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from gezien.story import summary
from gezien.story.summary import Answer, Part, Score, Section

MADE = datetime(2025, 6, 2, 12, 30, tzinfo=timezone.utc)


def scores() -> tuple[Score, ...]:
    answer = Answer("phq9_1", "Weinig interesse of plezier in activiteiten", 2,
                    "Meer dan de helft van de dagen", "44250-9", "LA6570-1")
    return (
        Score("phq9", "Somberheid (PHQ-9)", "2025-04-01", 15, "Matig ernstig", 27, "44249-1", "44261-6", (answer,)),
        Score("phq9", "Somberheid (PHQ-9)", "2025-05-20", 9, "Licht", 27, "44249-1", "44261-6", (answer,)),
    )


def sections() -> list[Section]:
    return [
        Section("help", "Hulpvraag", (
            Part("help.question", "Mijn hulpvraag", ("Ik zoek hulp bij somberheid.", "Ik wil rust."), suggested=True),
            Part("help.preferences", "Wat ik nodig heb", facts=(("Tempo", "Rustig"),), suggested=True),
        )),
        Section("story", "Mijn verhaal", (
            Part("story.childhood.happened", "Kindertijd: wat gebeurde er?", ("Thuis werd niet gepraat.",)),
            Part("story.childhood.missed", "Kindertijd: wat miste ik?", ("Troost <en> aandacht & rust.",)),
        )),
        Section("measure", "Vragenlijsten", (Part("measure.phq9", "Somberheid", scores=scores()),)),
    ]


def snapshot(chosen: list[str], language: str = "nl") -> dict:
    return summary.snapshot(sections(), chosen, language=language, made_at=MADE, expires_at=MADE + timedelta(days=7))
