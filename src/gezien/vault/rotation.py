"""Replacing a person's data key: every value sealed with it is sealed again with a new key.

What is sealed with the data key is found, not listed by hand: every model that inherits
SealedRecord (its `sealed` field, and the clear columns it derives from the key, see
SealedRecord.keyed_columns), and every other field an app registers here. A test
(vault/tests/test_rotation.py) fails for a binary field that is in neither and is not
known to be sealed with another key."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.apps import apps
from django.db import models

from gezien.vault import crypto
from gezien.vault.records import SealedRecord

log = logging.getLogger("gezien.vault")
Row = TypeVar("Row", bound=models.Model)


@dataclass(frozen=True)
class SealedField(Generic[Row]):
    """A field outside SealedRecord that holds a value sealed with its owner's data key."""

    model: type[Row]
    field: str
    owner: str  # the name of the foreign key to the account
    aad: Callable[[Row], bytes]


_fields: list[SealedField[Any]] = []


def register(model: type[Row], field: str, *, owner: str, aad: Callable[[Row], bytes]) -> None:
    """Declare a field sealed with the owner's data key (call it in AppConfig.ready)."""
    _fields.append(SealedField(model, field, owner, aad))


def registered() -> list[SealedField[Any]]:
    return list(_fields)


def record_models() -> list[type[SealedRecord]]:
    return [model for model in apps.get_models() if issubclass(model, SealedRecord)]


def _opened(old_key: bytes, new_key: bytes, value: bytes, aad: bytes) -> bytes | None:
    """The plain value when it is sealed with old_key; None when it needs nothing (it
    already opens with new_key) or cannot be opened at all (damaged before: left alone)."""
    try:
        return crypto.open_sealed(old_key, value, aad)
    except crypto.VaultError:
        try:
            crypto.open_sealed(new_key, value, aad)
        except crypto.VaultError:
            log.warning("a sealed value that does not open was left as it is")
        return None


def reseal(owner_id: uuid.UUID, old_key: bytes, new_key: bytes) -> int:
    """Seal every value of the account `owner_id` that is sealed with old_key again with
    new_key, and set the columns derived from the key. Values that already open with new_key
    are left, so running it again (after an interruption, or to catch a save that raced with
    it) is harmless. Call it inside a transaction; returns how many values were sealed again."""
    count = 0
    for model in record_models():
        records = model._default_manager.select_for_update()
        for record in records.filter(owner_id=owner_id):
            plain = _opened(old_key, new_key, bytes(record.sealed), record._aad())
            if plain is None:
                continue
            content = json.loads(plain)
            record.seal_content(new_key, content)
            model._default_manager.filter(pk=record.pk).update(
                sealed=record.sealed, **record.keyed_columns(new_key, content)
            )
            count += 1
    for item in _fields:
        rows = item.model._default_manager.select_for_update()
        for row in rows.filter(**{f"{item.owner}_id": owner_id}):
            aad = item.aad(row)
            plain = _opened(old_key, new_key, bytes(getattr(row, item.field)), aad)
            if plain is not None:
                item.model._default_manager.filter(pk=row.pk).update(
                    **{item.field: crypto.seal(new_key, plain, aad)}
                )
                count += 1
    return count
