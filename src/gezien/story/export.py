"""The story app's part of 'export everything': the story, the help question and every
share with its openings (the shared snapshots themselves cannot be opened without their
links, so only what the person sees in their list is exported)."""

from __future__ import annotations

from typing import Any

from gezien.accounts.models import Account
from gezien.story import sharing, stories
from gezien.story.models import Share


def export_section(account: Account, data_key: bytes) -> dict[str, Any]:
    periods = stories.all_periods(account, data_key)
    return {
        "story": {key: written.parts for key, written in periods.items() if not written.is_empty},
        "help_question": stories.help_question(account, data_key),
        "shares": [
            {
                **share.open_content(data_key),
                "created_at": share.created_at.isoformat(),
                "expires_at": share.expires_at.isoformat(),
                "status": sharing.status(share),
                "openings": [
                    {"at": opening.opened_at.isoformat(), "what": opening.what} for opening in share.openings.all()
                ],
            }
            for share in Share.objects.filter(owner=account)
        ],
    }
