"""Benchmark (not a test): how long Gezien takes to make the summary PDF of a long story.

    .venv/bin/python benchmarks/story_pdf.py [--runs 7] [--paragraphs 10]

Builds a snapshot with every period and question of the story filled in (about 20 A4
pages), renders it the way a professional's download does, and prints the page count
and the median time."""

from __future__ import annotations

import argparse
import io
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta

os.environ.setdefault("GEZIEN_DATA_DIR", tempfile.mkdtemp(prefix="gezien-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gezien.settings")

import django  # noqa: E402

django.setup()

import pypdf  # noqa: E402

from gezien.core.summary import Part, Section  # noqa: E402
from gezien.sharing import pdf  # noqa: E402
from gezien.sharing.snapshot import snapshot  # noqa: E402
from gezien.story.periods import PERIODS  # noqa: E402

SENTENCES = [
    "Ik weet nog dat het stil was aan tafel.",
    "Niemand vroeg hoe mijn dag was geweest.",
    "Op school deed ik mijn best, want dan viel ik niet op.",
    "Mijn oma had altijd tijd voor een kop thee.",
    "Nu merk ik dat ik moeilijk om hulp vraag.",
    "Soms voel ik me leeg, ook als alles goed lijkt te gaan.",
    "Ik wil leren voelen wat ik nodig heb.",
    "Een vriendin zegt dat ik mezelf vaak wegcijfer.",
]


def long_text(paragraphs: int, seed: int) -> str:
    return "\n\n".join(
        " ".join(SENTENCES[(seed + p + s) % len(SENTENCES)] for s in range(6))
        for p in range(paragraphs)
    )


def long_story(paragraphs: int) -> dict:
    parts = tuple(
        Part(
            f"story.{period.key}.{question.key}",
            f"{period.title}: {question.label}",
            tuple(long_text(paragraphs, i).split("\n\n")),
        )
        for i, (period, question) in enumerate((p, q) for p in PERIODS for q in p.questions)
    )
    sections = [Section("story", "Mijn verhaal", parts)]
    made = datetime.now(UTC)
    return snapshot(
        sections,
        [p.key for p in parts],
        language="nl",
        made_at=made,
        expires_at=made + timedelta(days=7),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--paragraphs", type=int, default=10, help="paragraphs per question (20 questions)"
    )
    args = parser.parse_args()
    data = long_story(args.paragraphs)
    pdf.render(data, shared=True)  # warm-up: fonts and stylesheets are loaded once per process
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        body = pdf.render(data, shared=True)
        times.append(time.perf_counter() - started)
    pages = len(pypdf.PdfReader(io.BytesIO(body)).pages)
    print(
        f"story PDF: {pages} pages, {len(body) // 1024} KB; "
        f"median {statistics.median(times):.2f} s "
        f"over {args.runs} runs (min {min(times):.2f} s, max {max(times):.2f} s)"
    )


if __name__ == "__main__":
    main()
