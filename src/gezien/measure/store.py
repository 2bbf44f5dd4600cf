"""Storing results through the vault and reading them back.

Everything about a result sits in the sealed content; listing a person's results means
opening all of them, once per request (the Person keeps them opened for every reader).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from gezien.accounts.models import Account
from gezien.measure import catalogue
from gezien.measure.definitions import Instrument
from gezien.measure.models import QuestionnaireResult
from gezien.measure.result_format import result_from_json, result_json
from gezien.measure.scoring import Result
from gezien.vault.person import Person

# The "emotional check-up": after four weeks a questionnaire about how you are doing now
# may be worth filling in again.
RETAKE_AFTER = datetime.timedelta(weeks=4)


@dataclass(frozen=True)
class Stored:
    id: str
    instrument_id: str
    version: int
    language: str
    taken_at: datetime.datetime
    answers: dict[str, int | None]
    result: Result
    content: dict[str, Any]

    @property
    def instrument(self) -> Instrument | None:
        """The current definition, or None when this questionnaire is no longer offered."""
        return catalogue.instruments().get(self.instrument_id)


def save(
    owner: Account,
    key: bytes,
    instrument: Instrument,
    answers: dict[str, int | None],
    result: Result,
    language: str,
    taken_at: datetime.datetime | None = None,
) -> QuestionnaireResult:
    record = QuestionnaireResult(owner=owner)
    record.seal_content(
        key,
        {
            "instrument": instrument.id,
            "version": instrument.version,
            "language": language,
            "taken_at": (taken_at or timezone.now()).isoformat(),
            "answers": answers,
            "result": result_json(instrument, result),
        },
    )
    record.save()
    return record


def opened(record: QuestionnaireResult, key: bytes) -> Stored:
    return _stored(record, record.open_content(key))


def _stored(record: QuestionnaireResult, content: dict[str, Any]) -> Stored:
    return Stored(
        id=str(record.pk),
        instrument_id=content["instrument"],
        version=content["version"],
        language=content["language"],
        taken_at=datetime.datetime.fromisoformat(content["taken_at"]),
        answers=content["answers"],
        result=result_from_json(content["result"]),
        content=content,
    )


def all_results(person: Person) -> list[Stored]:
    """Every stored result of this person, oldest first."""
    results = (_stored(o.record, o.content) for o in person.records(QuestionnaireResult))
    return sorted(results, key=lambda s: s.taken_at)


def of_instrument(results: Iterable[Stored], instrument_id: str) -> list[Stored]:
    return [stored for stored in results if stored.instrument_id == instrument_id]


def previous(results: Iterable[Stored], stored: Stored) -> Stored | None:
    """The latest earlier result of the same questionnaire and version."""
    earlier = [
        other
        for other in of_instrument(results, stored.instrument_id)
        if other.taken_at < stored.taken_at and other.version == stored.version
    ]
    return earlier[-1] if earlier else None


def latest(results: Iterable[Stored], instrument: Instrument) -> Stored | None:
    """The most recent result of this questionnaire in its current version."""
    same = [s for s in of_instrument(results, instrument.id) if s.version == instrument.version]
    return same[-1] if same else None


def due_for_retake(results: Iterable[Stored], now: datetime.datetime) -> list[Stored]:
    """Per questionnaire about how you are now (not the childhood history), the latest result
    when it is four weeks old or older."""
    latest: dict[str, Stored] = {}
    for stored in results:
        latest[stored.instrument_id] = stored
    return [
        stored
        for stored in latest.values()
        if stored.instrument is not None
        and stored.instrument.direction != "not_applicable"
        and now - stored.taken_at >= RETAKE_AFTER
    ]


def current_definition(stored: Stored) -> Instrument | None:
    """The questionnaire's definition when the result was taken with its current version.
    Answers to an older version may not fit today's items, so those are not coded in FHIR."""
    instrument = stored.instrument
    return instrument if instrument is not None and instrument.version == stored.version else None
