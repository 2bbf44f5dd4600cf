"""The check-ups as a section of the summary for a professional (core.summary): "my
check-ups over time" (per check-up the date and each questionnaire's score), and, as a part
of its own, what the person wrote in them. Never ticked in advance."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _

from gezien.checkup import plan, store
from gezien.checkup.due import local_day
from gezien.checkup.plan import DONE, Taken
from gezien.checkup.taking import forms
from gezien.core.lookups import KeptResult
from gezien.core.summary import Part, Section
from gezien.vault.person import Person


def _day(taken: Taken) -> str:
    return formats.date_format(local_day(taken.started_at), "j F Y")


def _scores(taken: Taken, kept: dict[str, KeptResult]) -> str:
    shown = [
        f"{kept[part.result].name}: {kept[part.result].summary}"
        for part in taken.parts
        if part.state == DONE and part.result in kept
    ]
    return " · ".join(shown)


def _reflections(taken: Taken) -> str:
    part = taken.part(plan.REFLECTIONS)
    if part is None or part.state != DONE:
        return ""
    lines = [
        f"{r.question.get()} {part.answers[r.id].strip()}"
        for r in plan.rules().reflections
        if part.answers.get(r.id, "").strip()
    ]
    return "\n".join(lines)


def section(person: Person) -> Section | None:
    taken = [t for t in reversed(store.all_checkups(person)) if t.has_answers]
    if not taken:
        return None
    lookup = forms()
    kept = lookup.kept(person) if lookup else {}
    parts = []
    rows = tuple((_day(t), scores) for t in taken if (scores := _scores(t, kept)))
    if rows:
        chosen = store.plan(person)
        intro = (
            _("I do this check-up about every %(n)d weeks, for myself.") % {"n": chosen.every_weeks}
            if chosen
            else ""
        )
        parts.append(
            Part("checkup.over_time", _("My check-ups over time"), (intro,) if intro else (), rows)
        )
    written = tuple(f"{_day(t)}\n{text}" for t in taken if (text := _reflections(t)))
    if written:
        parts.append(Part("checkup.reflections", _("What I wrote in my check-ups"), written))
    return Section("checkup", _("My check-ups"), tuple(parts))
