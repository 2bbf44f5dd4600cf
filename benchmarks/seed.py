"""Fill a fresh Gezien with people who used it for a year (for the load benchmark).

    python benchmarks/seed.py ACCOUNTS      (with the installation's GEZIEN_* environment)

Accounts persoon0 … persoonN-1, passphrase "lamp rivier brood herfst", each with a weekly
PHQ-9 and a fortnightly GAD-7 for a year, and a journal entry a day for a year."""

from __future__ import annotations

import os
import random
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gezien.settings")

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402

from benchmarks.data import journal_content  # noqa: E402
from gezien.accounts import services  # noqa: E402
from gezien.journal.models import JournalEntry  # noqa: E402
from gezien.measure import catalogue, scoring, store  # noqa: E402

PASSPHRASE = "lamp rivier brood herfst"


def seed_person(index: int) -> None:
    rng = random.Random(index)
    unlocked, _code = services.create_account(f"persoon{index}", PASSPHRASE)
    owner, key = unlocked.account, unlocked.data_key
    now = timezone.now()
    instruments = catalogue.instruments()
    for instrument_id, every in (("phq9", 7), ("gad7", 14)):
        instrument = instruments[instrument_id]
        level = rng.randint(0, 3)
        for days_ago in range(364, -1, -every):
            answers = {
                item.id: max(0, min(3, level + rng.randint(-1, 1)))
                for item in instrument.scored_items
            }
            result = scoring.score(instrument, answers)
            store.save(
                owner,
                key,
                instrument,
                answers,
                result,
                "nl",
                taken_at=now - timedelta(days=days_ago),
            )
    today = timezone.localdate()
    entries = []
    for days_ago in range(365):
        entry = JournalEntry(owner=owner)
        entry.seal_content(key, journal_content(today - timedelta(days=days_ago), rng))
        entries.append(entry)
    JournalEntry.objects.bulk_create(entries)


def main() -> int:
    count = int(sys.argv[1])
    for index in range(count):
        seed_person(index)
    print(f"seeded {count} accounts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
