"""The help navigator: rules fire when they should, preferences are respected, and a broken
rules file or tampered answers are caught with a clear message."""

from __future__ import annotations

import dataclasses
import itertools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gezien.lib.data import DataError
from gezien.navigator.engine import (
    Advice,
    InvalidAnswers,
    Text,
    advise,
    load,
)

RULES = load()
LIBRARY_SOURCES = Path(__file__).parents[2] / "library" / "content" / "sources.toml"

# The library's page IDs (brief/library.md): kinds may only link to these.
LIBRARY_PAGES = {
    "emotionele-verwaarlozing", "emotionele-mishandeling", "vijf-vormen",
    "signalen-volwassenen", "signalen-relatie", "signalen-kinderen", "late-gevolgen",
    "depressie-en-angst", "ptss-en-complexe-ptss", "dissociatie", "zelfbeeld",
    "relaties-en-werk", "lichaam-en-gezondheid", "risico-en-beschermende-factoren",
    "hoe-vaak-en-kosten", "herstel-en-zelfhulp", "behandelingen", "cgt", "schematherapie",
    "componentgebaseerde-psychotherapie", "emdr-en-exposure", "stair", "mindfulness-mbsr-act",
    "eft", "antidepressiva", "psychomotorische-therapie", "onderhoudsbehandeling",
    "wat-helpt-in-therapie", "voor-partners", "voor-ouders", "voor-professionals",
    "veelgestelde-vragen",
}  # fmt: skip

# Phrases that would tell the person what they "have".
DIAGNOSTIC = re.compile(
    r"\b(je hebt|jij hebt|u heeft|heb je een|you have|you've got)\b|diagnos", re.IGNORECASE
)
# Names of conditions must never appear in what the person ticks or in why help fits them.
CONDITION_NAMES = re.compile(
    r"depressi|ptss|ptsd|stoornis|disorder|dissociati|angststoornis|borderline", re.IGNORECASE
)


def ids(advice: Advice) -> list[str]:
    return [suggestion.kind.id for suggestion in advice.suggestions]


def reasons_of(advice: Advice, kind: str) -> list[str]:
    return [r.rule for s in advice.suggestions if s.kind.id == kind for r in s.reasons]


def texts(value: object) -> list[Text]:
    """Every Text inside a piece of advice, however deeply nested."""
    if isinstance(value, Text):
        return [value]
    if dataclasses.is_dataclass(value):
        return [t for f in dataclasses.fields(value) for t in texts(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [t for item in value for t in texts(item)]
    return []


ALL_CONCERNS = frozenset(concern.id for concern in RULES.concerns)
ALL_ANSWERS = [
    dict(zip([p.id for p in RULES.preferences], combo, strict=True))
    for combo in itertools.product(*(p.option_ids for p in RULES.preferences))
]


# --- one row per rule ----------------------------------------------------------------------


@dataclass(frozen=True)
class Suggests:
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Excludes:
    kind: str


@dataclass(frozen=True)
class Ranks:
    """With the rule, `first` comes before `second`; without it, the other way round."""

    first: str
    second: str


@dataclass(frozen=True)
class Notes:
    """Adds its reason to a kind that is alone at its level, so it cannot change the order."""

    kind: str


@dataclass(frozen=True)
class Case:
    rule: str
    on: tuple[frozenset[str], dict[str, str]]
    off: tuple[frozenset[str], dict[str, str]]
    effect: Suggests | Excludes | Ranks | Notes


def case(rule, on_concerns, on_prefs, off_concerns, off_prefs, effect) -> Case:
    return Case(
        rule, (frozenset(on_concerns), on_prefs), (frozenset(off_concerns), off_prefs), effect
    )


CASES = [
    case("first-step", {"alone"}, {}, set(), {}, Suggests(("poh-ggz",))),
    case("nothing-ticked", set(), {}, {"worry"}, {}, Suggests(("poh-ggz",))),
    case("memories-trauma-focused", {"on_guard"}, {}, {"detached"}, {},
         Suggests(("emdr-en-exposure",))),
    case("memories-unsure", {"memories"}, {"trauma_work": "unsure"},
         {"memories"}, {"trauma_work": "now"}, Suggests(("stair",))),
    case("memories-skills-first", {"memories"}, {"trauma_work": "not_yet"},
         {"memories"}, {"trauma_work": "unsure"},
         Suggests(("stair", "componentgebaseerde-psychotherapie"))),
    case("memories-gentler-route", {"memories"}, {"trauma_work": "not_yet"},
         {"memories"}, {"trauma_work": "unsure"}, Suggests(("mindfulness-mbsr-act",))),
    case("memories-later", {"on_guard"}, {"trauma_work": "not_yet"},
         {"on_guard"}, {"trauma_work": "now"}, Suggests(("emdr-en-exposure",))),
    case("low-mood-first-line", {"keeps_returning"}, {}, {"worry"}, {}, Suggests(("cgt",))),
    case("low-mood-options", {"low_mood_long"}, {}, {"keeps_returning"}, {},
         Suggests(("gedragsactivatie", "ipt"))),
    case("low-mood-medication", {"low_mood"}, {}, {"body"}, {}, Suggests(("antidepressiva",))),
    case("long-lasting-schema", {"low_mood_long"}, {}, {"low_mood"}, {},
         Suggests(("schematherapie",))),
    case("keeps-returning-relapse", {"keeps_returning"}, {}, {"low_mood"}, {},
         Suggests(("mindfulness-mbsr-act", "onderhoudsbehandeling"))),
    case("keeps-returning-medication", {"keeps_returning"}, {}, {"low_mood_long"}, {},
         Suggests(("antidepressiva",))),
    case("unsure-feelings", {"unsure_feelings"}, {}, {"self_worth"}, {},
         Suggests(("componentgebaseerde-psychotherapie",))),
    case("unsure-feelings-support", {"unsure_feelings"}, {}, {"self_worth"}, {},
         Suggests(("gezien-dagboek", "eft"))),
    case("self-worth", {"self_worth"}, {}, {"worry"}, {},
         Suggests(("componentgebaseerde-psychotherapie", "schematherapie"))),
    case("relationships", {"relationships"}, {}, {"body"}, {},
         Suggests(("componentgebaseerde-psychotherapie", "schematherapie"))),
    case("detached", {"detached"}, {}, {"alone"}, {},
         Suggests(("componentgebaseerde-psychotherapie",))),
    case("detached-grounding", {"detached"}, {}, {"alone"}, {}, Suggests(("gezien-oefeningen",))),
    case("worry", {"worry"}, {}, {"detached"}, {}, Suggests(("mindfulness-mbsr-act",))),
    case("worry-calming", {"worry"}, {}, {"detached"}, {}, Suggests(("gezien-oefeningen",))),
    case("body", {"body"}, {}, {"worry"}, {},
         Suggests(("psychomotorische-therapie", "gezien-oefeningen"))),
    case("own-children", {"own_children"}, {}, {"alone"}, {}, Suggests(("onderhoudsbehandeling",))),
    case("alone", {"alone"}, {}, {"own_children"}, {}, Suggests(("lotgenoten",))),
    case("keeps-returning-no-ipt", {"low_mood", "keeps_returning"}, {},
         {"low_mood"}, {}, Excludes("ipt")),
    case("no-medication", {"low_mood"}, {"medication": "no"},
         {"low_mood"}, {"medication": "unsure"}, Excludes("antidepressiva")),
    case("medication-open", {"low_mood"}, {"medication": "yes"},
         {"low_mood"}, {"medication": "unsure"}, Ranks("antidepressiva", "gedragsactivatie")),
    case("medication-unsure", {"low_mood"}, {"medication": "unsure"},
         {"low_mood"}, {"medication": "yes"}, Ranks("ipt", "antidepressiva")),
    case("trauma-work-now", {"on_guard", "memories"}, {"trauma_work": "now"},
         {"on_guard", "memories"}, {"trauma_work": "unsure"}, Notes("emdr-en-exposure")),
    case("prefer-talking", {"low_mood"}, {"approach": "talking"}, {"low_mood"}, {},
         Ranks("ipt", "gedragsactivatie")),
    case("prefer-practising", {"worry", "body"}, {"approach": "practising"}, {"worry", "body"}, {},
         Ranks("gezien-oefeningen", "psychomotorische-therapie")),
    case("prefer-body", {"body", "detached"}, {"approach": "body"},
         {"body", "detached"}, {"approach": "practising"},
         Ranks("psychomotorische-therapie", "gezien-oefeningen")),
    case("prefer-group", {"alone", "body"}, {"setting": "group"}, {"alone", "body"}, {},
         Ranks("lotgenoten", "psychomotorische-therapie")),
    case("prefer-individual", {"keeps_returning"}, {"setting": "individual"},
         {"keeps_returning"}, {}, Ranks("onderhoudsbehandeling", "mindfulness-mbsr-act")),
    case("pace-calm", {"body"}, {"pace": "calm"}, {"body"}, {},
         Ranks("gezien-oefeningen", "psychomotorische-therapie")),
    case("pace-intensive", {"memories", "low_mood"}, {"pace": "intensive"},
         {"memories", "low_mood"}, {}, Notes("emdr-en-exposure")),
]  # fmt: skip


def test_every_rule_in_the_file_has_a_row_in_the_table():
    assert sorted(c.rule for c in CASES) == sorted(rule.id for rule in RULES.rules)


@pytest.mark.parametrize("row", CASES, ids=lambda row: row.rule)
def test_each_rule_fires_with_its_effect_only_when_its_conditions_hold(row: Case):
    on = advise(RULES, *row.on)
    off = advise(RULES, *row.off)
    assert row.rule in on.fired
    assert row.rule not in off.fired
    effect = row.effect
    if isinstance(effect, Suggests):
        for kind in effect.kinds:
            assert row.rule in reasons_of(on, kind), kind
            assert row.rule not in reasons_of(off, kind), kind
    elif isinstance(effect, Excludes):
        assert effect.kind not in ids(on)
        assert [(e.kind.id, [r.rule for r in e.reasons]) for e in on.excluded] == [
            (effect.kind, [row.rule])
        ]
        assert effect.kind in ids(off)
        assert off.excluded == ()
    elif isinstance(effect, Notes):
        assert row.rule in reasons_of(on, effect.kind)
        assert row.rule not in reasons_of(off, effect.kind)
    else:
        assert ids(on).index(effect.first) < ids(on).index(effect.second)
        assert ids(off).index(effect.second) < ids(off).index(effect.first)
        assert row.rule in reasons_of(on, effect.first) + reasons_of(on, effect.second)


# --- what a person notices ---------------------------------------------------------------------


def test_it_leaves_out_antidepressants_for_someone_who_wants_no_medication():
    advice = advise(RULES, {"low_mood", "low_mood_long"}, {"medication": "no"})
    assert "antidepressiva" not in ids(advice)
    assert "cgt" in ids(advice)
    (exclusion,) = advice.excluded
    assert exclusion.kind.id == "antidepressiva"
    assert "geen medicijnen" in exclusion.reasons[0].text.nl
    assert "do not want medication" in exclusion.reasons[0].text.en


def test_not_yet_for_trauma_work_places_it_lower_and_says_so_calmly_without_removing_it():
    advice = advise(RULES, {"memories", "on_guard"}, {"trauma_work": "not_yet"})
    assert ids(advice)[-1] == "emdr-en-exposure"
    assert advice.excluded == ()
    note = next(r.text for s in advice.suggestions for r in s.reasons if r.rule == "memories-later")
    assert "Dat mag" in note.nl and "behandelaar" in note.nl and "2025" in note.nl
    assert "2025" in note.en


def test_the_same_worries_are_ordered_by_how_the_person_likes_to_work_within_a_level():
    concerns = {"unsure_feelings", "body"}
    talking = ids(advise(RULES, concerns, {"approach": "talking"}))
    practising = ids(advise(RULES, concerns, {"approach": "practising"}))
    # Component-based therapy has the strongest reason either way.
    assert talking[0] == practising[0] == "componentgebaseerde-psychotherapie"
    assert talking.index("gezien-oefeningen") > talking.index("eft")
    assert practising.index("gezien-oefeningen") < practising.index("eft")
    assert practising[1] == "gezien-oefeningen"


def test_a_group_preference_brings_peer_support_up_and_an_individual_one_takes_it_down():
    concerns = {"alone", "body"}
    group = ids(advise(RULES, concerns, {"setting": "group"}))
    alone = ids(advise(RULES, concerns, {"setting": "individual"}))
    assert group.index("lotgenoten") == 0
    assert alone.index("lotgenoten") == alone.index("poh-ggz") - 1


def test_help_that_fits_several_worries_keeps_every_reason_but_gains_no_place_from_them():
    advice = advise(RULES, {"self_worth", "relationships", "unsure_feelings", "detached"}, {})
    first = advice.suggestions[0]
    assert first.kind.id == "componentgebaseerde-psychotherapie"
    assert [r.rule for r in first.reasons] == [
        "unsure-feelings",
        "self-worth",
        "relationships",
        "detached",
    ]
    # Schema therapy fits two of the four ticks, at the same level: the order of the file
    # decides, not the number of reasons.
    second = advice.suggestions[1]
    assert second.kind.id == "schematherapie" and second.level == first.level


def test_with_nothing_ticked_there_is_still_a_first_step_a_route_and_ways_to_bridge_the_wait():
    advice = advise(RULES, set(), {})
    assert ids(advice) == ["poh-ggz"]
    assert [step.id for step in advice.route.steps][:2] == ["huisarts", "poh-ggz"]
    assert {item.site for item in advice.bridge} >= {"exercises", "journal", "safety-plan", "help"}
    assert 8 <= len(advice.intake_questions) <= 11
    assert "vier" in advice.click.text.nl and "four" in advice.click.text.en


def test_the_route_gives_the_costs_and_waiting_limits_of_dutch_care():
    route = " ".join(f"{s.title.nl} {s.text.nl}" for s in RULES.route.steps)
    for fact in (
        "verwijsbrief",
        "€385 in 2026",
        "4 weken",
        "10 weken",
        "wachtlijstbemiddeling",
        "POH-GGZ",
    ):
        assert fact in route, fact
    costs = next(s for s in RULES.route.steps if s.id == "eigen-risico")
    assert "tellen niet mee" in costs.text.nl and "do not count" in costs.text.en


# --- tampered answers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("concerns", "preferences", "message"),
    [
        ({"low_mood", "everything"}, {}, "unknown statement 'everything'"),
        ({"low_mood", 5}, {}, "unknown statement 5"),
        ("low_mood", {}, "expected a collection"),
        ([["low_mood"]], {}, "expected a collection"),
        (set(), {"colour": "blue"}, "unknown question 'colour'"),
        (set(), {"medication": "maybe"}, "preferences.medication: unknown answer 'maybe'"),
        (set(), {"pace": None}, "preferences.pace: unknown answer None"),
        (set(), [("medication", "no")], "expected question ids"),
    ],
)
def test_answers_that_did_not_come_from_the_form_are_refused(concerns, preferences, message):
    with pytest.raises(InvalidAnswers, match=re.escape(message)):
        advise(RULES, concerns, preferences)


answers = st.fixed_dictionaries(
    {},
    optional={p.id: st.sampled_from(p.option_ids) for p in RULES.preferences},
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(sorted(ALL_CONCERNS)), unique=True), answers)
def test_advice_is_deterministic_and_consistent(concerns, prefs):
    advice = advise(RULES, set(concerns), prefs)
    assert advice == advise(RULES, list(reversed(concerns)), dict(reversed(prefs.items())))
    suggested = ids(advice)
    assert len(suggested) == len(set(suggested))
    assert not set(suggested) & {e.kind.id for e in advice.excluded}
    strength = {level.id: index for index, level in enumerate(RULES.levels)}
    places = [(strength[s.level.id], -s.adjustment) for s in advice.suggestions]
    assert places == sorted(places)
    suggesting = {rule.id for rule in RULES.rules if rule.suggest}
    for suggestion in advice.suggestions:
        assert suggesting & {r.rule for r in suggestion.reasons}
        assert suggestion.evidence
    assert ("nothing-ticked" in advice.fired) == (not concerns)


# --- the words ---------------------------------------------------------------------------------


def test_no_output_ever_tells_the_person_what_they_have():
    seen_rules: set[str] = set()
    for concerns, prefs in itertools.product((ALL_CONCERNS, frozenset()), ALL_ANSWERS):
        advice = advise(RULES, concerns, prefs)
        seen_rules.update(advice.fired)
        for text in texts(advice):
            for words in (text.nl, text.en):
                assert not DIAGNOSTIC.search(words), words
    assert seen_rules == {rule.id for rule in RULES.rules}


def test_statements_questions_and_reasons_never_name_a_condition():
    person_facing = [c.text for c in RULES.concerns] + [r.reason for r in RULES.rules]
    person_facing += [level.label for level in RULES.levels]
    person_facing += [p.question for p in RULES.preferences]
    person_facing += [o.label for p in RULES.preferences for o in p.options]
    for text in person_facing:
        for words in (text.nl, text.en):
            # The name of a guideline is not a statement about the person.
            without_titles = re.sub(
                r"richtlijn (PTSS|Depressie)|(PTSD|depression) guideline", "", words
            )
            assert not CONDITION_NAMES.search(without_titles), words
            assert not DIAGNOSTIC.search(words), words


def test_statements_are_in_the_first_person():
    for concern in RULES.concerns:
        assert re.search(r"\b(ik|mij|me|mijn|mezelf)\b", concern.text.nl, re.IGNORECASE), concern.id
        assert re.search(r"\b(I|[Mm]e|[Mm]y|myself)\b", concern.text.en), concern.id


# --- evidence and links ------------------------------------------------------------------------


def test_every_kind_has_evidence_from_an_allowed_source():
    for kind in RULES.kinds:
        assert kind.evidence, kind.id
        for evidence in kind.evidence:
            assert evidence.source in {
                "rapport", "richtlijn-ptss-2025", "richtlijn-depressie-2024", "nhg-depressie"
            }  # fmt: skip
            if evidence.source == "rapport":
                assert evidence.where


def test_every_cited_source_exists_in_the_library_source_list():
    with LIBRARY_SOURCES.open("rb") as handle:
        known = set(tomllib.load(handle))
    cited = {e.source for k in RULES.kinds for e in k.evidence}
    cited |= {s for step in RULES.route.steps + RULES.bridge for s in step.sources}
    cited |= set(RULES.click.sources)
    assert cited <= known, cited - known


def test_where_the_2025_guideline_differs_from_the_report_both_are_dated():
    differing = {k.id for k in RULES.kinds for e in k.evidence if e.differs_from_report}
    assert {"emdr-en-exposure", "stair", "componentgebaseerde-psychotherapie"} <= differing
    for kind in RULES.kinds:
        for evidence in kind.evidence:
            if evidence.differs_from_report:
                assert "rapport (rond 2018)" in evidence.claim.nl and "2025" in evidence.claim.nl
                assert "report (around 2018)" in evidence.claim.en and "2025" in evidence.claim.en


def test_kinds_link_only_to_library_pages_that_exist():
    for kind in RULES.kinds:
        assert kind.page is None or kind.page in LIBRARY_PAGES, kind.id
    treatment_pages = {
        "cgt", "schematherapie", "componentgebaseerde-psychotherapie", "emdr-en-exposure",
        "stair", "mindfulness-mbsr-act", "eft", "antidepressiva", "psychomotorische-therapie",
        "onderhoudsbehandeling",
    }  # fmt: skip
    assert treatment_pages <= {kind.id for kind in RULES.kinds if kind.page == kind.id}


# --- broken rule files ---------------------------------------------------------------------------

MINIMAL = """
[[levels]]
id = "strong"
nl = "Sterk."
en = "Strong."

[[levels]]
id = "weak"
nl = "Zwak."
en = "Weak."

[[concerns]]
id = "tired"
nl = "Ik ben vaak moe."
en = "I am often tired."

[[preferences]]
id = "medication"
nl = "Medicijnen?"
en = "Medication?"
default = "unsure"
options = [
  { id = "yes", nl = "Ja", en = "Yes" },
  { id = "no", nl = "Nee", en = "No" },
  { id = "unsure", nl = "Weet niet", en = "Not sure" },
]

[[kinds]]
id = "rest"
category = "self-help"
name_nl = "Rust"
name_en = "Rest"
description_nl = "Rust nemen."
description_en = "Taking rest."

[[kinds.evidence]]
source = "rapport"
where = "5.1"
claim_nl = "Rust helpt."
claim_en = "Rest helps."

[[kinds]]
id = "pills"
category = "treatment"
name_nl = "Pillen"
name_en = "Pills"
description_nl = "Medicijnen."
description_en = "Medicines."

[[kinds.evidence]]
source = "nhg-depressie"
claim_nl = "Soms nodig."
claim_en = "Sometimes needed."

[[rules]]
id = "start"
when.no_concerns = true
suggest = ["rest"]
level = "weak"
reason_nl = "Begin rustig."
reason_en = "Start calmly."

[[rules]]
id = "tired"
when.any_concerns = ["tired"]
suggest = ["rest", "pills"]
level = "strong"
reason_nl = "Je bent moe."
reason_en = "You are tired."

[[rules]]
id = "no-pills"
when.medication = ["no"]
exclude = ["pills"]
reason_nl = "Geen pillen."
reason_en = "No pills."

[route]
intro_nl = "Zo gaat het."
intro_en = "This is how."

[[route.steps]]
id = "gp"
title_nl = "Huisarts"
title_en = "GP"
text_nl = "Ga naar de huisarts."
text_en = "See your GP."
sources = ["zorg-nl"]

[[bridge]]
id = "breathe"
site = "exercises"
title_nl = "Ademen"
title_en = "Breathe"
text_nl = "Adem rustig."
text_en = "Breathe slowly."

[[intake_questions]]
id = "pace"
nl = "Mag ik het tempo kiezen?"
en = "Can I choose the pace?"

[click]
nl = "Zoek verder als het niet klikt."
en = "Look further if there is no click."
sources = ["rapport"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mini.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_minimal_rules_file_used_below_is_valid(tmp_path):
    rules = load(write(tmp_path, MINIMAL))
    assert ids(advise(rules, {"tired"}, {"medication": "no"})) == ["rest"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('suggest = ["rest", "pills"]', 'suggest = ["rest", "xyz"]',
         "mini.toml: rules[1].suggest[1]: unknown kind 'xyz'"),
        ('en = "I am often tired."', 'en = ""',
         "mini.toml: concerns[0].en: must be a non-empty text"),
        ('en = "I am often tired."\n', "", "mini.toml: concerns[0].en: missing"),
        ('reason_nl = "Begin rustig."', 'reason_nl = "  "',
         "mini.toml: rules[0].reason_nl: must be a non-empty text"),
        ('source = "nhg-depressie"', 'source = "wikipedia"',
         "mini.toml: kinds[1].evidence[0].source: unknown source 'wikipedia'"),
        ('sources = ["zorg-nl"]', 'sources = ["blog"]',
         "mini.toml: route.steps[0].sources[0]: unknown source 'blog'"),
        ('when.medication = ["no"]', 'when.medication = ["never"]',
         "mini.toml: rules[2].when.medication[0]: unknown medication option 'never'"),
        ('when.any_concerns = ["tired"]', 'when.any_concerns = ["sad"]',
         "mini.toml: rules[1].when.any_concerns[0]: unknown concern 'sad'"),
        ('when.medication = ["no"]', 'when.colour = ["no"]',
         "mini.toml: rules[2].when.colour: unknown field"),
        ('default = "unsure"', 'default = "maybe"',
         "mini.toml: preferences[0].default: unknown option 'maybe'"),
        ('where = "5.1"\n', "", "mini.toml: kinds[0].evidence[0].where: missing"),
        ('id = "pills"', 'id = "rest"',
         "mini.toml: kinds[1].id: 'rest' is already used by kinds[0].id"),
        ('exclude = ["pills"]', 'exclude = ["pills"]\nsuggest = ["rest"]',
         "mini.toml: rules[2]: needs exactly one of suggest, exclude or rank"),
        ('exclude = ["pills"]', 'rank = { "pills" = 0 }',
         "mini.toml: rules[2].rank.pills: must be a whole number other than 0"),
        ('exclude = ["pills"]', 'rank = { "tea" = 1 }',
         "mini.toml: rules[2].rank.tea: unknown kind 'tea'"),
        ('reason_en = "Start calmly."', 'reason_eng = "Start calmly."',
         "mini.toml: rules[0].reason_eng: unknown field"),
        ('site = "exercises"', 'site = "https://example.org"',
         "mini.toml: bridge[0].site: unknown site 'https://example.org'"),
        ('when.no_concerns = true', 'when.medication = ["yes"]',
         "mini.toml: rules: none suggests help when nothing is ticked"),
        ('[[preferences]]',
         '[[concerns]]\nid = "lonely"\nnl = "Ik ben alleen."\nen = "I am alone."\n[[preferences]]',
         "mini.toml: concerns[1]: 'lonely' leads to no suggestion"),
        ('[click]', '[klik]', "mini.toml: klik: unknown table"),
        ('level = "strong"', 'level = "strongest"',
         "mini.toml: rules[1].level: unknown level 'strongest'"),
        ('level = "strong"\n', "", "mini.toml: rules[1].level: missing"),
        ('exclude = ["pills"]', 'exclude = ["pills"]\nlevel = "weak"',
         "mini.toml: rules[2].level: only a suggest rule has a level"),
        ('id = "weak"', 'id = "strong"',
         "mini.toml: levels[1].id: 'strong' is already used by levels[0].id"),
        ('[[rules]]\nid = "start"', '[[rules\nid = "start"', "mini.toml: is not valid TOML"),
    ],
)  # fmt: skip
def test_a_broken_rules_file_names_the_file_and_the_field(tmp_path, old, new, message):
    assert MINIMAL.count(old) == 1, "the test must change exactly one place"
    with pytest.raises(DataError) as caught:
        load(write(tmp_path, MINIMAL.replace(old, new)))
    assert str(caught.value).startswith(message)


def test_a_missing_section_is_named(tmp_path):
    without_click = MINIMAL[: MINIMAL.index("[click]")]
    with pytest.raises(DataError, match=r"^mini\.toml: click: missing$"):
        load(write(tmp_path, without_click))
