"""The base for every model that stores personal content, and the ways to fetch such records:
one by id (scoped to its owner, 404 for anyone else), or all of one kind of an owner, opened;
and the way to store a kind an owner has only one of."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.http import Http404, HttpRequest

from gezien.vault import crypto

Record = TypeVar("Record", bound="SealedRecord")


class SealedRecord(models.Model):
    """A record whose content is a JSON object sealed with the owner's data key.

    The associated data binds the ciphertext to (owner, KIND, id): a ciphertext copied into
    another row or another account does not open."""

    KIND = ""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sealed = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def _aad(self) -> bytes:
        if not self.KIND:
            raise TypeError(f"{type(self).__name__} must set KIND")
        return crypto.record_aad(self.owner_id, self.KIND, self.id)

    def seal_content(self, key: bytes, content: dict[str, Any]) -> None:
        plaintext = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()
        self.sealed = crypto.seal(key, plaintext, self._aad())

    def open_content(self, key: bytes) -> dict[str, Any]:
        content: dict[str, Any] = json.loads(crypto.open_sealed(key, self.sealed, self._aad()))
        return content

    def keyed_columns(self, key: bytes, content: dict[str, Any]) -> dict[str, str]:
        """Clear columns derived from the data key (such as an HMAC to find the record by),
        as they must be with `key`: replacing the data key (vault.rotation) sets them anew.
        A model with such a column overrides this."""
        return {}


def owned_or_404(model: type[Record], request: HttpRequest, pk: object) -> Record:
    """The record with this id if it belongs to the logged-in person; 404 otherwise, so
    nobody learns whether someone else's record exists."""
    if not request.user.is_authenticated:
        raise Http404
    try:
        return model._default_manager.get(pk=pk, owner=request.user)
    except (model.DoesNotExist, ValueError):
        raise Http404 from None


@dataclass(frozen=True)
class Opened(Generic[Record]):
    """A record with its content opened. Shared by every reader in a request: read only."""

    record: Record
    content: dict[str, Any]


def open_all(model: type[Record], owner: object, key: bytes) -> tuple[Opened[Record], ...]:
    """Every record of this kind of the owner, opened, oldest first."""
    records = model._default_manager.filter(owner=owner).order_by("created_at", "id")
    return tuple(Opened(record, record.open_content(key)) for record in records)


def save_only(model: type[Record], owner: object, key: bytes, content: Any) -> Record:
    """Store `content` sealed as the owner's one record of this kind (a model unique per
    owner): the existing one is updated, or a new one made. When two requests make it at the
    same moment (two tabs), the database refuses the second, which then updates the first:
    one record, the last content."""

    def seal() -> Record:
        record = model._default_manager.filter(owner=owner).first() or model(owner=owner)
        record.seal_content(key, content)
        record.save()
        return record

    try:
        with transaction.atomic():
            return seal()
    except IntegrityError:
        return seal()
