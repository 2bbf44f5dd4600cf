"""Realistic data for the benchmarks: what a person might write in a year of journalling."""

from __future__ import annotations

import random

from gezien.journal import entries

SENTENCES = [
    "Vanochtend was het druk op het werk en had ik weinig tijd voor mezelf.",
    "Ik belde met mijn moeder en daarna voelde ik me klein.",
    "We maakten een wandeling langs het water, dat deed goed.",
    "Mijn collega vroeg hoe het ging en ik wist niet wat ik moest zeggen.",
    "Ik lag lang wakker en dacht aan vroeger.",
    "Er kwam een brief van de gemeente die ik spannend vond.",
    "Ik heb gekookt voor een vriendin en we hebben veel gelachen.",
    "Op de fiets naar huis merkte ik dat mijn schouders vastzaten.",
]


def journal_content(day, rng: random.Random) -> dict:
    vocab = entries.vocabulary()
    words = rng.sample(vocab.words, 3)
    return {
        "date": day.isoformat(),
        "time": f"{rng.randint(7, 23):02d}:{rng.randint(0, 59):02d}",
        "happened": " ".join(rng.sample(SENTENCES, 3)),
        "body_areas": [a.id for a in rng.sample(vocab.body_areas, 2)],
        "sensations": [s.id for s in rng.sample(vocab.sensations, 2)],
        "body_note": "",
        "quadrant": "",
        "pleasantness": rng.randint(-5, 5),
        "energy": rng.randint(-5, 5),
        "words": [{"id": w.id, "intensity": rng.randint(0, 10)} for w in words],
        "feeling_note": "",
        "thoughts": rng.choice(SENTENCES),
        "needs": "Rust en iemand die luistert.",
        "did": rng.choice(SENTENCES),
        "helpers": [h.id for h in rng.sample(entries.helpers(), 2)],
        "helped": "Even naar buiten en diep ademhalen.",
    }
