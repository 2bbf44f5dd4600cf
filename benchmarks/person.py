"""Benchmark (not a test): the pages that read a lot of one person's sealed data, for a
person who has used Gezien for three years.

    .venv/bin/python benchmarks/person.py [--years 3] [--repeat 20]

Creates a throwaway installation (SQLite in a temporary folder) and one account with, per
year: a weekly PHQ-9, a fortnightly GAD-7 and a monthly WHO-5, a journal entry a day, three
exercise ratings a week; plus a whole story and a help question. Then times whole requests
through Django in this process (middleware, decrypting, templates), wall-clock and CPU time
of this process, and counts how many sealed values each request opens: a saved questionnaire
result, the summary choice page, the questionnaire overview and the list of results."""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["GEZIEN_DATA_DIR"] = tempfile.mkdtemp(prefix="gezien-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gezien.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.data import SENTENCES, journal_content  # noqa: E402
from gezien import cli  # noqa: E402
from gezien.accounts import services  # noqa: E402
from gezien.exercises import views as exercises  # noqa: E402
from gezien.exercises.models import ExerciseRating  # noqa: E402
from gezien.journal.models import JournalEntry  # noqa: E402
from gezien.measure import catalogue, scoring, store  # noqa: E402
from gezien.measure.models import QuestionnaireResult  # noqa: E402
from gezien.story import store as story_store  # noqa: E402
from gezien.story.periods import PERIODS, QUESTION_KEYS  # noqa: E402
from gezien.vault import crypto  # noqa: E402

PASSPHRASE = "lamp rivier brood herfst"
SCHEDULE = (("phq9", 7), ("gad7", 14), ("who5", 28))


class Opened:
    """Counts the sealed values opened during one request."""

    count = 0
    original = staticmethod(crypto.open_sealed)

    @classmethod
    def install(cls) -> None:
        def counting(*args, **kwargs):
            cls.count += 1
            return cls.original(*args, **kwargs)

        crypto.open_sealed = counting


def _answers(instrument, rng: random.Random, level: int) -> dict:
    answers = {}
    for item in instrument.scored_items:
        values = item.options.values
        answers[item.id] = values[max(0, min(len(values) - 1, level + rng.randint(-1, 1)))]
    return answers


def seed(owner, key, years: int) -> str:
    """Fills the account; returns the id of the latest PHQ-9 result."""
    rng = random.Random(3)
    now = timezone.now()
    days = 365 * years
    instruments = catalogue.instruments()
    latest = ""
    for instrument_id, every in SCHEDULE:
        instrument = instruments[instrument_id]
        level = rng.randint(0, 2)
        for days_ago in range(days - 1, -1, -every):
            answers = _answers(instrument, rng, level)
            result = scoring.score(instrument, answers)
            record = store.save(
                owner,
                key,
                instrument,
                answers,
                result,
                "nl",
                taken_at=now - timedelta(days=days_ago),
            )
            if instrument_id == "phq9":
                latest = str(record.pk)
    today = timezone.localdate()
    journal = []
    for days_ago in range(days):
        entry = JournalEntry(owner=owner)
        entry.seal_content(key, journal_content(today - timedelta(days=days_ago), rng))
        journal.append(entry)
    JournalEntry.objects.bulk_create(journal)
    ids = [e.id for e in exercises.catalogue().exercises]
    ratings = []
    for days_ago in range(0, days, 2):
        rating = ExerciseRating(owner=owner)
        before = rng.randint(3, 9)
        rating.seal_content(
            key,
            {
                "exercise": rng.choice(ids),
                "variant": "",
                "before": before,
                "after": max(0, before - rng.randint(0, 4)),
                "date": (today - timedelta(days=days_ago)).isoformat(),
            },
        )
        ratings.append(rating)
    ExerciseRating.objects.bulk_create(ratings)
    for period in PERIODS:
        parts = {question: " ".join(rng.sample(SENTENCES, 4)) for question in QUESTION_KEYS}
        story_store.save_period(owner, key, period.key, parts, 0)
    story_store.save_help_question(
        owner,
        key,
        {
            "answers": {"bothers": rng.choice(SENTENCES), "pace": "slow", "approach": ["talking"]},
            "text": " ".join(rng.sample(SENTENCES, 3)),
            "edited": True,
        },
    )
    return latest


def _measure(label: str, run, repeat: int) -> float:
    """Wall-clock and CPU time of this process: on a busy machine the CPU time is the
    steadier figure."""
    times, cpu, opened = [], [], set()
    for _ in range(repeat):
        Opened.count = 0
        start, start_cpu = time.perf_counter(), time.process_time()
        response = run()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        opened.add(Opened.count)
        assert response.status_code == 200, f"{label}: {response.status_code}"
    times.sort()
    median = statistics.median(times)
    p95 = times[max(int(len(times) * 0.95) - 1, 0)]
    print(
        f"{label:<28} median {median:6.1f} ms (CPU {statistics.median(cpu):6.1f} ms)   "
        f"p95 {p95:6.1f} ms   "
        f"opens {'/'.join(str(n) for n in sorted(opened))} sealed values   (n={repeat})"
    )
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    cli.prepare()
    unlocked, _code = services.create_account("benchmark", PASSPHRASE)
    latest = seed(unlocked.account, unlocked.data_key, args.years)
    counts = {
        "questionnaire results": QuestionnaireResult.objects.count(),
        "journal entries": JournalEntry.objects.count(),
        "exercise ratings": ExerciseRating.objects.count(),
    }
    print(f"{args.years} years: " + ", ".join(f"{n} {what}" for what, n in counts.items()))
    client = Client(HTTP_HOST="localhost")
    client.post("/account/inloggen/", {"username": "benchmark", "passphrase": PASSPHRASE})
    Opened.install()
    _measure(
        "saved questionnaire result",
        lambda: client.get(f"/vragenlijsten/uitslagen/{latest}/"),
        args.repeat,
    )
    _measure("summary choice page", lambda: client.get("/mijn-verhaal/samenvatting/"), args.repeat)
    _measure("questionnaire overview", lambda: client.get("/vragenlijsten/"), args.repeat)
    _measure("my results", lambda: client.get("/vragenlijsten/uitslagen/"), args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
