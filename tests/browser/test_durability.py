"""An entry whose save was acknowledged survives a crash: the server and its workers are
killed with SIGKILL while people are saving journal entries, and after a restart every
acknowledged entry is there and opens with the person's passphrase.

On SQLite this rests on WAL with synchronous=FULL (every commit is on disk before the
answer goes out); on PostgreSQL on its own commit (the CI server runs with fsync=off, so
there it shows that no acknowledged write was held back in Gezien's processes)."""

from __future__ import annotations

import threading
import time
import urllib.error

import pytest

from tests.support import Server, http_client, post_form

pytestmark = pytest.mark.browser

PASSPHRASE = "lamp rivier brood herfst"
WRITERS = 3
# A fixed past day, so all entries show on one month's overview whatever today is.
DAY, MONTH = "2024-05-14", "2024-05"


def _create_accounts(server: Server) -> None:
    done = server.installation.python(
        "from gezien.accounts import services\n"
        f"for n in range({WRITERS}): services.create_account(f'schrijver{{n}}', {PASSPHRASE!r})\n"
    )
    assert done.returncode == 0, done.stderr


def _log_in(server: Server, username: str):
    client = http_client()
    landed = post_form(
        client, f"{server.url}/account/inloggen/", {"username": username, "passphrase": PASSPHRASE}
    )
    assert not landed.endswith("/inloggen/"), f"{username} could not log in"
    return client


class Writer(threading.Thread):
    """One person saving entries one after another until the server goes away."""

    def __init__(self, server: Server, number: int) -> None:
        super().__init__(daemon=True)
        self.server, self.number = server, number
        self.client = _log_in(server, f"schrijver{number}")
        self.acknowledged: list[str] = []
        self.failed = 0
        self.go = threading.Event()

    def run(self) -> None:
        self.go.wait()
        count = 0
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            marker = f"bewaard-{self.number}-{count}"
            try:
                landed = post_form(
                    self.client,
                    f"{self.server.url}/dagboek/nieuw/",
                    {"date": DAY, "happened": f"Vandaag {marker} opgeschreven."},
                    timeout=10,
                )
            except (OSError, urllib.error.URLError):
                self.failed += 1  # the server is gone: this save was not acknowledged
                return
            if "stukje=" in landed:  # the overview, opened at the new entry: saved
                self.acknowledged.append(marker)
            count += 1


def test_acknowledged_entries_survive_kill_9_of_the_server() -> None:
    first = Server()
    first.start()  # creates the database
    _create_accounts(first)
    second = None
    try:
        writers = [Writer(first, n) for n in range(WRITERS)]
        for writer in writers:
            writer.start()
            writer.go.set()
        # Let them write for a while, then pull the plug in the middle of their saves.
        deadline = time.monotonic() + 30
        while sum(len(w.acknowledged) for w in writers) < 30 and time.monotonic() < deadline:
            time.sleep(0.05)
        first.crash()
        for writer in writers:
            writer.join(timeout=30)
        acknowledged = {n: w.acknowledged for n, w in enumerate(writers)}
        assert sum(len(a) for a in acknowledged.values()) >= 30, (
            "too few saves before the crash to mean anything"
        )
        assert sum(w.failed for w in writers) >= 1, "the crash did not interrupt any save"

        second = Server(same_data_as=first)
        second.start()
        for number, markers in acknowledged.items():
            client = _log_in(second, f"schrijver{number}")
            overview = (
                client.open(f"{second.url}/dagboek/?maand={MONTH}", timeout=30).read().decode()
            )
            missing = [m for m in markers if f"Vandaag {m} opgeschreven." not in overview]
            # The overview shows an entry's text only after opening it with the data key that
            # the passphrase unlocked: present and decrypting.
            assert missing == [], f"acknowledged but lost after the crash: {missing}"
    finally:
        if second is not None:
            second.stop()
        first.stop()
