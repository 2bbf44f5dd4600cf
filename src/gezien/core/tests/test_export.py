"""The contract behind "export everything" and "delete my account": every kind of sealed
record is in some app's export section, and every row that belongs to an account goes with
it."""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.db import models

from gezien.core import export
from gezien.vault.records import SealedRecord


def _sealed_models() -> set[type[models.Model]]:
    return {model for model in apps.get_models() if issubclass(model, SealedRecord)}


def test_every_kind_of_sealed_record_is_in_an_export_section() -> None:
    assert _sealed_models(), "no sealed models found: the check would prove nothing"
    missing = {model.__name__ for model in _sealed_models() - set(export.covered())}
    assert missing == set()


def test_every_row_of_an_account_is_deleted_with_it() -> None:
    account = apps.get_model(settings.AUTH_USER_MODEL)
    kept = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey)
        and field.related_model is account
        and field.remote_field.on_delete is not models.CASCADE
    ]
    assert kept == []
