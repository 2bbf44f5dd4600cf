"""Library search latency: median and p95 over 100 realistic Dutch queries.

Run with `.venv/bin/python benchmarks/library_search.py`. Not part of the test suite: it
measures this machine. The index is built the way Gezien builds it at start-up (the real
pages, in memory); each query is timed on its own, after one warm-up pass.
"""

from __future__ import annotations

import statistics
import time

from gezien.library import content, search

# What people type: single words, word forms, questions, typos, compounds, long phrases.
QUERIES = [
    "verwaarlozing", "emotionele verwaarlozing", "verwaarloosd", "emotioneel verwaarloosd",
    "mishandeling", "emotionele mishandeling", "kleineren", "mijn moeder kleineerde mij",
    "vijf vormen", "kindermishandeling", "kindermishandling", "seksueel misbruik",
    "huiselijk geweld", "veilig thuis", "signalen", "signalen bij volwassenen",
    "signalen in een relatie", "signalen bij kinderen", "mijn kind", "partner",
    "mijn partner begrijpt me niet", "relatie", "relaties en werk",
    "depressie", "depresief", "somber", "ik voel me leeg", "angst", "angstig", "paniek",
    "piekeren", "ptss", "complexe ptss", "trauma", "jeugdtrauma", "nachtmerries",
    "herbeleven", "dissociatie", "dissocieren", "ik voel me los van mezelf", "zelfbeeld",
    "eigenwaarde", "ik ben niets waard", "schaamte", "schuldgevoel", "lichaam",
    "lichamelijke klachten", "hoofdpijn en buikpijn", "gezondheid", "risicofactoren",
    "beschermende factoren", "hoe vaak komt het voor", "kosten",
    "herstel", "zelfhulp", "gevoelens benoemen", "dagboek", "grenzen stellen",
    "zelfzorg", "lotgenoten", "lotgenotengroep", "behandeling", "behandelingen",
    "welke behandeling past bij mij", "cgt", "cognitieve gedragstherapie",
    "gedragstherapie", "schematherapie", "schemateraphie", "emdr", "exposure",
    "stair", "vaardigheden", "mindfulness", "mindfullness", "act", "eft",
    "emotiegerichte therapie", "antidepressiva", "medicijnen", "pillen",
    "psychomotorische therapie", "pmt", "onderhoudsbehandeling", "terugval",
    "wat helpt in therapie", "klik met therapeut", "andere therapeut zoeken",
    "wachtlijst", "wachttijd overbruggen", "huisarts", "poh-ggz", "verwijsbrief",
    "eigen risico", "voor ouders", "voor professionals", "hoe vraag je naar mishandeling",
    "richtlijn 2025", "veelgestelde vragen", "telt mijn verhaal wel",
]  # fmt: skip


def main() -> None:
    assert len(QUERIES) == 100, len(QUERIES)
    library = content.load()
    started = time.perf_counter()
    index = search.Index("nl", search.documents(library.pages["nl"].values()))
    build_ms = (time.perf_counter() - started) * 1000
    for query in QUERIES:
        index.search(query)
    timings = []
    empty = []
    for query in QUERIES:
        started = time.perf_counter()
        hits = index.search(query)
        timings.append((time.perf_counter() - started) * 1000)
        if not hits:
            empty.append(query)
    timings.sort()
    p95 = timings[round(0.95 * len(timings)) - 1]
    print(f"pages: {len(library.ids)} (nl), index terms: {len(index.postings)}")
    print(f"index build: {build_ms:.1f} ms")
    print(f"queries: {len(timings)}")
    print(f"median: {statistics.median(timings):.2f} ms")
    print(f"p95: {p95:.2f} ms")
    print(f"max: {timings[-1]:.2f} ms")
    print(f"queries without results: {len(empty)} {empty}")


if __name__ == "__main__":
    main()
