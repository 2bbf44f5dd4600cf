"""Reading and writing what a person wrote for their partner, and the notes kept after a
check-in conversation (sealed records)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from gezien.accounts.models import Account
from gezien.partner.models import CheckinNote, PartnerLetter
from gezien.vault.person import Person
from gezien.vault.records import save_only

MAX_TEXT_CHARS = 3_000


@dataclass(frozen=True)
class Written:
    texts: dict[str, str] = field(default_factory=dict)
    pages: tuple[str, ...] = ()


def letter(person: Person) -> Written:
    opened = person.records(PartnerLetter)
    if not opened:
        return Written()
    content = opened[0].content
    return Written(dict(content.get("texts", {})), tuple(content.get("pages", ())))


def save_letter(owner: Account, key: bytes, written: Written) -> None:
    save_only(PartnerLetter, owner, key, {"texts": written.texts, "pages": list(written.pages)})


def delete_letter(owner: Account) -> None:
    PartnerLetter.objects.filter(owner=owner).delete()


@dataclass(frozen=True)
class Note:
    id: str
    held_on: datetime.date
    agreement: str
    statements: tuple[str, ...]


def notes(person: Person) -> list[Note]:
    """Every kept note, newest first."""
    kept = [
        Note(
            id=str(opened.record.pk),
            held_on=datetime.date.fromisoformat(opened.content["held_on"]),
            agreement=opened.content.get("agreement", ""),
            statements=tuple(opened.content.get("statements", ())),
        )
        for opened in person.records(CheckinNote)
    ]
    return sorted(kept, key=lambda note: (note.held_on, note.id), reverse=True)


def keep_note(
    owner: Account, key: bytes, held_on: datetime.date, agreement: str, statements: list[str]
) -> CheckinNote:
    record = CheckinNote(owner=owner)
    record.seal_content(
        key, {"held_on": held_on.isoformat(), "agreement": agreement, "statements": statements}
    )
    record.save()
    return record
