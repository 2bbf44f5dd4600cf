"""The optional second step at login: an authenticator app (TOTP, RFC 6238) with
single-use backup codes. The app's secret is sealed with the person's data key."""

from __future__ import annotations

import logging
import time

import pyotp
import segno
from django.db import transaction
from django.utils import timezone

from gezien.accounts.models import Account, BackupCode, TotpDevice
from gezien.vault import codes, crypto

log = logging.getLogger("gezien.accounts")

BACKUP_CODES = 10
BACKUP_GROUPS = 6  # 24 characters, 120 random bits


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_svg(secret: str, username: str) -> str:
    """A QR code for the authenticator app, as an inline SVG drawn here (nothing is
    fetched from elsewhere)."""
    # No issuer name: an authenticator app listing "Gezien" could give the person away to
    # someone who checks their phone. The entry shows only the username they chose.
    uri = pyotp.TOTP(secret).provisioning_uri(name=username)
    return segno.make(uri, error="m").svg_inline(
        scale=4, dark="#000", light="#fff", omitsize=True, title="QR code", svgclass="qr-code"
    )


def aad(account_id: object, device_id: object) -> bytes:
    return crypto.record_aad(account_id, "totp", device_id)


def _step_matching(secret: str, code: str, after_step: int) -> int | None:
    """The time step (30 s) whose code matches, allowing one step of clock drift; a step
    at or before `after_step` was used already and never counts again."""
    code = "".join(c for c in code if c.isdigit())
    if len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    now_step = int(time.time()) // 30
    for step in (now_step, now_step - 1, now_step + 1):
        if step > after_step and totp.at(step * 30) == code:
            return step
    return None


def enable(account: Account, data_key: bytes, secret: str, code: str) -> list[str] | None:
    """Save the device when the code from the app matches; return the backup codes to show
    once, or None when the code was wrong."""
    step = _step_matching(secret, code, 0)
    if step is None:
        return None
    with transaction.atomic():
        TotpDevice.objects.filter(account=account).delete()
        device = TotpDevice(account=account, last_step=step)
        device.sealed_secret = crypto.seal(data_key, secret.encode(), aad(account.pk, device.id))
        device.save()
        backup = [codes.new_code(BACKUP_GROUPS) for _ in range(BACKUP_CODES)]
        BackupCode.objects.filter(account=account).delete()
        BackupCode.objects.bulk_create(
            BackupCode(account=account, code_hash=codes.code_hash(c)) for c in backup
        )
        account.credentials_changed_at = timezone.now()
        account.save(update_fields=["credentials_changed_at"])
    log.info("second step added id=%s", account.pk)
    return backup


def disable(account: Account) -> None:
    with transaction.atomic():
        TotpDevice.objects.filter(account=account).delete()
        BackupCode.objects.filter(account=account).delete()
        account.credentials_changed_at = timezone.now()
        account.save(update_fields=["credentials_changed_at"])
    log.info("second step removed id=%s", account.pk)


def verify(account: Account, data_key: bytes, code: str) -> bool:
    """A code from the app (each used once) or an unused backup code."""
    with transaction.atomic():
        device = TotpDevice.objects.select_for_update().filter(account=account).first()
        if device is None:
            return False
        sealed_with = aad(account.pk, device.id)
        secret = crypto.open_sealed(data_key, device.sealed_secret, sealed_with).decode()
        step = _step_matching(secret, code, device.last_step)
        if step is not None:
            device.last_step = step
            device.save(update_fields=["last_step"])
            return True
        used = BackupCode.objects.filter(
            account=account, code_hash=codes.code_hash(code), used_at__isnull=True
        ).update(used_at=timezone.now())
        if used:
            log.info("backup code used id=%s", account.pk)
        return bool(used)


def is_enabled(account: Account) -> bool:
    return TotpDevice.objects.filter(account=account).exists()


def backup_codes_left(account: Account) -> int:
    return BackupCode.objects.filter(account=account, used_at__isnull=True).count()
