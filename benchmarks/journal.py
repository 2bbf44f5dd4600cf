"""Benchmark (not a test): the journal for a person with three years of daily entries.

    .venv/bin/python benchmarks/journal.py [--entries 1100] [--repeat 20]

Creates a throwaway installation (SQLite in a temporary folder), one account with one
entry a day (text, body, map spot, feeling words with strength, what helped: sealed like
real entries), then times whole requests through Django (middleware, decrypting every
entry in memory, templates): the patterns page per period, a search that finds many
entries and one that finds one, and the overview. Aim: under 300 ms each."""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
os.environ["GEZIEN_DATA_DIR"] = tempfile.mkdtemp(prefix="gezien-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gezien.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.data import journal_content  # noqa: E402
from gezien import cli  # noqa: E402
from gezien.accounts import services  # noqa: E402
from gezien.journal.models import JournalEntry  # noqa: E402
from gezien.vault import session  # noqa: E402

PASSPHRASE = "lamp rivier brood herfst"


def _measure(label: str, run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = run()
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, f"{label}: {response.status_code}"
    times.sort()
    median = statistics.median(times)
    p95 = times[max(int(len(times) * 0.95) - 1, 0)]
    print(f"{label:<40} median {median:8.1f} ms   p95 {p95:8.1f} ms   (n={repeat})")
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1100)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    cli.prepare()
    services.create_account("benchmark", PASSPHRASE)
    client = Client(HTTP_HOST="localhost")
    client.post("/account/inloggen/", {"username": "benchmark", "passphrase": PASSPHRASE})
    request = client.get("/dagboek/").wsgi_request
    key = session.data_key(request)

    rng = random.Random(7)
    today = timezone.localdate()
    records = []
    for offset in range(args.entries):
        record = JournalEntry(owner=request.user)
        record.seal_content(key, journal_content(today - timedelta(days=offset), rng))
        records.append(record)
    JournalEntry.objects.bulk_create(records)
    print(
        f"{args.entries} entries, "
        f"{sum(len(bytes(r.sealed)) for r in records) // args.entries} bytes sealed on average"
    )

    results = [
        _measure(
            "patterns, last week",
            lambda: client.get("/dagboek/patronen/?periode=week"),
            args.repeat,
        ),
        _measure(
            "patterns, last month",
            lambda: client.get("/dagboek/patronen/?periode=maand"),
            args.repeat,
        ),
        _measure(
            "patterns, last three months",
            lambda: client.get("/dagboek/patronen/?periode=kwartaal"),
            args.repeat,
        ),
        _measure(
            "patterns, last year",
            lambda: client.get("/dagboek/patronen/?periode=jaar"),
            args.repeat,
        ),
        _measure(
            "search, many hits ('wandeling')",
            lambda: client.post("/dagboek/zoeken/", {"q": "wandeling"}),
            args.repeat,
        ),
        _measure(
            "search, no hit ('zeppelin')",
            lambda: client.post("/dagboek/zoeken/", {"q": "zeppelin"}),
            args.repeat,
        ),
        _measure("overview (this month)", lambda: client.get("/dagboek/"), args.repeat),
    ]
    slowest = max(results)
    print(
        f"slowest median {slowest:.1f} ms: {'within' if slowest < 300 else 'ABOVE'} the 300 ms aim"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
