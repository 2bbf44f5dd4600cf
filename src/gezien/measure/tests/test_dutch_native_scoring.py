"""K10 and MHI-5 as CBS publishes them in Dutch: hand-computed tables, the rule beside each row.

Sources, as summarised in research/dutch-native-instruments.md:
- K10 (CBS source A, 'risico op angststoornis of depressie', 2021): Altijd = 5, Meestal = 4,
  Soms = 3, Af en toe = 2, Nooit = 1; total 10-50; 1 or 2 items missing: impute, 3 or more:
  no score; bands 10-15 'geen of laag risico', 16-29 'matig risico', 30-50 'hoog risico'.
- MHI-5 (CBS source E, 'psychische gezondheid', 2021): items 3 and 5 voortdurend = 5 ... nooit
  = 0, items 1, 2 and 4 the reverse; sum x 4 = 0-100; below 60 'psychisch ongezond', 60 or more
  'psychisch gezond'.
"""

from __future__ import annotations

import pytest

from gezien.measure.scoring import score
from gezien.measure.tests.support import in_order

N = None
A, M, S, T, NV = 5, 4, 3, 2, 1  # K10: Altijd, Meestal, Soms, Af en Toe, Nooit (NV: never)


def k10(instruments, answers):
    return score(instruments["k10"], in_order(instruments["k10"], answers))


K10 = [
    # answers (items 1-10), valid, total, band, flags, prorated, rule
    ([NV] * 10, True, 10, "low", set(), False, "all Nooit = 1: lowest total 10"),
    ([A] * 10, True, 50, "high", {"high_distress"}, False, "all Altijd = 5: highest total 50"),
    ([T] * 5 + [NV] * 5, True, 15, "low", set(), False, "15: top of 10-15, one below 16"),
    ([T] * 6 + [NV] * 4, True, 16, "moderate", set(), False, "16: first of 16-29"),
    ([S] * 9 + [T], True, 29, "moderate", set(), False, "29: top of 16-29, one below 30"),
    ([S] * 10, True, 30, "high", {"high_distress"}, False, "30: first of 30-50"),
    ([NV, T, S, M, A, NV, T, S, M, A], True, 30, "high", {"high_distress"}, False,
     "each option once per pair: 2 x (1+2+3+4+5) = 30"),
    # Missing items (A: 1 or 2 missing are imputed; CBS uses the population item mean, an app
    # has only the person's own answers: Gezien uses the mean of the answered items and
    # rounds halves up, as its definition file says).
    ([T] * 9 + [N], True, 20, "moderate", set(), True, "1 missing: 18 + 18/9 = 20"),
    ([T] * 5 + [NV] * 4 + [N], True, 16, "moderate", set(), True,
     "1 missing: 14 + 14/9 = 15.56 -> 16, so the band moves up"),
    ([T] * 6 + [NV] * 2 + [N, N], True, 18, "moderate", set(), True,
     "2 missing: 14 + 2 x 14/8 = 17.5 -> 18 (half up)"),
    ([S] * 8 + [N, N], True, 30, "high", {"high_distress"}, True,
     "2 missing: 24 + 2 x 3 = 30, the high band from an estimate"),
    ([A] * 7 + [N, N, N], False, None, None, set(), False, "3 missing: no score (A)"),
    ([N] * 10, False, None, None, set(), False, "nothing answered: no score"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("answers", "valid", "total", "band", "flags", "prorated", "rule"),
    K10,
    ids=[r[-1] for r in K10],
)
def test_k10_scores_as_cbs_publishes_it(
    instruments, answers, valid, total, band, flags, prorated, rule
):
    result = k10(instruments, answers)
    assert (result.valid, result.total, result.band, set(result.flags), result.prorated) == (
        valid, total, band, flags, prorated,
    ), rule  # fmt: skip


def test_k10_options_are_in_the_published_order_with_cbs_values(instruments):
    options = instruments["k10"].item("k10_1").options.options
    assert [(o.label.nl, o.value) for o in options] == [
        ("Altijd", 5), ("Meestal", 4), ("Soms", 3), ("Af en toe", 2), ("Nooit", 1),
    ]  # fmt: skip
    assert instruments["k10"].scoring.range == (10, 50)


V, ME, VA, SO, Z, NO = 5, 4, 3, 2, 1, 0  # MHI-5 answer values as listed: voortdurend ... nooit


def mhi5(instruments, answers):
    return score(instruments["mhi5"], in_order(instruments["mhi5"], answers))


MHI5 = [
    # answers (CBS order: 1 zenuwachtig, 2 in de put, 3 kalm en rustig, 4 neerslachtig,
    # 5 gelukkig), valid, total, band, rule
    ([V, V, NO, V, NO], True, 0, "distress",
     "lowest: negative items 'voortdurend' count 0, positive items 'nooit' count 0"),
    ([NO, NO, V, NO, V], True, 100, "no_distress",
     "highest: negative items reversed 'nooit' = 5, positive 'voortdurend' = 5; 25 x 4 = 100"),
    ([V] * 5, True, 40, "distress",
     "all 'voortdurend': items 3 and 5 give 5 each, items 1, 2, 4 reversed give 0: 10 x 4"),
    ([NO] * 5, True, 60, "no_distress",
     "all 'nooit': items 1, 2, 4 reversed give 5 each, items 3 and 5 give 0: 15 x 4"),
    ([SO, SO, VA, SO, VA], True, 60, "no_distress",
     "60: first score of '60 or more' (3+3+3+3+3 = 15 x 4)"),
    ([SO, SO, SO, SO, VA], True, 56, "distress",
     "56: the score just below 60 (scores move in steps of 4): 3+3+2+3+3 = 14 x 4"),
    ([Z, NO, VA, NO, VA], True, 80, "no_distress",
     "reverse items: 'zelden' on item 1 counts 4, 'nooit' on items 2 and 4 count 5: "
     "4+5+3+5+3 = 20 x 4"),
    ([NO, NO, V, NO, N], False, None, None, "one missing: no score (no rule published)"),
    ([N] * 5, False, None, None, "nothing answered: no score"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("answers", "valid", "total", "band", "rule"), MHI5, ids=[r[-1] for r in MHI5]
)
def test_mhi5_scores_as_cbs_publishes_it(instruments, answers, valid, total, band, rule):
    result = mhi5(instruments, answers)
    assert (result.valid, result.total, result.band, result.prorated) == (
        valid, total, band, False,
    ), rule  # fmt: skip


def test_mhi5_reverses_exactly_the_three_negative_items(instruments):
    instrument = instruments["mhi5"]
    assert instrument.scoring.reverse_items == ("mhi5_1", "mhi5_2", "mhi5_4")
    assert [o.label.nl for o in instrument.item("mhi5_1").options.options] == [
        "voortdurend", "meestal", "vaak", "soms", "zelden", "nooit",
    ]  # fmt: skip
    assert instrument.scoring.range == (0, 100)
