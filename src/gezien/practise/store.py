"""Reading and writing a person's practice ladder (sealed records, one per step). Reading
takes the Person; every change locks the whole ladder, because a step's place depends on
the others, and writes only the steps whose content changed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from typing import Any

from django.db import transaction
from django.utils import timezone

from gezien.accounts.models import Account
from gezien.practise import ladder
from gezien.practise.ladder import Step, Try
from gezien.practise.models import LadderStep
from gezien.vault.person import Person

MAX_STEPS = 30
MAX_TRIES = 200  # per step
MAX_SITUATION = 200
MAX_TEXT = 2000


class Full(Exception):
    """The ladder would have more than MAX_STEPS steps."""


class Gone(Exception):
    """The step is no longer on the ladder (deleted in another tab)."""


def _step(step_id: str, content: dict[str, Any]) -> Step:
    pending = content.get("pending")
    return Step(
        id=step_id,
        situation=content["situation"],
        expected=content["expected"],
        position=content.get("position", 0),
        example=content.get("example", ""),
        done=content.get("done", False),
        pending=pending["expected"] if pending else None,
        tries=tuple(Try(**tried) for tried in content.get("tries", [])),
    )


def content_of(step: Step) -> dict[str, Any]:
    """A step as it is sealed (and exported)."""
    return {
        "situation": step.situation,
        "example": step.example,
        "expected": step.expected,
        "position": step.position,
        "done": step.done,
        "pending": None if step.pending is None else {"expected": step.pending},
        "tries": [asdict(tried) for tried in step.tries],
    }


def steps(person: Person) -> list[Step]:
    """The person's ladder, easiest first (or in the order they chose)."""
    return ladder.ordered(
        [_step(str(opened.record.pk), opened.content) for opened in person.records(LadderStep)]
    )


def _change(
    owner: Account, key: bytes, change: Callable[[list[Step]], Sequence[Step]]
) -> list[Step]:
    """Apply `change` to the whole ladder under a lock; new steps (an empty id) are created,
    changed ones sealed again, and every step gets its place in the new order."""
    with transaction.atomic():
        records = {
            str(record.pk): record
            for record in LadderStep.objects.select_for_update().filter(owner=owner)
        }
        before = {
            step_id: _step(step_id, record.open_content(key)) for step_id, record in records.items()
        }
        after = ladder.numbered(change(ladder.ordered(list(before.values()))))
        if len(after) > MAX_STEPS:
            raise Full
        kept = {step.id for step in after}
        for step_id, record in records.items():
            if step_id not in kept:
                record.delete()
        for step in after:
            if step.id and before.get(step.id) == step:
                continue
            record = records[step.id] if step.id else LadderStep(owner=owner)
            record.seal_content(key, content_of(step))
            record.save()
        return after


def add(owner: Account, key: bytes, new: Sequence[Step]) -> None:
    """Put new steps (without an id) on the ladder, each before the first harder step."""

    def placed(current: list[Step]) -> list[Step]:
        for step in ladder.easy_to_hard(new):
            current = ladder.insert(current, replace(step, id=""))
        return current

    _change(owner, key, placed)


def _index(current: list[Step], step_id: str) -> int:
    return next((i for i, step in enumerate(current) if step.id == step_id), -1)


def move(owner: Account, key: bytes, step_id: str, direction: str) -> None:
    _change(owner, key, lambda current: ladder.move(current, _index(current, step_id), direction))


def _update(owner: Account, key: bytes, step_id: str, update: Callable[[Step], Step]) -> Step:
    result: list[Step] = []

    def changed(current: list[Step]) -> list[Step]:
        index = _index(current, step_id)
        if index < 0:
            raise Gone
        current[index] = update(current[index])
        result.append(current[index])
        return current

    _change(owner, key, changed)
    return result[0]


def start_try(owner: Account, key: bytes, step_id: str, expected: int) -> None:
    _update(owner, key, step_id, lambda step: replace(step, pending=expected))


class NotStarted(Exception):
    """The try was already told about (another tab, or the same form twice)."""


class TooMany(Exception):
    """The step has MAX_TRIES tries."""


def finish_try(
    owner: Account,
    key: bytes,
    step_id: str,
    *,
    actual: int,
    happened: str,
    helped: str,
    done: bool,
) -> Try:
    """The started try with its actual distress; `done` says whether the person goes on to
    the next step."""

    def finished(step: Step) -> Step:
        if step.pending is None:
            raise NotStarted
        if len(step.tries) >= MAX_TRIES:
            raise TooMany
        tried = Try(step.pending, actual, timezone.now().isoformat(), happened, helped)
        return replace(step, pending=None, done=done, tries=(*step.tries, tried))

    return _update(owner, key, step_id, finished).tries[-1]


def cancel_try(owner: Account, key: bytes, step_id: str) -> None:
    _update(owner, key, step_id, lambda step: replace(step, pending=None))


def delete(owner: Account, key: bytes, step_id: str) -> None:
    _change(owner, key, lambda current: [step for step in current if step.id != step_id])
