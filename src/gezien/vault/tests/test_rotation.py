"""Replacing a person's data key: everything sealed with it is sealed again, found by kind
(SealedRecord and registered fields), so a new kind of record is covered without a list to
keep up; the person reads everything as before, old key and old recovery code open nothing,
other sessions end and shared links keep working."""

from __future__ import annotations

import json

import pytest
from django.apps import apps
from django.db import models
from django.test import Client

from gezien.accounts import services
from gezien.accounts.models import Account, SessionRecord
from gezien.accounts.testing import PASSPHRASE, logged_in_client, shown_recovery_code
from gezien.accounts.tests.test_canary import CANARY_WRITERS
from gezien.vault import crypto, rotation
from gezien.vault import session as vault_session
from gezien.vault.records import SealedRecord

# Binary fields that are not sealed with the owner's data key, and why. Any other binary
# field must be a SealedRecord's `sealed` or registered with vault.rotation.register().
NOT_THE_DATA_KEY = {
    ("Account", "passphrase_salt"): "a salt",
    ("Account", "recovery_salt"): "a salt",
    ("Account", "key_by_passphrase"): "the data key itself, wrapped: replaced by the rotation",
    ("Account", "key_by_recovery"): "the data key itself, wrapped: replaced by the rotation",
    ("Share", "snapshot"): "sealed with the link's own key",
    ("Share", "pdf"): "sealed with the link's own key",
    ("Share", "code_check"): "an HMAC under the link's own key",
}


def _gezien_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if m.__module__.startswith("gezien.")]


def test_every_field_sealed_with_the_data_key_is_replaced_by_the_rotation() -> None:
    registered = {(item.model, item.field) for item in rotation.registered()}
    uncovered = []
    for model in _gezien_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.BinaryField):
                continue
            covered = (
                (issubclass(model, SealedRecord) and field.name == "sealed")
                or (model, field.name) in registered
                or (model.__name__, field.name) in NOT_THE_DATA_KEY
            )
            if not covered:
                uncovered.append(f"{model._meta.label}.{field.name}")
    assert uncovered == [], "sealed with the data key but not replaced by vault.rotation"
    assert set(rotation.record_models()) == {
        m for m in _gezien_models() if issubclass(m, SealedRecord)
    }


def _export(client: Client) -> dict:
    client.post("/account/bevestigen/", {"passphrase": PASSPHRASE})
    data = json.loads(client.post("/account/mijn-gegevens/export/").content)
    data.pop("exported_at")
    data.pop("account")
    return data


def _sealed_values() -> dict[tuple[str, str], bytes]:
    values = {}
    for model in rotation.record_models():
        for record in model.objects.all():
            values[(model.__name__, str(record.pk))] = bytes(record.sealed)
    for item in rotation.registered():
        for row in item.model.objects.all():
            values[(item.model.__name__, str(row.pk))] = bytes(getattr(row, item.field))
    return values


@pytest.mark.django_db(transaction=True)
def test_replacing_the_data_key_seals_everything_again_and_keeps_it_readable() -> None:
    unlocked, old_code = services.create_account("merel", PASSPHRASE)
    old_key = unlocked.data_key
    person = logged_in_client()
    person.canary_secrets = []
    written = {writer.__name__: writer(person, "sleutel-merel") for writer in CANARY_WRITERS}
    share_id, share_key, share_code = person.shared_link
    kinds = {model.__name__ for model in rotation.record_models() if model.objects.exists()}
    assert kinds == {model.__name__ for model in rotation.record_models()}, (
        "a kind of sealed record has no canary writer, so key replacement is not tested for it"
    )
    before_export, before_sealed = _export(person), _sealed_values()
    elsewhere = logged_in_client()
    slots = set(SessionRecord.objects.values_list("session_key", flat=True))

    wrong = person.post("/account/sleutel-vervangen/", {"passphrase": "niet mijn wachtwoord"})
    assert "klopt niet" in wrong.content.decode() and _sealed_values() == before_sealed
    response = person.post("/account/sleutel-vervangen/", {"passphrase": PASSPHRASE})
    assert response.status_code == 302 and response["Location"] == "/account/herstelcode/"
    new_code = shown_recovery_code(person)
    person.post("/account/herstelcode/", {"last_part": new_code[-9:]})

    # Every sealed value changed, and the person reads exactly what they read before.
    after_sealed = _sealed_values()
    assert after_sealed.keys() == before_sealed.keys()
    assert [k for k in after_sealed if after_sealed[k] == before_sealed[k]] == []
    assert _export(person) == before_export
    assert all(
        text is None or text in json.dumps(_export(person), ensure_ascii=False)
        for text in written.values()
    )
    # Drafts and story periods are found by a slot made with the key: still found.
    assert "sleutel-" in person.get("/dagboek/stap/verder/").content.decode()
    assert "sleutel-" in person.get("/mijn-verhaal/kindertijd/").content.decode()
    # The old key opens nothing; the new one is in this browser only.
    new_key = services.authenticate("merel", PASSPHRASE).data_key
    assert new_key != old_key
    for model in rotation.record_models():
        for record in model.objects.all():
            with pytest.raises(crypto.VaultError):
                record.open_content(old_key)
    # The old recovery code is gone, the new one works; other sessions ended.
    assert services.reset_with_recovery_code("merel", old_code, "een ander lang wachtwoord") is None
    assert elsewhere.get("/account/").status_code == 302
    assert (
        SessionRecord.objects.count() == 1 and SessionRecord.objects.get().session_key not in slots
    )
    assert vault_session.COOKIE in person.cookies and person.get("/account/").status_code == 200
    # A link shared before still opens for the professional, with its own key and code.
    professional = Client()
    path = f"/gedeeld/?id={share_id}&key={share_key}"
    professional.post(path, {"code": share_code})
    assert "sleutel-" in professional.get(path).content.decode()
    assert Account.objects.get().credentials_changed_at is not None
    # The authenticator secret was sealed again too: the second step still works.
    import time

    import pyotp

    again = Client()
    assert (
        again.post(
            "/account/inloggen/", {"username": "merel", "passphrase": PASSPHRASE}
        ).status_code
        == 302
    )
    code = pyotp.TOTP(person.canary_secrets[0]).at(time.time() + 30)
    assert again.post("/account/inloggen/code/", {"code": code}).status_code == 302
    assert again.get("/account/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_replacement_twice_at_once_leaves_one_key_that_opens_everything() -> None:
    """A double click: the second replacement starts from the key the first one stored."""
    person = logged_in_client()
    person.post("/veiligheidsplan/", {"action": "save", "warning_signs_1": "Ik slaap slecht"})
    account = Account.objects.get()
    seen = []

    def use_first(unlocked, code) -> None:
        seen.append(unlocked.data_key)
        # The second click arrives while the first is between its commit and its sweep.
        services.replace_data_key(
            Account.objects.get(), PASSPHRASE, lambda u, c: seen.append(u.data_key)
        )

    assert services.replace_data_key(account, PASSPHRASE, use_first)
    assert len(seen) == 2 and seen[0] != seen[1]
    assert services.authenticate("merel", PASSPHRASE).data_key == seen[1]
    from gezien.safetyplan.models import SafetyPlan

    assert "Ik slaap slecht" in json.dumps(
        SafetyPlan.objects.get().open_content(seen[1]), ensure_ascii=False
    )
