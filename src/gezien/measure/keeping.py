"""The questionnaires as another app fills them in (see core.lookups.QuestionnaireForms): the
check-up shows their forms, and the results are kept here, as the person's own results, so
the history, the summary and the export show them like any other."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from django.urls import reverse

from gezien.core import lookups
from gezien.lib.text import Shown, current_language
from gezien.measure import catalogue, forms, presentation, store
from gezien.measure.definitions import Instrument
from gezien.measure.models import QuestionnaireResult
from gezien.measure.scoring import (
    IMPROVED,
    NO_RELIABLE_CHANGE,
    WORSENED,
    Result,
    reliable_change,
    score,
)
from gezien.vault.person import Person

# What each help-first flag of the definitions means, in the words of core.lookups.Answers.
HELP_FIRST = {"risk": "thoughts", "risk_unanswered": "thoughts_unanswered"}
DIRECTIONS = {
    IMPROVED: lookups.IMPROVED,
    WORSENED: lookups.WORSENED,
    NO_RELIABLE_CHANGE: lookups.NO_RELIABLE_CHANGE,
}


def _help_first(instrument: Instrument, result: Result) -> str | None:
    flag = presentation.help_first(instrument, result)
    return None if flag is None else HELP_FIRST.get(flag, "distress")


def _note(instrument: Instrument) -> str:
    if current_language() == "nl" and not instrument.dutch_available:
        return instrument.wording.dutch_note or ""
    if current_language() == "en" and not presentation.english_available(instrument):
        return instrument.wording.english_note or ""
    return ""


def _option(label: Shown, value: int) -> lookups.Option:
    return lookups.Option(value=value, label=label.text, lang=label.lang)


class Forms:
    def form(self, instrument_id: str) -> lookups.QuestionnaireForm | None:
        instrument = catalogue.offered().get(instrument_id)
        if instrument is None:
            return None
        name = instrument.name.shown()
        return lookups.QuestionnaireForm(
            id=instrument.id,
            name=name.text,
            lang=name.lang,
            instructions=instrument.instructions.shown().text,
            time_frame=instrument.time_frame.text.shown().text,
            items=tuple(
                lookups.FormItem(
                    id=item.id,
                    text=item.text.text,
                    lang=item.text.lang,
                    options=tuple(_option(o.label, o.value) for o in item.options),
                    optional=item.optional,
                    lead_in=item.lead_in.text if item.lead_in else "",
                )
                for item in presentation.form_items(instrument)
            ),
            minutes=catalogue.guidance()[instrument.id].minutes,
            language_note=_note(instrument),
        )

    def read(self, instrument_id: str, posted: Mapping[str, list[str]]) -> lookups.Answers:
        instrument = catalogue.offered().get(instrument_id)
        if instrument is None:
            raise ValueError(f"no questionnaire {instrument_id[:40]!r} on offer")
        values, missing = forms.read_answers(instrument, posted)
        return lookups.Answers(
            values=values,
            missing=tuple(item.id for item in missing),
            help_first=_help_first(instrument, score(instrument, values)),
        )

    def keep(self, person: Person, instrument_id: str, answers: lookups.Answers) -> str:
        instrument = catalogue.offered()[instrument_id]
        if answers.missing:
            raise ValueError("only a complete set of answers is kept")
        result = score(instrument, answers.values)
        language = presentation.wording_language(instrument)
        record = store.save(
            person.account, person.data_key, instrument, answers.values, result, language
        )
        return str(record.pk)

    def kept(self, person: Person) -> dict[str, lookups.KeptResult]:
        kept = {}
        for stored in store.all_results(person):
            instrument = stored.instrument
            if instrument is None:
                continue
            kept[stored.id] = lookups.KeptResult(
                id=stored.id,
                instrument_id=instrument.id,
                name=instrument.name.shown().text,
                taken_at=stored.taken_at.isoformat(),
                summary=presentation.summary(instrument, stored.result),
                help_first=_help_first(instrument, stored.result),
                history_url=reverse("measure:history", args=[instrument.id]),
            )
        return kept

    def change(self, person: Person, earlier_id: str, later_id: str) -> lookups.Change | None:
        results = {stored.id: stored for stored in store.all_results(person)}
        earlier, later = results.get(earlier_id), results.get(later_id)
        if earlier is None or later is None or earlier.instrument_id != later.instrument_id:
            return None
        instrument = later.instrument
        if instrument is None:
            return None
        before = presentation.compared_value(instrument, earlier.result)
        after = presentation.compared_value(instrument, later.result)
        figure = instrument.reliable_change
        unit = presentation.unit_words(figure.unit) or ""
        if not figure.available:
            direction = lookups.NONE_PUBLISHED
        elif before is None or after is None or earlier.version != later.version:
            direction = lookups.CANNOT_COMPARE
        else:
            compared = reliable_change(instrument, earlier.result, later.result)
            direction = DIRECTIONS[compared.direction]
        return lookups.Change(
            direction=direction,
            earlier=before,
            later=after,
            difference=after - before if before is not None and after is not None else None,
            threshold=figure.threshold,
            unit=unit,
        )

    def forget(self, person: Person, result_id: str) -> None:
        try:
            pk = uuid.UUID(result_id)
        except ValueError:
            return
        QuestionnaireResult.objects.filter(owner=person.account, pk=pk).delete()
