"""\"What helps me\" as a part the person may add to the summary (see core.summary)."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gezien.core import summary
from gezien.exercises.store import what_helps_rows
from gezien.vault.person import Person


def section(me: Person) -> summary.Section | None:
    """ "What helps me" as a part the person may add to the summary for a professional."""
    rows = what_helps_rows(me)
    if not rows:
        return None
    facts = tuple(
        (
            row["name"],
            ngettext(
                "done %(times)d time; distress on average %(before)s before and %(after)s after "
                "(0–10)",
                "done %(times)d times; distress on average %(before)s before and %(after)s after "
                "(0–10)",
                row["times"],
            )
            % {
                **row,
                "before": number_format(row["before"], 1),
                "after": number_format(row["after"], 1),
            },
        )
        for row in rows
    )
    part = summary.Part(key="exercises.what-helps", title=_("Exercises that help me"), facts=facts)
    return summary.Section(key="exercises", title=_("What helps"), parts=(part,))
