"""Search: Dutch word forms, small typos, compounds, and a sensible order."""

from __future__ import annotations

import pytest

from gezien.library import content
from gezien.library.search import Analyzer, Document, Index, documents, edit_distance, fold

LIBRARY = content.load()
DUTCH = Index("nl", documents(LIBRARY.pages["nl"].values()))
ENGLISH = Index("en", documents(LIBRARY.pages["en"].values()))


def ids(index: Index, query: str) -> list[str]:
    return [hit.id for hit in index.search(query)]


def small_index() -> Index:
    return Index(
        "nl",
        [
            Document("titel", "Schaamte", "Over iets anders.", "Tekst over het weer."),
            Document("samenvatting", "Iets anders", "Over schaamte en schuld.", "Tekst."),
            Document("tekst", "Nog iets", "Een samenvatting.", "Soms voel je schaamte."),
            Document("vaak", "Nog meer", "Een samenvatting.", "Schaamte, schaamte, schaamte."),
            Document("beide", "Schuld", "Een samenvatting.", "Schaamte hoort erbij."),
        ],
    )


def test_a_word_in_the_title_counts_more_than_in_the_summary_and_more_than_in_the_body():
    assert ids(small_index(), "schaamte")[:2] == ["titel", "samenvatting"]


def test_a_word_said_more_often_counts_more_but_not_endlessly():
    index = small_index()
    order = ids(index, "schaamte")
    assert order.index("vaak") < order.index("tekst")
    scores = {hit.id: hit.score for hit in index.search("schaamte")}
    assert scores["vaak"] < scores["titel"]


def test_pages_that_match_more_of_the_words_come_first():
    hits = small_index().search("schaamte schuld")
    assert [hit.id for hit in hits][:2] == ["beide", "samenvatting"]
    assert hits[0].matched == 2 and hits[-1].matched == 1


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("verwaarloosd", "emotionele-verwaarlozing"),  # another form of the word
        ("emotioneel verwaarloosd", "emotionele-verwaarlozing"),
        ("behandeling", "behandelingen"),
        ("schemateraphie", "schematherapie"),  # two letters swapped and one wrong
        ("schematherapy", "schematherapie"),
        ("depresief", "depressie-en-angst"),  # a letter missing
        ("kindermishandling", "vijf-vormen"),
        ("partner", "voor-partners"),
        ("ptss", "ptss-en-complexe-ptss"),
        ("EMDR", "emdr-en-exposure"),
        ("ideeën over therapie", "wat-helpt-in-therapie"),
        ("medicijnen", "antidepressiva"),
        ("dissociëren", "dissociatie"),
    ],
)
def test_dutch_word_forms_and_typos_find_the_page(query, page):
    assert page in ids(DUTCH, query)[:3], ids(DUTCH, query)[:5]


def test_a_word_inside_a_compound_is_found_and_a_compound_finds_its_parts():
    assert "stair" in ids(DUTCH, "trauma")[:5]  # "traumagerichte", "jeugdtrauma"
    assert ids(DUTCH, "jeugdtrauma"), "a compound that is not in the library still finds its parts"


def test_english_pages_are_searched_in_english():
    assert ids(ENGLISH, "neglected")[0] == "emotionele-verwaarlozing"
    assert "schematherapie" in ids(ENGLISH, "shema therapy")[:3]


def test_nothing_is_found_for_words_the_library_does_not_use():
    assert ids(DUTCH, "xylofoonbouwer") == []
    assert ids(DUTCH, "de het een") == []  # only words that say nothing
    assert ids(DUTCH, "") == []


def test_a_very_long_query_is_cut_short_and_still_answered():
    assert DUTCH.search("schaamte " * 500)


def test_folding_and_stemming():
    assert fold("Ideeën ÉÉN") == "ideeen een"
    analyzer = Analyzer("nl")
    assert analyzer.terms("De behandelingen") == analyzer.terms("behandeling")
    assert analyzer.terms("het en de") == []


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("kat", "kat", 0), ("kat", "kas", 1), ("kat", "akt", 1), ("kat", "kast", 1),
     ("therapie", "teraphie", 2), ("abc", "xyz", 3)],
)  # fmt: skip
def test_edit_distance_counts_swaps_as_one(a, b, distance):
    assert edit_distance(a, b, limit=3) == distance


def test_edit_distance_stops_early_above_the_limit():
    assert edit_distance("verwaarlozing", "kat", limit=2) == 3
