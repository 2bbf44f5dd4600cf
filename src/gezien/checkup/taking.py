"""Taking a check-up part by part, and comparing it with the one before. The questionnaires
are the measure app's, reached through core.lookups: their forms, scoring, results and
reliable-change figures stay there, and the results are kept there too, so a questionnaire's
history shows every time it was filled in, in a check-up or on its own."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from gezien.checkup import plan, store
from gezien.checkup.plan import DONE, OPEN, SKIPPED, Part, Taken
from gezien.core import lookups
from gezien.lib.text import Shown
from gezien.vault.person import Person


def forms() -> lookups.QuestionnaireForms | None:
    return lookups.questionnaire_forms()


def offered() -> dict[str, lookups.QuestionnaireForm]:
    """The check-up's questionnaires that this installation offers, in the file's order."""
    lookup = forms()
    if lookup is None:
        return {}
    found = {i: lookup.form(i) for i in plan.rules().questionnaires}
    return {i: form for i, form in found.items() if form is not None}


class WrongPart(Exception):
    """The form was for a part this check-up does not have, or the check-up is over."""


def _open_part(taken: Taken, part_id: str) -> Part:
    part = taken.part(part_id)
    if part is None or taken.finished_at is not None:
        raise WrongPart
    return part


def answer(person: Person, pk: str, part_id: str, answers: lookups.Answers) -> bool:
    """Keep a questionnaire's complete answers for this part. A part answered before (the
    page was sent again after going back) gets the new answers: the earlier result is
    deleted. False when the check-up is gone."""
    lookup = forms()
    assert lookup is not None  # a questionnaire part exists only with questionnaires

    def change(taken: Taken) -> bool:
        part = _open_part(taken, part_id)
        if not part.is_questionnaire:
            raise WrongPart
        if part.result:
            lookup.forget(person, part.result)
        part.result = lookup.keep(person, part_id, answers)
        part.state, part.help_first = DONE, answers.help_first
        return True

    return bool(store.update(person.account, person.data_key, pk, change))


def reflect(person: Person, pk: str, answers: dict[str, str]) -> bool:
    def change(taken: Taken) -> bool:
        part = _open_part(taken, plan.REFLECTIONS)
        part.answers = {key: text for key, text in answers.items() if text.strip()}
        part.state = DONE
        return True

    return bool(store.update(person.account, person.data_key, pk, change))


def skip(person: Person, pk: str, part_id: str) -> bool:
    def change(taken: Taken) -> bool:
        part = _open_part(taken, part_id)
        if part.state == OPEN:
            part.state = SKIPPED
        return True

    return bool(store.update(person.account, person.data_key, pk, change))


def finish(person: Person, pk: str, now: datetime.datetime) -> bool:
    """End the check-up now; parts not done stay open and show as not filled in."""

    def change(taken: Taken) -> bool:
        if taken.finished_at is None:
            taken.finished_at = now
        return True

    return bool(store.update(person.account, person.data_key, pk, change))


def close_if_done(person: Person, pk: str, now: datetime.datetime) -> None:
    def change(taken: Taken) -> None:
        if taken.finished_at is None and all(part.state != OPEN for part in taken.parts):
            taken.finished_at = now

    store.update(person.account, person.data_key, pk, change)


def forget(person: Person, taken: Taken) -> None:
    """Delete a check-up and the questionnaire results it kept."""
    lookup = forms()
    for part in taken.parts:
        if part.result and lookup is not None:
            lookup.forget(person, part.result)
    store.delete(person.account, taken.id)


# --- the result page ------------------------------------------------------------------------

FIRST, NOT_BEFORE, NOT_NOW, GONE, COMPARED = "first", "not_before", "not_now", "gone", "compared"


@dataclass(frozen=True)
class Row:
    """One questionnaire of this check-up beside the one before. `state` says what there is
    to show: COMPARED (with `change`), FIRST (no check-up before this one), NOT_BEFORE (the
    previous one did not hold this questionnaire, or it was not filled in then), NOT_NOW
    (not filled in this time) or GONE (the result was deleted)."""

    id: str
    name: str
    state: str
    now: str = ""
    then: str = ""
    change: lookups.Change | None = None
    history_url: str = ""


@dataclass(frozen=True)
class Reflected:
    question: Shown
    then: str
    now: str


@dataclass(frozen=True)
class Comparison:
    previous: Taken | None
    rows: tuple[Row, ...]
    reflections: tuple[Reflected, ...]


def _name(part_id: str, kept: lookups.KeptResult | None) -> str:
    if kept is not None:
        return kept.name
    form = offered().get(part_id)
    return form.name if form else part_id.upper()


def _row(
    person: Person, part: Part, before: Taken | None, kept: dict[str, lookups.KeptResult]
) -> Row:
    now = kept.get(part.result) if part.result else None
    name = _name(part.id, now)
    if part.state != DONE:
        return Row(part.id, name, NOT_NOW)
    if now is None:
        return Row(part.id, name, GONE)
    if before is None:
        return Row(part.id, name, FIRST, now=now.summary, history_url=now.history_url)
    earlier_part = before.part(part.id)
    then = kept.get(earlier_part.result) if earlier_part and earlier_part.result else None
    lookup = forms()
    change = lookup.change(person, then.id, now.id) if then and lookup else None
    if then is None or change is None:
        return Row(part.id, name, NOT_BEFORE, now=now.summary, history_url=now.history_url)
    return Row(
        part.id,
        name,
        COMPARED,
        now=now.summary,
        then=then.summary,
        change=change,
        history_url=now.history_url,
    )


def comparison(person: Person, taken: Taken, everything: list[Taken]) -> Comparison:
    before = plan.previous(everything, taken)
    lookup = forms()
    kept = lookup.kept(person) if lookup else {}
    rows = tuple(_row(person, part, before, kept) for part in taken.parts if part.is_questionnaire)
    reflections: tuple[Reflected, ...] = ()
    mine = taken.part(plan.REFLECTIONS)
    if mine is not None and mine.state == DONE:
        earlier = before.part(plan.REFLECTIONS) if before else None
        then = earlier.answers if earlier else {}
        reflections = tuple(
            Reflected(r.question.shown(), then.get(r.id, ""), mine.answers.get(r.id, ""))
            for r in plan.rules().reflections
        )
    return Comparison(before, rows, reflections)
