"""The practice ladder's part of the summary for a professional: "what I am practising",
and what helped, each a part the person may choose."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gezien.core.summary import Part, Section
from gezien.practise import ladder, store
from gezien.practise.ladder import Step
from gezien.vault.person import Person


def status(step: Step) -> str:
    """How far the person is with a step, in one line."""
    parts = [_("expected distress %(n)d of 10") % {"n": step.expected}]
    if step.tries:
        parts.append(
            ngettext(
                "tried %(times)d time, the last time distress %(actual)d",
                "tried %(times)d times, the last time distress %(actual)d",
                len(step.tries),
            )
            % {"times": len(step.tries), "actual": step.tries[-1].actual}
        )
    else:
        parts.append(_("not tried yet"))
    if step.done:
        parts.append(_("done"))
    return "; ".join(parts)


def section(person: Person) -> Section | None:
    steps = store.steps(person)
    if not steps:
        return None
    catalogue = ladder.load()
    parts = [
        Part(
            "practise.ladder",
            _("What I am practising"),
            paragraphs=(
                _(
                    "Situations that are hard for me but safe, from easy to hard. Distress is "
                    "from 0 (calm) to 10 (the worst I can imagine)."
                ),
            ),
            facts=tuple((ladder.situation(step, catalogue), status(step)) for step in steps),
        )
    ]
    helped = tuple(
        (ladder.situation(step, catalogue), " ".join(tried.helped.split()))
        for step in steps
        for tried in step.tries
        if tried.helped.strip()
    )
    if helped:
        parts.append(Part("practise.helped", _("What helped me while practising"), facts=helped))
    return Section("practise", _("Practising"), tuple(parts))
