"""Questionnaire results as a section of the summary for a professional (core.summary):
per questionnaire one part the person may choose, with every result (newest first), its
level, and the answers with their LOINC codes for the FHIR bundle."""

from __future__ import annotations

from django.utils.translation import gettext as _

from gezien.core import summary
from gezien.measure import catalogue, storage
from gezien.measure.presentation import band_of, shown
from gezien.measure.storage import Stored
from gezien.vault.person import Person


def _score(stored: Stored) -> summary.Score:
    instrument = stored.instrument
    band = band_of(instrument, stored.result.band)
    answers = []
    for item in instrument.scored_items:
        value = stored.answers.get(item.id)
        option = next((o for o in item.options.options if o.value == value), None)
        if value is None or option is None:
            continue
        answers.append(
            summary.Answer(
                link_id=item.id, text=shown(item.text).text, value=value, display=shown(option.label).text,
                loinc=item.loinc, answer_loinc=option.loinc,
            )
        )
    return summary.Score(
        instrument=instrument.id,
        name=shown(instrument.name).text,
        date=stored.taken_at.isoformat(),
        total=stored.result.total,
        band=shown(band.label).text if band else "",
        loinc_panel=instrument.loinc.panel,
        loinc_total=instrument.loinc.total,
        answers=tuple(answers),
    )


def section(person: Person) -> summary.Section | None:
    results = [stored for stored in storage.all_results(person) if stored.instrument is not None]
    if not results:
        return None
    parts = []
    for instrument in catalogue.instruments().values():
        mine = storage.of_instrument(results, instrument.id)
        if mine:
            parts.append(
                summary.Part(
                    key=f"measure.{instrument.id}",
                    title=shown(instrument.name).text,
                    scores=tuple(_score(stored) for stored in reversed(mine)),
                )
            )
    return summary.Section(key="measure", title=_("Questionnaire results"), parts=tuple(parts))
