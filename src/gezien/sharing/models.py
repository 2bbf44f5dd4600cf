from __future__ import annotations

from django.db import models

from gezien.vault.records import SealedRecord


class Share(SealedRecord):
    """A summary shared through a link.

    Sealed with the owner's data key: what the person sees in their list (a label, the
    titles of the parts). `snapshot` is the summary itself, sealed with a random key that
    exists only in the link; the server keeps only a SHA-256 of the link's id
    (`link_hash`) and never that key. Revoking, expiry and locking delete the snapshot."""

    KIND = "share"

    link_hash = models.CharField(max_length=64, unique=True)
    snapshot = models.BinaryField(null=True)
    expires_at = models.DateTimeField()
    # HMAC of the access code under the link key: the database alone cannot test codes.
    code_check = models.BinaryField(null=True)
    failed_codes = models.PositiveSmallIntegerField(default=0)
    revoked_at = models.DateTimeField(null=True)
    locked_at = models.DateTimeField(null=True)
    # Hash of the create form's one-time token: a repeated POST makes no second link.
    form_token = models.CharField(max_length=64, unique=True)
    # The snapshot as a PDF, made once and sealed with the link's key like the snapshot.
    pdf = models.BinaryField(null=True)

    class Meta:
        ordering = ["-created_at"]


class ShareOpening(models.Model):
    """When a share was opened and in which form: what the person sees. No IP address and
    no browser details are kept. Openings of the same form within a few minutes are one
    line: `count` says how many."""

    PAGE, PDF, FHIR = "page", "pdf", "fhir"
    WHAT = [(PAGE, "page"), (PDF, "pdf"), (FHIR, "fhir")]

    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="openings")
    opened_at = models.DateTimeField(auto_now_add=True)
    what = models.CharField(max_length=4, choices=WHAT)
    count = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-opened_at"]
