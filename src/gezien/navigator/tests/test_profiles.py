"""The navigator's ranking for typical profiles: the top three kinds of help, each row with the
guideline or report section it follows.

The order rule (rules.toml, [[levels]]): a kind of help is placed by the strongest reason it
has, never by how many reasons it collects; preferences only change the order within one level.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest

from gezien.navigator.engine import advise, load

RULES = load()


@dataclass(frozen=True)
class Profile:
    name: str
    concerns: frozenset[str]
    preferences: dict[str, str]
    top_three: tuple[str, ...]
    follows: str


def profile(name, concerns, preferences, top_three, follows) -> Profile:
    return Profile(name, frozenset(concerns), preferences, tuple(top_three), follows)


PROFILES = [
    profile(
        "typical: memories, feeling cut off, not knowing feelings, low self-worth, relationships",
        {"memories", "detached", "unsure_feelings", "self_worth", "relationships"}, {},
        ["emdr-en-exposure", "stair", "componentgebaseerde-psychotherapie"],
        "Richtlijn PTSS 2025, module EMDR: trauma-focused treatment first, also for complex "
        "PTSD; report 5.1.4 (phase-based STAIR/exposure) and 5.1.3 (component-based)",
    ),
    profile(
        "memories only, not sure yet about trauma work",
        {"memories"}, {},
        ["emdr-en-exposure", "stair", "poh-ggz"],
        "Richtlijn PTSS 2025, module EMDR; report 5.1.4; route: GP first (NHG, zorg-nl)",
    ),
    profile(
        "on guard, wants trauma work now and intensively",
        {"on_guard"}, {"trauma_work": "now", "pace": "intensive"},
        ["emdr-en-exposure", "poh-ggz"],
        "Richtlijn PTSS 2025, modules EMDR and Intensivering psychotherapie",
    ),
    profile(
        "memories and on guard, not yet ready for trauma work",
        {"memories", "on_guard"}, {"trauma_work": "not_yet"},
        ["stair", "componentgebaseerde-psychotherapie", "mindfulness-mbsr-act"],
        "Richtlijn PTSS 2025: when trauma-focused work cannot start yet, a plan to get there; "
        "report 5.1.4 (STAIR), 5.1.3 (component-based), 5.1.6 (mindfulness instead of exposure)",
    ),
    profile(
        "memories and low mood, prefers talking",
        {"memories", "low_mood"}, {"approach": "talking"},
        ["emdr-en-exposure", "cgt", "ipt"],
        "Richtlijn PTSS 2025 (trauma-focused first); Richtlijn Depressie 2024, Psychotherapieën "
        "van eerste keuze (CGT first, IPT by preference)",
    ),
    profile(
        "low mood lately",
        {"low_mood"}, {},
        ["cgt", "gedragsactivatie", "ipt"],
        "Richtlijn Depressie 2024, Psychotherapieën van eerste keuze: CGT first to consider; "
        "behavioural activation and IPT by preference",
    ),
    profile(
        "low mood for two years or more",
        {"low_mood_long"}, {},
        ["cgt", "gedragsactivatie", "ipt"],
        "Richtlijn Depressie 2024, Psychotherapieën van eerste keuze; schema therapy follows "
        "below them (report 5.1.2, around 2018)",
    ),
    profile(
        "low periods that keep coming back",
        {"keeps_returning"}, {},
        ["cgt", "mindfulness-mbsr-act", "onderhoudsbehandeling"],
        "Richtlijn Depressie 2024: after recovery MBCT or preventive cognitive therapy against "
        "relapse; report 5.1.1 (CBT, care after treatment)",
    ),
    profile(
        "low mood that keeps coming back, no medication",
        {"low_mood", "keeps_returning"}, {"medication": "no"},
        ["cgt", "gedragsactivatie", "mindfulness-mbsr-act"],
        "Richtlijn Depressie 2024; report 5.1.1 (IPT helped this group less: left out, with why); "
        "the person's own no to medication",
    ),
    profile(
        "not knowing feelings and worry, prefers practising",
        {"unsure_feelings", "worry"}, {"approach": "practising"},
        ["mindfulness-mbsr-act", "componentgebaseerde-psychotherapie", "gezien-oefeningen"],
        "Report 5.1.6 (MBSR for stress and anxiety), 5.1.3 (component-based), 5.3 (practising)",
    ),
    profile(
        "alone with it and wants to do it differently with own children, likes groups",
        {"alone", "own_children"}, {"setting": "group"},
        ["lotgenoten", "onderhoudsbehandeling", "poh-ggz"],
        "Report 8 (peers) and 5.3 (regular sessions, 'emotionele APK'); route via the GP",
    ),
    profile(
        "nothing ticked",
        set(), {},
        ["poh-ggz"],
        "Route: GP and POH-GGZ as the first step (NHG-Standaard Depressie; zorg-nl)",
    ),
    profile(
        "on guard, low mood for two years or more, low self-worth, wants to go calmly",
        {"on_guard", "low_mood_long", "self_worth"}, {"pace": "calm"},
        ["emdr-en-exposure", "cgt", "gedragsactivatie"],
        "Richtlijn PTSS 2025 (trauma-focused first); Richtlijn Depressie 2024 (CGT, "
        "behavioural activation)",
    ),
]  # fmt: skip


def top(concerns, preferences, count: int = 3) -> list[str]:
    return [s.kind.id for s in advise(RULES, concerns, preferences).suggestions[:count]]


@pytest.mark.parametrize("row", PROFILES, ids=lambda row: row.name)
def test_each_profile_gets_the_expected_top_three(row: Profile):
    assert row.follows
    assert top(row.concerns, row.preferences) == list(row.top_three)


def test_the_table_has_at_least_twelve_profiles():
    assert len(PROFILES) >= 12


ANSWERS = [
    dict(zip([p.id for p in RULES.preferences], combo, strict=True))
    for combo in itertools.product(*(p.option_ids for p in RULES.preferences))
]
OTHER_CONCERNS = sorted({c.id for c in RULES.concerns} - {"memories", "on_guard"})


@pytest.mark.parametrize("trauma", [{"memories"}, {"on_guard"}, {"memories", "on_guard"}])
def test_trauma_focused_treatment_leads_whenever_memories_or_being_on_guard_are_ticked(trauma):
    """For every combination of preferences, with no other concern and with all of them."""
    for others, answers in itertools.product(([], OTHER_CONCERNS), ANSWERS):
        advice = advise(RULES, trauma | set(others), answers)
        ranked = [s.kind.id for s in advice.suggestions]
        if answers["trauma_work"] == "not_yet":
            # The person's way of working may swap these two; nothing else comes first.
            assert set(ranked[:2]) == {"stair", "componentgebaseerde-psychotherapie"}, answers
            later = next(s for s in advice.suggestions if s.kind.id == "emdr-en-exposure")
            assert later.reasons[0].rule == "memories-later"
        else:
            assert ranked[0] == "emdr-en-exposure", (others, answers)


def test_help_that_fits_many_ticks_is_not_lifted_above_help_with_a_stronger_reason():
    many = {"memories", "detached", "unsure_feelings", "self_worth", "relationships"}
    advice = advise(RULES, many, {})
    component = next(
        s for s in advice.suggestions if s.kind.id == "componentgebaseerde-psychotherapie"
    )
    assert len(component.reasons) >= 4
    assert advice.suggestions[0].kind.id == "emdr-en-exposure"
    assert len(advice.suggestions[0].reasons) == 1


def test_every_suggestion_leads_with_its_strongest_reason_and_repeats_none():
    order = {level.id: index for index, level in enumerate(RULES.levels)}
    by_id = {rule.id: rule for rule in RULES.rules}
    for concerns in (
        {"memories", "low_mood", "keeps_returning", "self_worth", "detached"},
        {"low_mood_long", "relationships", "worry", "body"},
    ):
        for suggestion in advise(RULES, concerns, {}).suggestions:
            rules = [r.rule for r in suggestion.reasons]
            assert len(rules) == len(set(rules)), suggestion.kind.id
            texts = [r.text.nl for r in suggestion.reasons]
            assert len(texts) == len(set(texts)), suggestion.kind.id
            suggesting = [by_id[rule] for rule in rules if by_id[rule].suggest]
            assert suggesting[0] is by_id[rules[0]]
            assert order[suggestion.level.id] == min(order[rule.level] for rule in suggesting)


def test_long_lasting_and_recurring_low_mood_get_different_help():
    long_lasting = [s.kind.id for s in advise(RULES, {"low_mood_long"}, {}).suggestions]
    recurring = [s.kind.id for s in advise(RULES, {"keeps_returning"}, {}).suggestions]
    assert "schematherapie" in long_lasting and "schematherapie" not in recurring
    assert "onderhoudsbehandeling" in recurring and "onderhoudsbehandeling" not in long_lasting


def test_schema_therapy_for_long_lasting_low_mood_dates_its_evidence():
    schema = next(k for k in RULES.kinds if k.id == "schematherapie")
    dated = [e for e in schema.evidence if e.where == "5.1.2"]
    assert dated and "rond 2018" in dated[0].claim.nl and "2013" in dated[0].claim.nl
    assert "around 2018" in dated[0].claim.en
    assert any(e.source == "richtlijn-depressie-2024" for e in schema.evidence)


def test_behavioural_activation_and_ipt_are_offered_and_ipt_is_left_out_with_why_for_recurring():
    lately = [s.kind.id for s in advise(RULES, {"low_mood"}, {}).suggestions]
    assert {"gedragsactivatie", "ipt"} <= set(lately)
    both = advise(RULES, {"low_mood", "keeps_returning"}, {})
    (ipt,) = [e for e in both.excluded if e.kind.id == "ipt"]
    assert "5.1.1" in {e.where for e in ipt.kind.evidence}
    assert "minder" in ipt.reasons[0].text.nl and "less" in ipt.reasons[0].text.en
