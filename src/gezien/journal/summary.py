"""What helped, from the journal's tick boxes in the last three months, as a part the
person may add to the summary for a professional."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gezien.core import summary
from gezien.journal import content, entries
from gezien.vault.person import Person

PERIOD = "kwartaal"


def section(person: Person) -> summary.Section | None:
    found = content.patterns(
        entries.all_entries(person), PERIOD, timezone.localdate(), entries.vocabulary()
    )
    if not found.helpers:
        return None
    names = {helper.id: entries.name(helper) for helper in entries.helpers()}
    facts = tuple(
        (
            names.get(helper_id, helper_id),
            ngettext(
                "ticked %(n)d time in the last three months",
                "ticked %(n)d times in the last three months",
                count,
            )
            % {"n": count},
        )
        for helper_id, count in found.helpers
    )
    part = summary.Part(
        key="journal.what-helped", title=_("What helped me, from my journal"), facts=facts
    )
    return summary.Section(key="journal", title=_("What helps"), parts=(part,))
