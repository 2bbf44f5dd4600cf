"""Backups: a consistent copy while Gezien runs, restored into a fresh installation where
the person can log in and read what they saved. The backup holds ciphertext only."""

import pytest

from tests.support import Installation

PASSPHRASE = "lamp rivier brood herfst"
STORE = f"""
import pyotp
from gezien.accounts import second_factor, services
from django.core.management import call_command
call_command("migrate", verbosity=0)
unlocked, _ = services.create_account("merel", "{PASSPHRASE}")
secret = pyotp.random_base32()
second_factor.enable(unlocked.account, unlocked.data_key, secret, pyotp.TOTP(secret).now())
print(secret)
"""
READ = f"""
import pyotp, sys
from gezien.accounts import second_factor, services
from gezien.accounts.models import TotpDevice
from gezien.vault import crypto
unlocked = services.authenticate("merel", "{PASSPHRASE}")
device = TotpDevice.objects.get(account=unlocked.account)
aad = crypto.record_aad(unlocked.account.pk, "totp", device.pk)
print(crypto.open_sealed(unlocked.data_key, device.sealed_secret, aad).decode())
"""


@pytest.fixture
def installations():
    made = []

    def make() -> Installation:
        made.append(Installation())
        return made[-1]

    yield make
    for installation in made:
        installation.remove()


def test_a_backup_restores_into_a_fresh_installation_and_opens_with_the_passphrase(installations, tmp_path) -> None:
    original = installations()
    stored = original.python(STORE)
    assert stored.returncode == 0, stored.stderr
    secret = stored.stdout.strip().splitlines()[-1]

    target = tmp_path / "gezien.backup"
    made = original.gezien("backup", str(target))
    assert made.returncode == 0, made.stderr
    assert "100%" in made.stderr or "pg_dump" in made.stderr  # progress is shown
    content = target.read_bytes()
    assert secret.encode() not in content and PASSPHRASE.encode() not in content
    assert original.gezien("backup", str(target)).returncode == 2  # never overwrites

    fresh = installations()
    restored = fresh.gezien("restore", str(target))
    assert restored.returncode == 0, restored.stderr
    read = fresh.python(READ)
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip() == secret


def test_restore_refuses_to_overwrite_accounts_without_replace_and_bad_files(installations, tmp_path) -> None:
    original = installations()
    assert original.python(STORE).returncode == 0
    target = tmp_path / "gezien.backup"
    assert original.gezien("backup", str(target)).returncode == 0
    refused = original.gezien("restore", str(target))
    assert refused.returncode == 2 and "--replace" in refused.stderr
    assert original.gezien("restore", "--replace", str(target)).returncode == 0
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a backup at all")
    other = installations()
    failed = other.gezien("restore", str(junk))
    assert failed.returncode == 2 and "not a" in failed.stderr
    assert "Traceback" not in failed.stderr
