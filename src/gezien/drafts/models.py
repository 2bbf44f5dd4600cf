from __future__ import annotations

import hashlib
import hmac
from typing import Any

from django.conf import settings
from django.db import models

from gezien.vault.records import SealedRecord


def slot(key: bytes, form_key: str) -> str:
    """Where the draft of a form is found: an HMAC of the form key under the data key."""
    return hmac.new(key, f"gezien:draft-slot:{form_key}".encode(), hashlib.sha256).hexdigest()


class Draft(SealedRecord):
    """The words typed into one form that are not submitted yet.

    `slot` is an HMAC of the form key with the owner's data key, so the table does not
    show which forms a person is writing in; the form key itself is inside the sealed
    content. `version` goes up by one with every save (optimistic concurrency)."""

    KIND = "draft"

    slot = models.CharField(max_length=64)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "slot"], name="one_draft_per_form")]

    def keyed_columns(self, key: bytes, content: dict[str, Any]) -> dict[str, str]:
        return {"slot": slot(key, content["form"])}


class SubmitToken(models.Model):
    """One per submitted form instance: a repeated POST with the same token (a double
    click, a retry after a timeout) finds the row and gets the first result back.
    Holds no personal content: a random UUID and the address of what was created."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.UUIDField()
    target = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "token"], name="one_submit_per_token")
        ]
