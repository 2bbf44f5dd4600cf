"""When the next check-up is due, as the home page looks it up (core.lookups.checkups)."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from gezien.checkup import plan, store
from gezien.core.lookups import CheckupDue
from gezien.vault.person import Person


def local_day(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


def next_due(chosen: plan.Plan, taken: list[plan.Taken]) -> datetime.date:
    return plan.next_due(chosen, taken, timezone.localdate(), day_of=local_day)


class Due:
    def next_due(self, person: Person) -> CheckupDue | None:
        chosen = store.plan(person)
        if chosen is None:
            return None
        due = next_due(chosen, store.all_checkups(person))
        return CheckupDue(due, due <= timezone.localdate(), reverse("checkup:home"))
