"""Reading and writing a person's session reflections (sealed records, one per session)."""

from __future__ import annotations

from typing import Any

from gezien.accounts.models import Account
from gezien.therapyfit import reflection
from gezien.therapyfit.models import SessionReflection
from gezien.vault.person import Person

MAX_NAME = 60
MAX_NOTE = 1000


def content_of(session: reflection.Session) -> dict[str, Any]:
    """A session as it is sealed (and exported)."""
    return {
        "date": session.date,
        "click": session.click,
        "points": dict(session.points),
        "with_whom": session.with_whom,
        "note": session.note,
    }


def sessions(person: Person) -> list[reflection.Session]:
    """The person's reflections, oldest session first."""
    return reflection.in_order(
        [
            reflection.Session(
                id=str(opened.record.pk),
                date=opened.content["date"],
                click=opened.content["click"],
                points=opened.content.get("points", {}),
                with_whom=opened.content.get("with_whom", ""),
                note=opened.content.get("note", ""),
                created=opened.record.created_at.isoformat(),
            )
            for opened in person.records(SessionReflection)
        ]
    )


def add(owner: Account, key: bytes, session: reflection.Session) -> None:
    record = SessionReflection(owner=owner)
    record.seal_content(key, content_of(session))
    record.save()
