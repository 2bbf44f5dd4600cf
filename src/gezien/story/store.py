"""Reading and writing the story periods and the help question (sealed records). Reading
takes the Person, so every reader in a request shares the records opened once; writing
takes the owner and the data key."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction

from gezien.accounts.models import Account
from gezien.story.models import HelpQuestion, StoryPeriod
from gezien.story.models import period_slot as _slot
from gezien.story.periods import BY_KEY, QUESTION_KEYS
from gezien.vault.person import Person
from gezien.vault.records import save_only

MAX_PART_CHARS = 20_000


class Conflict(Exception):
    """The period was saved elsewhere (another tab) after this form was opened."""

    def __init__(self, theirs: dict[str, str], version: int) -> None:
        super().__init__("story period changed elsewhere")
        self.theirs = theirs
        self.version = version


@dataclass
class Written:
    """One period as stored: its parts (question key -> text) and the version number
    (0 when nothing was saved yet)."""

    parts: dict[str, str] = field(default_factory=dict)
    version: int = 0

    @property
    def is_empty(self) -> bool:
        return not any(text.strip() for text in self.parts.values())


def _parts(content: dict[str, Any]) -> dict[str, str]:
    stored = content.get("parts", {})
    return {key: stored[key] for key in QUESTION_KEYS if isinstance(stored.get(key), str)}


def all_periods(person: Person) -> dict[str, Written]:
    slots = {_slot(person.data_key, key): key for key in BY_KEY}
    written = {key: Written() for key in BY_KEY}
    for opened in person.records(StoryPeriod):
        if opened.record.slot in slots:
            written[slots[opened.record.slot]] = Written(
                _parts(opened.content), opened.record.version
            )
    return written


def period(owner: Account, data_key: bytes, key: str) -> Written:
    record = StoryPeriod.objects.filter(owner=owner, slot=_slot(data_key, key)).first()
    return Written(_parts(record.open_content(data_key)), record.version) if record else Written()


def save_period(
    owner: Account, data_key: bytes, key: str, parts: dict[str, str], version: int
) -> int:
    """Store the period when `version` is still the stored one; returns the new version.
    Raises Conflict with the stored text when someone saved in between."""
    content = {"period": key, "parts": {k: parts.get(k, "") for k in QUESTION_KEYS}}
    slot = _slot(data_key, key)
    try:
        with transaction.atomic():
            record = StoryPeriod.objects.select_for_update().filter(owner=owner, slot=slot).first()
            if record is None:
                record = StoryPeriod(owner=owner, slot=slot)
            else:
                stored = _parts(record.open_content(data_key))
                if stored == content["parts"]:
                    return record.version
                if record.version != version:
                    raise Conflict(stored, record.version)
                record.version += 1
            record.seal_content(data_key, content)
            record.save()
            return record.version
    except IntegrityError:
        # Another tab created this period at the same moment.
        current = period(owner, data_key, key)
        raise Conflict(current.parts, current.version) from None


def help_question(person: Person) -> dict[str, Any]:
    stored = person.records(HelpQuestion)
    return stored[0].content if stored else {"answers": {}, "text": "", "edited": False}


def save_help_question(owner: Account, data_key: bytes, content: dict[str, Any]) -> None:
    save_only(HelpQuestion, owner, data_key, content)
