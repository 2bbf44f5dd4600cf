"""A reflection after a session, posted through the page as a person would (for tests)."""

from __future__ import annotations

import uuid

from django.test import Client


def reflect(client: Client, day: str, click: str, **fields: str):
    """`fields`: point_<id>, with_whom, note."""
    form = {"date": day, "click": click, "submit_token": str(uuid.uuid4()), **fields}
    return client.post("/klikcheck/na-een-sessie/", form)
