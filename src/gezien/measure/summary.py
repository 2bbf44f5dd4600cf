"""Questionnaire results as a section of the summary for a professional (core.summary):
per questionnaire one part the person may choose, with every result (newest first), its
level, and the result as FHIR data for the bundle, coded as in the export."""

from __future__ import annotations

from django.utils.translation import gettext as _

from gezien.core import summary
from gezien.measure import catalogue, fhir, store
from gezien.measure.definitions import Instrument
from gezien.measure.presentation import band_of
from gezien.measure.store import Stored
from gezien.vault.person import Person


def _score(instrument: Instrument, stored: Stored) -> summary.Score:
    band = band_of(instrument, stored.result.band)
    coded = store.current_definition(stored)
    return summary.Score(
        instrument=instrument.id,
        name=instrument.name.shown().text,
        date=stored.taken_at.isoformat(),
        total=stored.result.total,
        band=band.label.shown().text if band else "",
        fhir=fhir.result(coded, stored.content) if coded is not None else None,
    )


def section(person: Person) -> summary.Section | None:
    results = [stored for stored in store.all_results(person) if stored.instrument is not None]
    if not results:
        return None
    parts = []
    for instrument in catalogue.instruments().values():
        mine = store.of_instrument(results, instrument.id)
        if mine:
            parts.append(
                summary.Part(
                    key=f"measure.{instrument.id}",
                    title=instrument.name.shown().text,
                    scores=tuple(_score(instrument, stored) for stored in reversed(mine)),
                )
            )
    return summary.Section(key="measure", title=_("Questionnaire results"), parts=tuple(parts))
