from __future__ import annotations

from django.conf import settings
from django.db import models

from gezien.vault.records import SealedRecord


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


class SubmitToken(models.Model):
    """One per submitted form instance: a repeated POST with the same token (a double
    click, a retry after a timeout) finds the row and gets the first result back.
    Holds no personal content: a random UUID and the address of what was created."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.UUIDField()
    target = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "token"], name="one_submit_per_token")]
