"""The sharing app's part of 'export everything': every share with its openings. The shared
snapshots themselves cannot be opened without their links, so only what the person sees in
their list is exported."""

from __future__ import annotations

from typing import Any

from gezien.sharing import links
from gezien.sharing.models import Share
from gezien.vault.person import Person


def section(person: Person) -> list[dict[str, Any]]:
    return [
        {
            **share.open_content(person.data_key),
            "created_at": share.created_at.isoformat(),
            "expires_at": share.expires_at.isoformat(),
            "status": links.status(share),
            "openings": [
                {"at": opening.opened_at.isoformat(), "what": opening.what}
                for opening in share.openings.all()
            ],
        }
        for share in Share.objects.filter(owner=person.account)
    ]
