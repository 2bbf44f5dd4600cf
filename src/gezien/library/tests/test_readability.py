"""Flesch–Douma for Dutch, and the promise that every Dutch library page is easy to read.

Threshold: every Dutch page (summary and body) scores at least 60. That is plain language
(B1); the pages were written to score 65 or more."""

from __future__ import annotations

import pytest

from gezien.library import content, markup
from gezien.library.tests.readability import flesch_douma, sentences, syllables

THRESHOLD = 60


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("kat", 1), ("huis", 1), ("nieuw", 1), ("leeuw", 1), ("mooi", 1), ("ijs", 1),
        ("eigenlijk", 3), ("therapie", 3), ("verwaarlozing", 4), ("ideeën", 3),
        ("geïnteresseerd", 5), ("kindermishandeling", 6), ("baby", 2), ("zelf-hulp", 2),
        ("Eén", 1), ("st", 1),
    ],
)  # fmt: skip
def test_it_counts_dutch_syllables(word, count):
    assert syllables(word) == count


def test_it_scores_a_known_text_by_the_formula():
    # 6 words, 6 syllables, 1 sentence: 206.84 - 0.77 * 100 - 0.93 * 6
    score = flesch_douma(["De kat zit op de mat."])
    assert (score.words, score.syllables, score.sentences) == (6, 6, 1)
    assert score.value == 124.3


def test_long_sentences_and_long_words_score_lower():
    easy = flesch_douma(["Je bent welkom. Je verhaal telt. Er is hulp."])
    hard = flesch_douma(
        [
            (
                "Kindermishandeling veroorzaakt aanzienlijke psychopathologische consequenties "
                "gedurende de volwassenheid, waaronder depressieve stemmingsstoornissen."
            )
        ]
    )
    assert easy.value > 90
    assert hard.value < 20


def test_a_block_without_a_full_stop_is_one_sentence():
    assert sentences("Twee vragen") == ["Twee vragen"]
    assert len(sentences("Dit is een. Dit is twee! En drie?")) == 3
    assert flesch_douma(["Een kop", "Een zin. Nog een zin."]).sentences == 3


def test_text_without_words_cannot_be_scored():
    with pytest.raises(ValueError):
        flesch_douma(["123 456", ""])


def page_scores() -> dict[str, float]:
    pages = content.load().pages["nl"].values()
    return {
        page.id: flesch_douma([page.summary, *markup.plain_blocks(page.body)]).value
        for page in pages
    }


def test_every_dutch_page_is_easy_to_read():
    low = {page_id: score for page_id, score in page_scores().items() if score < THRESHOLD}
    assert low == {}, f"pages below Flesch–Douma {THRESHOLD}: {low}"
