"""Flesch–Douma reading ease for Dutch text.

Flesch–Douma = 206.84 − 0.77 × (syllables per 100 words) − 0.93 × (words per sentence).
Higher is easier; 60–70 is plain language that most adults read without effort.

Syllables are counted as groups of vowels, the usual approach for Dutch: a run of vowels
(with "ij" counted as a vowel) is one syllable ("eeuw", "nieuw", "mooi" and "huis" each
have one), and a vowel with a diaeresis starts a new one ("ideeën" has three).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

VOWELS = "aeiouy"
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?]+(?:\s+|$)")


def _vowel_groups(word: str) -> int:
    count = 0
    previous_vowel = False
    index = 0
    while index < len(word):
        char = word[index]
        base = unicodedata.normalize("NFD", char)[0]
        diaeresis = "\u0308" in unicodedata.normalize("NFD", char)
        if char == "i" and word[index + 1 : index + 2] == "j":
            index += 1  # "ij" is one vowel sound
            base = "i"
        is_vowel = base in VOWELS
        if is_vowel and (not previous_vowel or diaeresis):
            count += 1
        previous_vowel = is_vowel
        index += 1
    return count


def syllables(word: str) -> int:
    """The number of syllables of one Dutch word; at least one for any word."""
    lowered = word.lower()
    return sum(max(1, _vowel_groups(part)) for part in re.split(r"[-'’]", lowered) if part)


def sentences(block: str) -> list[str]:
    return [part for part in SENTENCE_END.split(block) if WORD.search(part)]


def words(text: str) -> list[str]:
    return WORD.findall(text)


@dataclass(frozen=True)
class Score:
    value: float
    words: int
    sentences: int
    syllables: int


def flesch_douma(blocks: Iterable[str]) -> Score:
    """The score of a text given as blocks (paragraphs, headings, list items): a block
    without a full stop still counts as one sentence, as a reader takes it in one go."""
    all_sentences = [sentence for block in blocks for sentence in sentences(block)]
    all_words = [word for sentence in all_sentences for word in words(sentence)]
    if not all_words:
        raise ValueError("no words to score")
    total_syllables = sum(syllables(word) for word in all_words)
    value = (
        206.84
        - 0.77 * (100 * total_syllables / len(all_words))
        - 0.93 * (len(all_words) / len(all_sentences))
    )
    return Score(round(value, 1), len(all_words), len(all_sentences), total_syllables)
