"""Replacing the data key survives a crash: the server and its workers are killed with
SIGKILL while the replacement is sealing everything again (seen from outside: its write
transaction is open), and after a restart the passphrase still opens every record. The
replacement is one transaction, so nothing of it was kept; doing it again then works.

On SQLite the open transaction shows as the database's write lock; on PostgreSQL as a
transaction of the server's in pg_stat_activity."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import urllib.error
from pathlib import Path

import pytest

from tests.support import Server, http_client, post_form

pytestmark = pytest.mark.browser

PASSPHRASE = "lamp rivier brood herfst"
# Enough records that sealing them again takes a while (about a second or more).
RECORDS = 3000


def _seed(server: Server) -> None:
    done = server.installation.python(
        "from gezien.accounts import services\n"
        "from gezien.journal.models import JournalEntry\n"
        f"unlocked, _ = services.create_account('merel', {PASSPHRASE!r})\n"
        "entries = []\n"
        f"for n in range({RECORDS}):\n"
        "    entry = JournalEntry(owner=unlocked.account)\n"
        "    content = {'date': '2024-05-14', 'happened': f'Bewaard {n}.'}\n"
        "    entry.seal_content(unlocked.data_key, content)\n"
        "    entries.append(entry)\n"
        "JournalEntry.objects.bulk_create(entries)\n"
    )
    assert done.returncode == 0, done.stderr


def _wrap(server: Server) -> str:
    done = server.installation.python(
        "from gezien.accounts.models import Account\n"
        "print(bytes(Account.objects.get().key_by_passphrase).hex())\n"
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _log_in(server: Server):
    client = http_client()
    landed = post_form(
        client, f"{server.url}/account/inloggen/", {"username": "merel", "passphrase": PASSPHRASE}
    )
    assert landed.endswith("/account/"), landed
    return client


def _readable(server: Server) -> list[str]:
    """What the person's export shows, after logging in with the passphrase."""
    client = _log_in(server)
    page = client.open(f"{server.url}/account/mijn-gegevens/", timeout=60).read().decode()
    token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    import urllib.parse
    import urllib.request

    request = urllib.request.Request(
        f"{server.url}/account/mijn-gegevens/export/",
        data=urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode(),
        headers={"Referer": f"{server.url}/account/mijn-gegevens/"},
    )
    export = json.loads(client.open(request, timeout=120).read())
    return [entry["happened"] for entry in export["journal"]]


def _writing(server: Server) -> bool:
    """Whether a write transaction of the server has been open for a while."""
    url = server.env.get("GEZIEN_DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as connection:
            (count,) = connection.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND xact_start IS NOT NULL "
                "AND now() - xact_start > interval '100 milliseconds'"
            ).fetchone()
        return count > 0
    probe = sqlite3.connect(
        Path(server.data_dir) / "gezien.sqlite3", timeout=0, isolation_level=None
    )
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()


def test_a_key_replacement_killed_halfway_loses_nothing() -> None:
    first = Server()
    first.start()
    _seed(first)
    second = None
    try:
        before = _wrap(first)
        client = _log_in(first)
        outcome: list = []

        def replace() -> None:
            try:
                outcome.append(
                    post_form(
                        client,
                        f"{first.url}/account/sleutel-vervangen/",
                        {"passphrase": PASSPHRASE},
                        timeout=120,
                    )
                )
            except (OSError, urllib.error.URLError) as error:
                outcome.append(error)

        replacing = threading.Thread(target=replace, daemon=True)
        replacing.start()
        seen = 0
        deadline = time.monotonic() + 120
        while seen < 2 and replacing.is_alive() and time.monotonic() < deadline:
            seen = seen + 1 if _writing(first) else 0
            time.sleep(0.05)
        assert seen == 2, f"the replacement ended before it could be interrupted: {outcome}"
        first.crash()
        replacing.join(timeout=30)
        assert _wrap(first) == before, "the replacement was not interrupted halfway"

        second = Server(same_data_as=first)
        second.start()
        expected = [f"Bewaard {n}." for n in range(RECORDS)]
        assert sorted(_readable(second)) == sorted(expected)
        # Replacing the key again now goes through, and everything still opens.
        landed = post_form(
            _log_in(second),
            f"{second.url}/account/sleutel-vervangen/",
            {"passphrase": PASSPHRASE},
            timeout=120,
        )
        assert landed.endswith("/account/herstelcode/") and _wrap(second) != before
        assert sorted(_readable(second)) == sorted(expected)
    finally:
        if second is not None:
            second.stop()
        first.stop()
