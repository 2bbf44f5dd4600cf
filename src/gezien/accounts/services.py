"""Accounts and their keys, as plain functions the views call."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from gezien.accounts import usernames
from gezien.accounts.models import Account
from gezien.vault import codes, crypto, rotation

log = logging.getLogger("gezien.accounts")

RECOVERY_GROUPS = 7  # 28 characters, 140 random bits
# The production parameters are KdfParams' defaults; the test settings lower them so the
# in-process tests run fast (the browser suite runs `gezien serve` with the real ones).
DEFAULT_KDF = crypto.KdfParams(**getattr(settings, "GEZIEN_TEST_KDF", {}))
# A real hash and wrapped key to spend the same work on when the username does not exist,
# so an unknown name and a wrong passphrase take about as long.
_DUMMY_HASH = make_password("not a real passphrase")
_DUMMY_SALT = crypto.new_salt()


class TakenError(Exception):
    """The username, or a look-alike of it, is already in use."""


@dataclass(frozen=True)
class Unlocked:
    account: Account
    data_key: bytes


def _wrap(
    account: Account, purpose: str, secret: str, data_key: bytes
) -> tuple[bytes, dict[str, int], bytes]:
    salt = crypto.new_salt()
    kek = crypto.derive_key(secret, salt, DEFAULT_KDF)
    return (
        salt,
        DEFAULT_KDF.as_dict(),
        crypto.seal(kek, data_key, crypto.wrap_aad(account.id, purpose)),
    )


def _unwrap(account: Account, purpose: str, secret: str) -> bytes | None:
    salt = bytes(getattr(account, f"{purpose}_salt"))
    params = crypto.KdfParams.from_dict(getattr(account, f"{purpose}_kdf"))
    wrapped = bytes(getattr(account, f"key_by_{purpose}"))
    try:
        return crypto.open_sealed(
            crypto.derive_key(secret, salt, params), wrapped, crypto.wrap_aad(account.id, purpose)
        )
    except crypto.VaultError:
        return None


def _set_passphrase(account: Account, passphrase: str, data_key: bytes) -> None:
    account.set_password(passphrase)
    account.passphrase_salt, account.passphrase_kdf, account.key_by_passphrase = _wrap(
        account, "passphrase", passphrase, data_key
    )


def _set_recovery(account: Account, data_key: bytes) -> str:
    code = codes.new_code(RECOVERY_GROUPS)
    account.recovery_salt, account.recovery_kdf, account.key_by_recovery = _wrap(
        account, "recovery", codes.canonical(code), data_key
    )
    return code


def _save_if_unchanged(account: Account, purpose: str, unwrapped_from: bytes) -> bool:
    """Save the account only when the wrap its data key came from is still the stored one.
    A data key replaced meanwhile (in another tab) must never be overwritten by wraps of the
    old one: what is sealed with the new key would no longer open."""
    columns = [f.attname for f in Account._meta.concrete_fields if not f.primary_key]
    fields = {name: getattr(account, name) for name in columns}
    unchanged = Account.objects.filter(pk=account.pk, **{f"key_by_{purpose}": unwrapped_from})
    return bool(unchanged.update(**fields))


def create_account(username: str, passphrase: str) -> tuple[Unlocked, str]:
    """A new account with a fresh data key; returns it unlocked, with the recovery code to
    show once."""
    name = usernames.normalise(username)
    key = usernames.skeleton(name)
    if Account.objects.filter(username_key=key).exists():
        raise TakenError
    data_key = crypto.new_key()
    account = Account(username=name, username_key=key)
    _set_passphrase(account, passphrase, data_key)
    code = _set_recovery(account, data_key)
    try:
        with transaction.atomic():
            account.save()
    except IntegrityError:
        raise TakenError from None
    log.info("account created id=%s", account.id)
    return Unlocked(account, data_key), code


def _find(username: str) -> Account | None:
    try:
        name = usernames.normalise(username)
    except usernames.UsernameError:
        return None
    return Account.objects.filter(username_key=usernames.skeleton(name), username=name).first()


def authenticate(username: str, passphrase: str) -> Unlocked | None:
    """The account and its data key when the passphrase is right; None otherwise, after the
    same amount of work whether or not the username exists."""
    account = _find(username)
    if account is None:
        check_password(passphrase, _DUMMY_HASH)
        crypto.derive_key(passphrase, _DUMMY_SALT, DEFAULT_KDF)
        return None
    if not account.check_password(passphrase):
        crypto.derive_key(passphrase, _DUMMY_SALT, DEFAULT_KDF)
        return None
    data_key = _unwrap(account, "passphrase", passphrase)
    if data_key is None:  # the wrapped key was tampered with
        log.warning("wrapped key does not open id=%s", account.id)
        return None
    return Unlocked(account, data_key)


def change_passphrase(account: Account, current: str, new: str) -> bool:
    """Re-wrap the data key under the new passphrase; content is not re-encrypted."""
    data_key = _unwrap(account, "passphrase", current) if account.check_password(current) else None
    if data_key is None:
        return False
    unwrapped_from = bytes(account.key_by_passphrase)
    _set_passphrase(account, new, data_key)
    account.credentials_changed_at = timezone.now()
    if not _save_if_unchanged(account, "passphrase", unwrapped_from):
        account.refresh_from_db()
        return False
    log.info("passphrase changed id=%s", account.id)
    return True


def reset_with_recovery_code(
    username: str, code: str, new_passphrase: str, second_step_code: str = ""
) -> tuple[Unlocked, str] | None:
    """A forgotten passphrase: the recovery code unwraps the data key, which is then wrapped
    under the new passphrase and a new recovery code (the old code stops working). With the
    second step on, its code is needed too: the recovery code alone does not get past it."""
    from gezien.accounts import second_factor

    account = _find(username)
    data_key = _unwrap(account, "recovery", codes.canonical(code)) if account else None
    if account is None or data_key is None:
        if account is None:
            crypto.derive_key(code, _DUMMY_SALT, DEFAULT_KDF)
        return None
    if second_factor.is_enabled(account) and not second_factor.verify(
        account, data_key, second_step_code
    ):
        return None
    unwrapped_from = bytes(account.key_by_recovery)
    _set_passphrase(account, new_passphrase, data_key)
    new_code = _set_recovery(account, data_key)
    account.credentials_changed_at = timezone.now()
    if not _save_if_unchanged(account, "recovery", unwrapped_from):
        return None
    log.info("passphrase reset with recovery code id=%s", account.id)
    return Unlocked(account, data_key), new_code


def client_address(request: HttpRequest) -> str:
    """The address the request came from, for throttling only (never stored: it is hashed).
    Behind N proxies (GEZIEN_PROXY_COUNT) it is the Nth address from the right in
    X-Forwarded-For, the last one a trusted proxy added."""
    hops = settings.PROXY_COUNT
    if hops:
        header: str = request.META.get("HTTP_X_FORWARDED_FOR", "")
        forwarded = [part.strip() for part in header.split(",") if part.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    address: str = request.META.get("REMOTE_ADDR", "")
    return address


class KeyChanging(Exception):
    """The data key was replaced again and again while this replacement ran (not expected
    outside of a test): nothing of this attempt was stored."""


def replace_data_key(
    account: Account, passphrase: str, use: Callable[[Unlocked, str], None]
) -> str | None:
    """A new data key, after a suspected compromise. Every value sealed with the old key is
    sealed again with the new one, and the passphrase and recovery-code wraps are replaced,
    all in one transaction: interrupted (even by kill -9), nothing changed and the old key
    still opens everything. Returns the new recovery code (the old code stops working), or
    None when the passphrase is wrong.

    `use(unlocked, code)` runs after the commit: the caller makes the new key this
    session's. Then values that a save in another tab sealed with the old key in the
    meantime are sealed again too."""
    if not account.check_password(passphrase):
        return None
    for _attempt in range(3):
        account.refresh_from_db()
        unwrapped_from = bytes(account.key_by_passphrase)
        old_key = _unwrap(account, "passphrase", passphrase)
        if old_key is None:
            return None
        new_key = crypto.new_key()
        # The Argon2id work happens before the transaction, which then only seals and writes.
        account.passphrase_salt, account.passphrase_kdf, account.key_by_passphrase = _wrap(
            account, "passphrase", passphrase, new_key
        )
        code = _set_recovery(account, new_key)
        account.credentials_changed_at = timezone.now()
        with transaction.atomic():
            # First the account row (locked until the commit): when the key was replaced
            # meanwhile (the button pressed twice), start again from the key stored now.
            if not _save_if_unchanged(account, "passphrase", unwrapped_from):
                continue
            count = rotation.reseal(account.pk, old_key, new_key)
        log.info("data key replaced id=%s values=%d", account.id, count)
        use(Unlocked(account, new_key), code)
        with transaction.atomic():
            rotation.reseal(account.pk, old_key, new_key)
        return code
    raise KeyChanging
