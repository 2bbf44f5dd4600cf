"""Accounts and their keys, as plain functions the views call."""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from gezien.accounts import usernames
from gezien.accounts.models import Account, Throttle
from gezien.vault import codes, crypto

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


def _wrap(account: Account, purpose: str, secret: str, data_key: bytes) -> tuple[bytes, dict, bytes]:
    salt = crypto.new_salt()
    kek = crypto.derive_key(secret, salt, DEFAULT_KDF)
    return salt, DEFAULT_KDF.as_dict(), crypto.seal(kek, data_key, crypto.wrap_aad(account.id, purpose))


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
    _set_passphrase(account, new, data_key)
    account.credentials_changed_at = timezone.now()
    account.save()
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
    if second_factor.is_enabled(account) and not second_factor.verify(account, data_key, second_step_code):
        return None
    _set_passphrase(account, new_passphrase, data_key)
    new_code = _set_recovery(account, data_key)
    account.credentials_changed_at = timezone.now()
    account.save()
    log.info("passphrase reset with recovery code id=%s", account.id)
    return Unlocked(account, data_key), new_code


# Throttling -----------------------------------------------------------------------------

ACCOUNT_FREE_FAILURES = 5
CLIENT_FREE_FAILURES = 20
WINDOW = timedelta(minutes=15)
LONGEST_WAIT = timedelta(minutes=15)


def client_address(request: HttpRequest) -> str:
    """The address the request came from, for throttling only (never stored: it is hashed).
    Behind N proxies (GEZIEN_PROXY_COUNT) it is the Nth address from the right in
    X-Forwarded-For, the last one a trusted proxy added."""
    hops = settings.PROXY_COUNT
    if hops:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


def throttle_key(scope: str, value: str) -> str:
    """A counter's key: a keyed hash, so the table holds no username or address."""
    return hmac.new(settings.SECRET_KEY.encode(), f"{scope}:{value}".encode(), hashlib.sha256).hexdigest()


def throttle_keys(username: str, client: str) -> list[tuple[str, int]]:
    """The counters a login attempt touches, with how many failures each allows for free.
    The account counter uses the look-alike key, so variants of a name share it."""
    try:
        name_key = usernames.skeleton(usernames.normalise(username))
    except usernames.UsernameError:
        name_key = username.casefold()
    return [
        (throttle_key("account", name_key), ACCOUNT_FREE_FAILURES),
        (throttle_key("client", client), CLIENT_FREE_FAILURES),
    ]


def wait_seconds(keys: list[tuple[str, int]]) -> int:
    """How long until the next attempt is allowed (0: now)."""
    now = timezone.now()
    until = (
        Throttle.objects.filter(key__in=[k for k, _ in keys], blocked_until__gt=now)
        .order_by("-blocked_until")
        .values_list("blocked_until", flat=True)
        .first()
    )
    return int((until - now).total_seconds()) + 1 if until else 0


def record_failure(keys: list[tuple[str, int]]) -> None:
    now = timezone.now()
    for key, free in keys:
        with transaction.atomic():
            row, _ = Throttle.objects.select_for_update().get_or_create(
                key=key, defaults={"first_failure_at": now}
            )
            if now - row.first_failure_at > WINDOW:
                row.failures, row.first_failure_at = 0, now
            row.failures += 1
            over = row.failures - free
            if over > 0:
                # 2, 4, 8 … seconds, never longer than LONGEST_WAIT: slow for a guesser, short
                # enough that nobody can lock the real person out for long.
                row.blocked_until = now + min(timedelta(seconds=2**over), LONGEST_WAIT)
            row.save()


def clear_failures(keys: list[tuple[str, int]]) -> None:
    Throttle.objects.filter(key=keys[0][0]).delete()


def forget_old_failures() -> int:
    deleted, _ = Throttle.objects.filter(first_failure_at__lt=timezone.now() - timedelta(days=1)).delete()
    return deleted
