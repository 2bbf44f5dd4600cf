"""The klik-check's part of the summary, so the person can bring it to the therapist: how
each session felt, and what they want to bring up."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gezien.core.summary import Part, Section
from gezien.therapyfit import store, web
from gezien.vault.person import Person


def section(person: Person) -> Section | None:
    sessions = store.sessions(person)
    if not sessions:
        return None
    facts = []
    for row in reversed(web.rows(sessions)):
        when = date_format(row["date"], "j F Y")
        if row["with_whom"]:
            when = _("%(date)s, with %(name)s") % {"date": when, "name": row["with_whom"]}
        said = [_("Click: %(answer)s.") % {"answer": row["click"]}]
        if row["yes"]:
            said.append(_("This was there: %(points)s") % {"points": " ".join(row["yes"])})
        if row["no"]:
            said.append(_("This was missing: %(points)s") % {"points": " ".join(row["no"])})
        facts.append((when, " ".join(said)))
    parts = [
        Part(
            "therapyfit.sessions",
            _("How therapy sessions felt to me"),
            paragraphs=(
                _(
                    "After each session I reflected on points that people with experiences "
                    "like mine found important in therapy. This is not a validated "
                    "questionnaire and has no score."
                ),
            ),
            facts=tuple(facts),
        )
    ]
    notes = tuple(
        (date_format(web.day(session), "j F Y"), session.note)
        for session in sessions
        if session.note.strip()
    )
    if notes:
        parts.append(Part("therapyfit.notes", _("What I want to bring up"), facts=notes))
    return Section("therapyfit", _("Does this therapy fit me?"), tuple(parts))
