"""Search over the library in one language, built in memory at start-up.

Words are folded (lower case, no accents) and stemmed with the Snowball stemmer for Dutch or
English, so "verwaarloosd" finds "verwaarlozing" and "behandelingen" finds "behandeling".
A query word is also matched to library words that are close: with a small typo (edit
distance 1, or 2 for long words, found through shared trigrams), a longer word or compound
that contains it ("trauma" finds "traumagerichte"), or, when nothing else matches, the parts
of a compound ("jeugdtrauma" finds "jeugd" and "trauma"). Such matches count for less than
exact ones.

Ranking: a word in the title counts most, then the summary, then the body; pages that match
more of the query's words come first.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from os.path import commonprefix
from typing import TYPE_CHECKING

import snowballstemmer

from gezien.library import markup

if TYPE_CHECKING:
    from gezien.library.content import Page

FIELD_WEIGHTS = {"title": 5.0, "summary": 3.0, "body": 1.0}
EXACT, FORM, PART, TYPO = 1.0, 0.9, 0.6, 0.5
MIN_FUZZY_LENGTH = 4
MAX_QUERY_WORDS = 12
MAX_QUERY_LENGTH = 200
WORD = re.compile(r"[a-z0-9]+")
STEMMERS = {"nl": "dutch", "en": "english"}

# Words too common to say anything about a page.
STOPWORDS = {
    "nl": frozenset(
        [
            "aan",
            "al",
            "als",
            "bij",
            "da",
            "dan",
            "dat",
            "de",
            "deze",
            "die",
            "dit",
            "doen",
            "door",
            "een",
            "en",
            "er",
            "had",
            "heb",
            "hebben",
            "heeft",
            "het",
            "hier",
            "hij",
            "hoe",
            "hun",
            "ik",
            "in",
            "is",
            "je",
            "jij",
            "jou",
            "jouw",
            "kan",
            "kun",
            "kunnen",
            "maar",
            "me",
            "mee",
            "men",
            "met",
            "mij",
            "mijn",
            "na",
            "naar",
            "niet",
            "nog",
            "nu",
            "of",
            "om",
            "ons",
            "ook",
            "op",
            "over",
            "te",
            "tegen",
            "toch",
            "tot",
            "u",
            "uit",
            "van",
            "veel",
            "voor",
            "was",
            "wat",
            "we",
            "wel",
            "wie",
            "wil",
            "wij",
            "word",
            "worden",
            "wordt",
            "zal",
            "ze",
            "zich",
            "zij",
            "zijn",
            "zo",
            "zoals",
        ]
    ),
    "en": frozenset(
        [
            "a",
            "about",
            "after",
            "all",
            "also",
            "an",
            "and",
            "are",
            "as",
            "at",
            "be",
            "been",
            "but",
            "by",
            "can",
            "do",
            "does",
            "for",
            "from",
            "had",
            "has",
            "have",
            "he",
            "her",
            "his",
            "how",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "me",
            "my",
            "no",
            "not",
            "of",
            "on",
            "or",
            "our",
            "she",
            "so",
            "than",
            "that",
            "the",
            "their",
            "them",
            "then",
            "there",
            "they",
            "this",
            "to",
            "up",
            "was",
            "we",
            "were",
            "what",
            "when",
            "which",
            "who",
            "will",
            "with",
            "you",
            "your",
        ]
    ),
}


def fold(text: str) -> str:
    """Lower case without accents: "ideeën" and "ideeen" are the same word."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class Analyzer:
    """Text to search terms for one language."""

    def __init__(self, language: str) -> None:
        self.stopwords = STOPWORDS[language]
        self._stemmer = snowballstemmer.stemmer(STEMMERS[language])
        self.stem = lru_cache(maxsize=50_000)(self._stemmer.stemWord)

    def words(self, text: str) -> list[str]:
        return [word for word in WORD.findall(fold(text)) if word not in self.stopwords]

    def terms(self, text: str) -> list[str]:
        return [self.stem(word) for word in self.words(text)]


def trigrams(term: str) -> set[str]:
    padded = f"  {term} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein distance (adjacent swaps count as one), stopping once above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    summary: str
    body: str


def documents(pages: Iterable[Page]) -> list[Document]:
    """Library pages (content.Page) as search documents: their words without markup."""
    return [
        Document(page.id, page.title, page.summary, " ".join(markup.plain_blocks(page.body)))
        for page in pages
    ]


@dataclass(frozen=True)
class Hit:
    id: str
    score: float
    matched: int  # how many of the query's words this page matched


def _closeness(term: str, candidate: str, otherwise: float) -> float:
    """Words that differ only in their last letter or two are forms of one word that the
    stemmer did not join ("verwaarloosd" and "verwaarloos"), not typos."""
    same = len(commonprefix([term, candidate]))
    if same >= 5 and same >= max(len(term), len(candidate)) - 2:
        return FORM
    return otherwise


class Index:
    def __init__(self, language: str, documents: Iterable[Document]) -> None:
        self.analyzer = Analyzer(language)
        # term -> page id -> weighted count over the fields
        self.postings: dict[str, dict[str, float]] = defaultdict(dict)
        for document in documents:
            weighted: dict[str, float] = defaultdict(float)
            for field, weight in FIELD_WEIGHTS.items():
                for term, count in Counter(self.analyzer.terms(getattr(document, field))).items():
                    # A word said often counts more, but with diminishing returns.
                    weighted[term] += weight * (1 + math.log(count))
            for term, value in weighted.items():
                self.postings[term][document.id] = value
        self.by_trigram: dict[str, set[str]] = defaultdict(set)
        for term in self.postings:
            for gram in trigrams(term):
                self.by_trigram[gram].add(term)
        self.terms = tuple(self.postings)

    def expand(self, term: str) -> dict[str, float]:
        """The library terms a query term stands for, each with how much a match counts."""
        found = {term: EXACT} if term in self.postings else {}
        if len(term) < MIN_FUZZY_LENGTH:
            return found
        # Part of a longer word or compound: "angst" in "angstig", "trauma" in "jeugdtrauma".
        for candidate in self.terms:
            if term in candidate and candidate != term:
                found[candidate] = _closeness(term, candidate, PART)
        limit = 1 if len(term) < 8 else 2
        grams = trigrams(term)
        shared: Counter[str] = Counter()
        for gram in grams:
            shared.update(self.by_trigram.get(gram, ()))
        for candidate, count in shared.items():
            if candidate in found or count * 3 < len(grams):
                continue
            if edit_distance(term, candidate, limit) <= limit:
                found[candidate] = _closeness(term, candidate, TYPO)
        if not found:
            for part in self._split_compound(term):
                found[part] = PART
        return found

    def _split_compound(self, term: str) -> list[str]:
        """Dutch writes compounds as one word: "jeugdtrauma" is "jeugd" + "trauma"."""
        for cut in range(MIN_FUZZY_LENGTH, len(term) - MIN_FUZZY_LENGTH + 1):
            head, tail = self.analyzer.stem(term[:cut]), self.analyzer.stem(term[cut:])
            if head in self.postings and tail in self.postings:
                return [head, tail]
        return []

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        words = self.analyzer.words(query[:MAX_QUERY_LENGTH])[:MAX_QUERY_WORDS]
        # Each word is looked up as its stem and as written: the stemmer does not always
        # give two forms of one word the same stem ("emotioneel", "emotionele").
        lookups = {self.analyzer.stem(word): word for word in reversed(words)}
        if not lookups:
            return []
        scores: dict[str, float] = defaultdict(float)
        matched: Counter[str] = Counter()
        for stem, word in lookups.items():
            weights = self.expand(word)
            for candidate, weight in self.expand(stem).items():
                weights[candidate] = max(weight, weights.get(candidate, 0.0))
            best: dict[str, float] = {}
            for candidate, weight in weights.items():
                for page_id, value in self.postings[candidate].items():
                    best[page_id] = max(best.get(page_id, 0.0), weight * value)
            for page_id, value in best.items():
                scores[page_id] += value
                matched[page_id] += 1
        # Pages that match more of what was asked come first; the score orders within that.
        ranked = sorted(scores, key=lambda page_id: (-matched[page_id], -scores[page_id], page_id))
        return [
            Hit(page_id, round(scores[page_id], 2), matched[page_id]) for page_id in ranked[:limit]
        ]
