"""Reading and writing the plan and the check-ups (sealed records). Reading takes the
Person, so every reader in a request shares the records opened once."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TypeVar

from django.db import transaction

from gezien.accounts.models import Account
from gezien.checkup.models import Checkup, CheckupPlan
from gezien.checkup.plan import Plan, Taken, new_checkup
from gezien.vault.person import Person
from gezien.vault.records import save_only

T = TypeVar("T")
# Each reflection answer: enough for a few paragraphs; longer is refused with a message.
MAX_REFLECTION_CHARS = 2_000


def plan(person: Person) -> Plan | None:
    opened = person.records(CheckupPlan)
    return Plan.from_content(opened[0].content) if opened else None


def save_plan(owner: Account, key: bytes, chosen: Plan) -> None:
    save_only(CheckupPlan, owner, key, chosen.as_content())


def all_checkups(person: Person) -> list[Taken]:
    """Every check-up, oldest first."""
    taken = [Taken.from_content(str(o.record.pk), o.content) for o in person.records(Checkup)]
    return sorted(taken, key=lambda t: t.started_at)


def one(person: Person, pk: object) -> Taken | None:
    return next((taken for taken in all_checkups(person) if taken.id == str(pk)), None)


def start(owner: Account, key: bytes, chosen: Plan, now: datetime.datetime) -> str:
    record = Checkup(owner=owner)
    record.seal_content(key, new_checkup(chosen, now).as_content())
    record.save()
    return str(record.pk)


def update(owner: Account, key: bytes, pk: str, change: Callable[[Taken], T]) -> T | None:
    """Apply `change` to the check-up as stored now and write it back, in one transaction
    with the row locked (SQLite: the write lock), so two requests for the same check-up (two
    tabs) apply one after the other and whatever `change` stores too is kept only with it.
    None when the check-up is gone."""
    with transaction.atomic():
        record = Checkup.objects.select_for_update().filter(owner=owner, pk=pk).first()
        if record is None:
            return None
        taken = Taken.from_content(str(record.pk), record.open_content(key))
        outcome = change(taken)
        record.seal_content(key, taken.as_content())
        record.save()
        return outcome


def delete(owner: Account, pk: str) -> None:
    Checkup.objects.filter(owner=owner, pk=pk).delete()
