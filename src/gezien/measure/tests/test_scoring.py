"""Hand-computed results for every instrument, one table each, with the published rule cited.

Each row lists the answers in published item order (None = not answered) and what a person
would see: total, band, flags and the named outcomes.
"""

from __future__ import annotations

import pytest

from gezien.measure.scoring import reliable_change, score
from gezien.measure.tests.support import in_order

N = None


def scored(instruments, instrument_id, values):
    instrument = instruments[instrument_id]
    return score(instrument, in_order(instrument, values))


# --- PHQ-9 ----------------------------------------------------------------------------------
# Total = sum of items 1-9 (0-27); bands 0-4, 5-9, 10-14, 15-19, 20-27 (Kroenke, Spitzer &
# Williams 2001). Flags: risk = item 9 >= 1 (instruments.md §3); phq2_positive = items 1+2 >= 3
# (Kroenke 2003); phq9_above_cutoff = total >= 10. Algorithm (Kroenke 2001): a symptom counts
# at >= 2, item 9 at >= 1; major = >= 5 symptoms incl. item 1 or 2; other = 2-4 incl. item 1 or 2.

PHQ9 = [
    # answers (items 1-9), total, band, flags, symptoms, major, other
    ([0, 0, 0, 0, 0, 0, 0, 0, 0], 0, "minimal", set(), 0, False, False),
    (
        [3, 3, 3, 3, 3, 3, 3, 3, 3],
        27,
        "severe",
        {"risk", "phq2_positive", "phq9_above_cutoff"},
        9,
        True,
        False,
    ),
    ([1, 1, 1, 1, 0, 0, 0, 0, 0], 4, "minimal", set(), 0, False, False),
    ([1, 1, 1, 1, 1, 0, 0, 0, 0], 5, "mild", set(), 0, False, False),
    ([2, 1, 1, 1, 1, 1, 1, 1, 0], 9, "mild", {"phq2_positive"}, 1, False, False),
    (
        [2, 1, 1, 1, 1, 1, 1, 1, 1],
        10,
        "moderate",
        {"risk", "phq2_positive", "phq9_above_cutoff"},
        2,
        False,
        True,
    ),
    (
        [2, 2, 2, 2, 2, 2, 2, 0, 0],
        14,
        "moderate",
        {"phq2_positive", "phq9_above_cutoff"},
        7,
        True,
        False,
    ),
    (
        [3, 2, 2, 2, 2, 2, 2, 0, 0],
        15,
        "moderately_severe",
        {"phq2_positive", "phq9_above_cutoff"},
        7,
        True,
        False,
    ),
    (
        [3, 3, 3, 2, 2, 2, 2, 2, 0],
        19,
        "moderately_severe",
        {"phq2_positive", "phq9_above_cutoff"},
        8,
        True,
        False,
    ),
    (
        [3, 3, 3, 3, 2, 2, 2, 2, 0],
        20,
        "severe",
        {"phq2_positive", "phq9_above_cutoff"},
        8,
        True,
        False,
    ),
    # algorithm: 4 symptoms with item 1 -> other; 5 -> major; 5 without items 1-2 -> neither
    ([2, 0, 2, 2, 2, 0, 0, 0, 0], 8, "mild", set(), 4, False, True),
    ([2, 0, 2, 2, 2, 2, 0, 0, 0], 10, "moderate", {"phq9_above_cutoff"}, 5, True, False),
    ([0, 0, 3, 3, 3, 3, 3, 0, 0], 15, "moderately_severe", {"phq9_above_cutoff"}, 5, False, False),
    # item 9 counts as a symptom already at "Several days"
    ([2, 0, 2, 2, 2, 0, 0, 0, 1], 9, "mild", {"risk"}, 5, True, False),
    # 2 symptoms with item 2 -> other; 1 symptom -> neither; "Several days" is not a symptom
    ([0, 2, 2, 0, 0, 0, 0, 0, 0], 4, "minimal", set(), 2, False, True),
    ([2, 0, 0, 0, 0, 0, 0, 0, 0], 2, "minimal", set(), 1, False, False),
    ([1, 1, 1, 1, 1, 1, 1, 1, 0], 8, "mild", set(), 0, False, False),
]


@pytest.mark.parametrize(("answers", "total", "band", "flags", "symptoms", "major", "other"), PHQ9)
def test_phq9_scores_bands_flags_and_syndromes(
    instruments, answers, total, band, flags, symptoms, major, other
):
    result = scored(instruments, "phq9", answers)
    assert (result.valid, result.total, result.band, set(result.flags)) == (
        True,
        total,
        band,
        flags,
    )
    assert result.subscales["phq2"] == answers[0] + answers[1]
    assert dict(result.algorithm) == {
        "symptom_count": symptoms,
        "major_depressive_syndrome": major,
        "other_depressive_syndrome": other,
    }


# NHS Data Dictionary (PHQ-9): 1 or 2 missing items are replaced by the mean of the answered
# items; more than 2 missing: no score. Rounding is unspecified; Gezien rounds halves up.
# Item 9 is never estimated silently: when it is unanswered, risk_unanswered is raised
# (instruments.md §2.1 and §3: item 9 needs its own safety step; prorating cannot answer it).
PHQ9_MISSING = [
    # answers, valid, total, band, flags
    # 14 over 8 items: 14 + 14/8 = 15.75 -> 16
    (
        [2, 2, 2, 2, 2, 2, 2, N, 0],
        True,
        16,
        "moderately_severe",
        {"phq2_positive", "phq9_above_cutoff"},
    ),
    # 4 over 8 items: 4 + 4/8 = 4.5 -> 5, so the band moves from minimal to mild
    ([1, 1, 1, 1, 0, 0, 0, 0, N], True, 5, "mild", {"risk_unanswered"}),
    # 7 over 7 items: 7 + 2 * 1 = 9
    ([1, 1, 1, 1, 1, 1, 1, N, N], True, 9, "mild", {"risk_unanswered"}),
    # three missing: no total, but item 9 still raises the risk flag
    ([N, N, N, 0, 0, 0, 0, 0, 2], False, None, None, {"risk"}),
    # three missing: the PHQ-2 is complete and still screens positive
    ([2, 1, N, N, 0, 0, 0, 0, N], False, None, None, {"phq2_positive", "risk_unanswered"}),
    # nothing answered
    ([N, N, N, N, N, N, N, N, N], False, None, None, {"risk_unanswered"}),
]


@pytest.mark.parametrize(("answers", "valid", "total", "band", "flags"), PHQ9_MISSING)
def test_phq9_missing_item_rule(instruments, answers, valid, total, band, flags):
    result = scored(instruments, "phq9", answers)
    assert (result.valid, result.total, result.band, set(result.flags)) == (
        valid,
        total,
        band,
        flags,
    )
    assert result.prorated is (total is not None)
    # the algorithm needs every symptom item, so it cannot say anything here
    assert set(result.algorithm.values()) == {None}
    assert [item_id for item_id in result.missing if item_id != "phq9_difficulty"] == [
        f"phq9_{n + 1}" for n, value in enumerate(answers) if value is None
    ]


def test_phq9_difficulty_item_does_not_change_the_score(instruments):
    without = scored(instruments, "phq9", [1, 2, 0, 1, 0, 0, 1, 0, 0])
    very_difficult = scored(instruments, "phq9", [1, 2, 0, 1, 0, 0, 1, 0, 0, 3])
    assert without.total == very_difficult.total == 5
    assert without.valid and very_difficult.valid
    assert without.missing == ("phq9_difficulty",) and very_difficult.missing == ()


# --- GAD-7 ----------------------------------------------------------------------------------
# Total = sum of items 1-7 (0-21); bands 0-4, 5-9, 10-14, 15-21; cut-off >= 10 (Spitzer et al.
# 2006). gad2_positive = items 1+2 >= 3 (Kroenke et al. 2007). No missing-item rule: all needed.

GAD7 = [
    ([0, 0, 0, 0, 0, 0, 0], True, 0, "minimal", set()),
    ([3, 3, 3, 3, 3, 3, 3], True, 21, "severe", {"gad2_positive", "gad7_above_cutoff"}),
    ([1, 1, 1, 1, 0, 0, 0], True, 4, "minimal", set()),
    ([2, 1, 1, 1, 0, 0, 0], True, 5, "mild", {"gad2_positive"}),
    ([1, 1, 1, 1, 1, 1, 3], True, 9, "mild", set()),
    ([1, 1, 1, 1, 1, 2, 3], True, 10, "moderate", {"gad7_above_cutoff"}),
    ([2, 2, 2, 2, 2, 2, 2], True, 14, "moderate", {"gad2_positive", "gad7_above_cutoff"}),
    ([0, 2, 3, 3, 3, 2, 2], True, 15, "severe", {"gad7_above_cutoff"}),
    # one item missing: no total, but a complete GAD-2 still counts
    ([1, 1, 1, 1, 1, 1, N], False, None, None, set()),
    ([3, 1, N, 0, 0, 0, 0], False, None, None, {"gad2_positive"}),
]


@pytest.mark.parametrize(("answers", "valid", "total", "band", "flags"), GAD7)
def test_gad7_scores_bands_and_flags(instruments, answers, valid, total, band, flags):
    result = scored(instruments, "gad7", answers)
    assert (result.valid, result.total, result.band, set(result.flags)) == (
        valid,
        total,
        band,
        flags,
    )
    assert result.subscales["gad2"] == answers[0] + answers[1]
    assert result.prorated is False


# --- PCL-5 ----------------------------------------------------------------------------------
# Total = sum of 20 items (0-80); clusters B 1-5, C 6-7, D 8-14, E 15-20 (Blevins et al. 2015).
# No bands. Cut-point flag at >= 31 (NCPTSD 31-33, low end). Provisional PTSD (Weathers et al.
# 2013; NCPTSD): item >= 2 is a symptom; >= 1 in B, >= 1 in C, >= 2 in D, >= 2 in E.

RULE_MET = [2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0]

PCL5 = [
    # answers, total, clusters (b, c, d, e), provisional, flags
    ([0] * 20, 0, (0, 0, 0, 0), False, set()),
    ([4] * 20, 80, (20, 8, 28, 24), True, {"pcl5_above_cutpoint"}),
    ([2] * 10 + [1] * 10, 30, (10, 4, 10, 6), False, set()),
    ([2] * 11 + [1] * 9, 31, (10, 4, 11, 6), False, {"pcl5_above_cutpoint"}),
    (RULE_MET, 12, (2, 2, 4, 4), True, set()),
    # one E symptom short
    (RULE_MET[:15] + [1, 0, 0, 0, 0], 11, (2, 2, 4, 3), False, set()),
    # "A little bit" on the only B item is not a symptom
    ([1] + RULE_MET[1:], 11, (1, 2, 4, 4), False, set()),
    # one D symptom short
    (RULE_MET[:8] + [1] + RULE_MET[9:], 11, (2, 2, 3, 4), False, set()),
]


@pytest.mark.parametrize(("answers", "total", "clusters", "provisional", "flags"), PCL5)
def test_pcl5_total_clusters_cutpoint_and_provisional_rule(
    instruments, answers, total, clusters, provisional, flags
):
    result = scored(instruments, "pcl5", answers)
    assert (result.valid, result.total, result.band, set(result.flags)) == (
        True,
        total,
        None,
        flags,
    )
    assert tuple(result.subscales[c] for c in "bcde") == clusters
    assert dict(result.algorithm) == {"provisional_ptsd": provisional}


def test_pcl5_with_a_missing_item_has_no_total_and_no_provisional_outcome(instruments):
    result = scored(instruments, "pcl5", [4] * 19 + [N])
    assert (result.valid, result.total, result.flags) == (False, None, frozenset())
    assert dict(result.subscales) == {"b": 20, "c": 8, "d": 28, "e": None}
    assert result.algorithm["provisional_ptsd"] is None


# --- ITQ ------------------------------------------------------------------------------------
# Cloitre et al. 2018 / ITQ scoring sheet: endorsed = item >= 2. PTSD = (P1|P2) & (P3|P4) &
# (P5|P6) & any of P7-P9. CPTSD = PTSD criteria & (C1|C2) & (C3|C4) & (C5|C6) & any of C7-C9.
# PTSD and CPTSD exclude each other; DSO alone gives neither. No total; cluster sums 0-8,
# PTSD score P1-P6 and DSO score C1-C6 (0-24). Order: P1-P9, then C1-C9.

PTSD_ONLY = [2, 0, 2, 0, 2, 0, 2, 0, 0]
NO_DSO = [0] * 9

ITQ = [
    # answers, outcome, subscales (re, av, th, ptsd, ad, nsc, dr, dso)
    ([0] * 18, "none", (0, 0, 0, 0, 0, 0, 0, 0)),
    ([4] * 18, "cptsd", (8, 8, 8, 24, 8, 8, 8, 24)),
    (PTSD_ONLY + NO_DSO, "ptsd", (2, 2, 2, 6, 0, 0, 0, 0)),
    # PTSD symptoms but no functional impairment rated >= 2
    ([2, 0, 2, 0, 2, 0, 1, 1, 1] + NO_DSO, "none", (2, 2, 2, 6, 0, 0, 0, 0)),
    # sense-of-threat cluster not met
    ([2, 0, 2, 0, 1, 1, 2, 0, 0] + NO_DSO, "none", (2, 2, 2, 6, 0, 0, 0, 0)),
    # DSO criteria met without PTSD: no outcome
    ([0] * 9 + [2, 0, 2, 0, 2, 0, 2, 0, 0], "none", (0, 0, 0, 0, 2, 2, 2, 6)),
    (PTSD_ONLY + [0, 2, 0, 2, 0, 3, 0, 0, 4], "cptsd", (2, 2, 2, 6, 2, 2, 3, 7)),
    # relationships cluster not met -> PTSD, not CPTSD
    (PTSD_ONLY + [2, 0, 2, 0, 1, 1, 2, 0, 0], "ptsd", (2, 2, 2, 6, 2, 2, 2, 6)),
    # DSO impairment not rated >= 2 -> PTSD, not CPTSD
    (PTSD_ONLY + [2, 0, 2, 0, 2, 0, 1, 1, 1], "ptsd", (2, 2, 2, 6, 2, 2, 2, 6)),
]


@pytest.mark.parametrize(("answers", "outcome", "subscales"), ITQ)
def test_itq_algorithm_and_cluster_scores(instruments, answers, outcome, subscales):
    result = scored(instruments, "itq", answers)
    assert (result.valid, result.total, result.band) == (True, None, None)
    assert dict(result.algorithm) == {
        "ptsd": outcome == "ptsd",
        "cptsd": outcome == "cptsd",
        "provisional_outcome": outcome,
    }
    names = ("re", "av", "th", "ptsd", "ad", "nsc", "dr", "dso")
    assert tuple(result.subscales[name] for name in names) == subscales


def test_itq_with_a_missing_item_gives_no_outcome(instruments):
    result = scored(instruments, "itq", [N] + [4] * 17)
    assert result.valid is False
    assert set(result.algorithm.values()) == {None}
    assert result.subscales["re"] is None and result.subscales["dso"] == 24


# --- WHO-5 ----------------------------------------------------------------------------------
# Raw = sum of 5 items (0-25), percentage = raw x 4. Bands (Topp et al. 2015): raw <= 7
# (<= 28 %) very low; raw 8-12 (<= 50 %) low; raw >= 13 not low. Higher is better.

WHO5 = [
    ([0, 0, 0, 0, 0], 0, 0, "very_low"),
    ([5, 5, 5, 5, 5], 25, 100, "not_low"),
    ([2, 2, 1, 1, 1], 7, 28, "very_low"),
    ([2, 2, 2, 1, 1], 8, 32, "low"),
    ([3, 3, 2, 2, 2], 12, 48, "low"),
    ([3, 3, 3, 2, 2], 13, 52, "not_low"),
]


@pytest.mark.parametrize(("answers", "raw", "percentage", "band"), WHO5)
def test_who5_raw_score_percentage_and_band(instruments, answers, raw, percentage, band):
    result = scored(instruments, "who5", answers)
    assert (result.valid, result.total, result.band) == (True, raw, band)
    assert dict(result.algorithm) == {"percentage": percentage}


def test_who5_with_a_missing_item_has_no_percentage(instruments):
    result = scored(instruments, "who5", [5, 5, 5, 5, N])
    assert (result.valid, result.total, result.band) == (False, None, None)
    assert result.algorithm["percentage"] is None


# --- RSES -----------------------------------------------------------------------------------
# UMD scoring (PhenX): answer values SA 3, A 2, D 1, SD 0; items 3, 5, 8, 9, 10 reversed
# (3 - value); total 0-30; no cut-offs. Higher is better.

HIGHEST = [3, 3, 0, 3, 0, 3, 3, 0, 0, 0]
RSES = [
    ([3] * 10, 15),  # SA everywhere: 5 x 3 + 5 x 0
    ([0] * 10, 15),  # SD everywhere: 5 x 0 + 5 x 3
    (HIGHEST, 30),
    ([0, 0, 3, 0, 3, 0, 0, 3, 3, 3], 0),
    ([3, 3, 3, 3, 0, 3, 3, 0, 0, 0], 27),  # "I am a failure": Strongly Agree costs 3 points
    ([0, 3, 0, 3, 0, 3, 3, 0, 0, 0], 27),  # "person of worth": Strongly Disagree costs 3 points
    ([2, 2, 1, 2, 1, 2, 2, 1, 1, 1], 20),  # Agree on positive, Disagree on negative: 5 x 2 + 5 x 2
]


@pytest.mark.parametrize(("answers", "total"), RSES)
def test_rses_reverses_the_negatively_worded_items(instruments, answers, total):
    result = scored(instruments, "rses", answers)
    assert (result.valid, result.total, result.band, result.flags) == (
        True,
        total,
        None,
        frozenset(),
    )


def test_rses_needs_every_item(instruments):
    result = scored(instruments, "rses", HIGHEST[:9] + [N])
    assert (result.valid, result.total) == (False, None)


# --- ACE ------------------------------------------------------------------------------------
# ACE score = number of Yes answers (0-10) (Felitti et al. 1998). Items 1-5 = emotional abuse,
# physical abuse, sexual abuse, emotional neglect, physical neglect (instruments.md §1.4).
# No bands.

FORMS = (
    "emotional_abuse",
    "physical_abuse",
    "sexual_abuse",
    "emotional_neglect",
    "physical_neglect",
)

ACE = [
    # answers, total, (abuse_and_neglect, household), forms reported
    ([0] * 10, 0, (0, 0), set()),
    ([1] * 10, 10, (5, 5), set(FORMS)),
    ([0, 0, 0, 1, 0, 0, 0, 0, 0, 0], 1, (1, 0), {"emotional_neglect"}),
    ([1, 0, 0, 1, 0, 1, 0, 0, 1, 0], 4, (2, 2), {"emotional_abuse", "emotional_neglect"}),
    ([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], 5, (0, 5), set()),
]


@pytest.mark.parametrize(("answers", "total", "groups", "forms"), ACE)
def test_ace_counts_yes_answers_and_names_the_forms(instruments, answers, total, groups, forms):
    result = scored(instruments, "ace", answers)
    assert (result.valid, result.total, result.band) == (True, total, None)
    assert (result.subscales["abuse_and_neglect"], result.subscales["household"]) == groups
    assert dict(result.algorithm) == {form: form in forms for form in FORMS}


def test_ace_reports_answered_forms_even_when_an_item_is_skipped(instruments):
    result = scored(instruments, "ace", [1, N, 0, 0, 0, 0, 0, 0, 0, 0])
    assert (result.valid, result.total) == (False, None)
    assert result.algorithm["emotional_abuse"] is True
    assert result.algorithm["physical_abuse"] is None
    assert result.subscales["abuse_and_neglect"] is None and result.subscales["household"] == 0


# --- input the engine refuses ----------------------------------------------------------------


@pytest.mark.parametrize(
    "answers", [{"phq9_11": 1}, {"phq9_1": 4}, {"phq9_1": True}, {"phq9_1": 1.0}]
)
def test_score_refuses_unknown_items_and_values_that_are_not_options(instruments, answers):
    with pytest.raises(ValueError):
        score(instruments["phq9"], answers)


# --- reliable change ------------------------------------------------------------------------
# PHQ-9 6 points, GAD-7 4 points (IAPT manual); PCL-5 10 points (NCPTSD; Blanchard 2023);
# WHO-5 10 percentage points (Topp et al. 2015). A change counts when it is at least the figure.

CHANGES = [
    # instrument, earlier answers, later answers, direction, difference
    ("phq9", [3, 3, 2, 2, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2, 2, 0, 0], "improved", -6),
    ("phq9", [3, 3, 2, 2, 2, 2, 2, 2, 2], [3, 2, 2, 2, 2, 2, 2, 0, 0], "no_reliable_change", -5),
    ("phq9", [2, 2, 2, 2, 2, 2, 2, 0, 0], [3, 3, 2, 2, 2, 2, 2, 2, 2], "worsened", 6),
    ("gad7", [2, 2, 2, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 0], "improved", -4),
    ("gad7", [2, 2, 2, 1, 1, 1, 1], [2, 1, 1, 1, 1, 1, 0], "no_reliable_change", -3),
    ("pcl5", [2] * 20, [2] * 10 + [1] * 10, "improved", -10),
    ("pcl5", [2] * 20, [2] * 11 + [1] * 9, "no_reliable_change", -9),
    ("pcl5", [1] * 20, [2] * 10 + [1] * 10, "worsened", 10),
    # WHO-5: raw 10 (40 %) -> raw 13 (52 %) is +12 points; -> raw 12 (48 %) only +8
    ("who5", [2, 2, 2, 2, 2], [3, 3, 3, 2, 2], "improved", 12),
    ("who5", [2, 2, 2, 2, 2], [3, 3, 2, 2, 2], "no_reliable_change", 8),
    ("who5", [3, 3, 3, 2, 2], [2, 2, 2, 2, 2], "worsened", -12),
]


@pytest.mark.parametrize(("instrument_id", "earlier", "later", "direction", "difference"), CHANGES)
def test_reliable_change_uses_the_published_figure(
    instruments, instrument_id, earlier, later, direction, difference
):
    instrument = instruments[instrument_id]
    change = reliable_change(
        instrument,
        scored(instruments, instrument_id, earlier),
        scored(instruments, instrument_id, later),
    )
    assert (change.direction, change.difference) == (direction, difference)
    assert change.threshold == instrument.reliable_change.threshold
    assert change.source == instrument.reliable_change.source


@pytest.mark.parametrize(
    ("instrument_id", "answers"), [("rses", [3] * 10), ("itq", [4] * 18), ("ace", [1] * 10)]
)
def test_reliable_change_is_not_available_without_a_published_figure(
    instruments, instrument_id, answers
):
    result = scored(instruments, instrument_id, answers)
    change = reliable_change(instruments[instrument_id], result, result)
    assert (change.direction, change.difference, change.threshold) == ("not_available", None, None)
    assert change.source


def test_reliable_change_is_not_available_when_a_result_has_no_total(instruments):
    earlier = scored(instruments, "gad7", [3] * 7)
    later = scored(instruments, "gad7", [0] * 6 + [N])
    change = reliable_change(instruments["gad7"], earlier, later)
    assert (change.direction, change.difference, change.threshold) == ("not_available", None, 4)


def test_reliable_change_refuses_results_of_another_instrument(instruments):
    with pytest.raises(ValueError):
        reliable_change(
            instruments["gad7"],
            scored(instruments, "phq9", [0] * 9),
            scored(instruments, "gad7", [0] * 7),
        )
