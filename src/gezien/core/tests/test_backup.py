"""Backups: a consistent copy while Gezien runs, restored into a fresh installation where
the person logs in (passphrase and second step) and reads what they wrote. That the backup
holds ciphertext only is part of the canary test (accounts/tests/test_canary.py)."""

import pyotp
import pytest

from tests.support import Installation, Server, http_client, post_form

PASSPHRASE = "lamp rivier brood herfst"
WRITTEN = "Vandaag heb ik mijn zus gebeld en het ging goed."
STORE = f"""
import pyotp, time
from django.core.management import call_command
from django.utils import timezone
from gezien.accounts import second_factor, services
from gezien.journal.models import JournalEntry
call_command("migrate", verbosity=0)
unlocked, _ = services.create_account("merel", "{PASSPHRASE}")
secret = pyotp.random_base32()
# The previous 30-second code: the current one must still be unused when logging in.
previous_code = pyotp.TOTP(secret).at(time.time() - 30)
second_factor.enable(unlocked.account, unlocked.data_key, secret, previous_code)
entry = JournalEntry(owner=unlocked.account)
entry.seal_content(unlocked.data_key, {{"date": "2024-05-14", "happened": "{WRITTEN}"}})
entry.save()
print(secret)
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


def test_a_backup_restores_into_a_fresh_installation_where_the_person_reads_their_journal(
    installations, tmp_path
) -> None:
    original = installations()
    stored = original.python(STORE)
    assert stored.returncode == 0, stored.stderr
    secret = stored.stdout.strip().splitlines()[-1]

    target = tmp_path / "gezien.backup"
    made = original.gezien("backup", str(target))
    assert made.returncode == 0, made.stderr
    assert "100%" in made.stderr or "pg_dump" in made.stderr  # progress is shown
    assert original.gezien("backup", str(target)).returncode == 2  # never overwrites

    fresh = installations()
    restored = fresh.gezien("restore", str(target))
    assert restored.returncode == 0, restored.stderr
    server = Server(installation=fresh)
    server.start()
    try:
        person = http_client()
        landed = post_form(
            person,
            f"{server.url}/account/inloggen/",
            {"username": "merel", "passphrase": PASSPHRASE},
        )
        assert "/account/inloggen/code/" in landed  # the second step, restored with the account
        landed = post_form(person, landed, {"code": pyotp.TOTP(secret).now()})
        assert "/inloggen/" not in landed, "the second step from the backup was refused"
        journal = person.open(f"{server.url}/dagboek/?maand=2024-05").read().decode()
        assert WRITTEN in journal
    finally:
        assert server.stop() == 0


def test_restore_refuses_to_overwrite_accounts_without_replace_and_bad_files(
    installations, tmp_path
) -> None:
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
