"""The shipped definition files load, say what the research says, and broken files are refused
with a message that names the file and the field."""

from __future__ import annotations

import pytest

from gezien.lib.data import DataError
from gezien.measure.definitions import INSTRUMENTS_FOLDER, load_all

SHIPPED = {"phq9", "gad7", "pcl5", "itq", "who5", "rses", "ace", "k10", "mhi5"}


def test_every_shipped_definition_loads(instruments):
    assert set(instruments) == SHIPPED
    for instrument_id, instrument in instruments.items():
        assert instrument.file == f"{instrument_id}.toml"


# Structure from instruments.md §1.1: items x options, which items are scored, total range.
@pytest.mark.parametrize(
    ("instrument_id", "items", "scored", "total_range"),
    [
        ("phq9", 10, 9, (0, 27)),  # 9 x 0-3 + unscored difficulty item
        ("gad7", 8, 7, (0, 21)),  # 7 x 0-3 + unscored difficulty item
        ("pcl5", 20, 20, (0, 80)),  # 20 x 0-4
        ("itq", 18, 12, None),  # 12 symptoms + 6 functional impairment items, no total
        ("who5", 5, 5, (0, 25)),  # 5 x 0-5, raw score
        ("rses", 10, 10, (0, 30)),  # 10 x 0-3 after reversing
        ("ace", 10, 10, (0, 10)),  # 10 x yes/no
        ("k10", 10, 10, (10, 50)),  # 10 x 1-5 (CBS)
        ("mhi5", 5, 5, (0, 100)),  # 5 x 0-5, sum times 4 (CBS)
    ],
)
def test_item_counts_and_ranges_match_the_published_forms(
    instruments, instrument_id, items, scored, total_range
):
    instrument = instruments[instrument_id]
    assert len(instrument.items) == items
    assert len(instrument.scored_items) == scored
    assert instrument.scoring.range == total_range


def test_unscored_items_are_marked_with_their_role(instruments):
    roles = {
        instrument_id: {item.id: item.role for item in instrument.items if item.role != "scored"}
        for instrument_id, instrument in instruments.items()
    }
    assert roles["phq9"] == {"phq9_difficulty": "difficulty"}
    assert roles["gad7"] == {"gad7_difficulty": "difficulty"}
    assert roles["itq"] == {
        item_id: "functional_impairment"
        for item_id in ("itq_p7", "itq_p8", "itq_p9", "itq_c7", "itq_c8", "itq_c9")
    }
    assert not any(roles[other] for other in ("pcl5", "who5", "rses", "ace"))


def test_bands_exist_only_where_they_are_published(instruments):
    # instruments.md: no official bands for PCL-5, RSES, ACE and ITQ.
    with_bands = {instrument_id for instrument_id, i in instruments.items() if i.bands.levels}
    assert with_bands == {"phq9", "gad7", "who5", "k10", "mhi5"}
    for instrument in instruments.values():
        assert instrument.bands.source


def test_phq2_and_gad2_are_the_first_two_items_not_separate_files(instruments):
    assert instruments["phq9"].subscale("phq2").items == ("phq9_1", "phq9_2")
    assert instruments["gad7"].subscale("gad2").items == ("gad7_1", "gad7_2")
    assert not (INSTRUMENTS_FOLDER / "phq2.toml").exists()
    assert not (INSTRUMENTS_FOLDER / "gad2.toml").exists()


def test_dutch_wording_is_shipped_only_where_it_was_found(instruments):
    for instrument in instruments.values():
        answered = [item for item in instrument.items if item.role != "difficulty"]
        if instrument.dutch_available:
            assert all(item.text.nl for item in answered)
            assert instrument.wording.dutch_note is None
        else:
            assert all(item.text.nl is None for item in instrument.items)
            assert all(o.label.nl is None for s in instrument.option_sets for o in s.options)
            assert instrument.wording.dutch_note
    assert {i for i, instrument in instruments.items() if instrument.dutch_available} == {
        "phq9",
        "gad7",
        "k10",
        "mhi5",
    }


def test_the_cbs_questionnaires_are_dutch_only_and_say_so_in_english(instruments):
    for instrument_id in ("k10", "mhi5"):
        instrument = instruments[instrument_id]
        assert all(item.text.en is None and item.text.nl for item in instrument.items)
        assert all(o.label.en is None for s in instrument.option_sets for o in s.options)
        assert "shown in Dutch" in instrument.wording.english_note
    others = [i for i in instruments.values() if i.id not in ("k10", "mhi5")]
    assert all(i.wording.english_note is None for i in others)
    assert all(item.text.en for i in others for item in i.items)


def test_gad7_difficulty_item_without_dutch_wording_stays_english(instruments):
    item = instruments["gad7"].item("gad7_difficulty")
    assert item.text.nl is None
    assert item.text.en.startswith("If you checked off any problems")


def test_gad7_first_option_is_not_the_known_misprint(instruments):
    # Zorowitz et al. 2021: "Not at all sure" is a widespread error for "Not at all".
    assert instruments["gad7"].item("gad7_1").options.options[0].label.en == "Not at all"


def test_rses_reverse_items_are_the_negatively_worded_statements(instruments):
    # Item-order trap (instruments.md §2.7): reversal follows the wording (UMD 3, 5, 8, 9, 10).
    rses = instruments["rses"]
    reversed_texts = [rses.item(item_id).text.en for item_id in rses.scoring.reverse_items]
    assert reversed_texts == [
        "All in all, I am inclined to feel that I am a failure.",
        "I feel I do not have much to be proud of.",
        "I wish I could have more respect for myself.",
        "I certainly feel useless at times.",
        "At times I think I am no good at all.",
    ]


def test_who5_options_keep_the_published_order_from_high_to_low(instruments):
    labels = [(o.value, o.label.en) for o in instruments["who5"].option_sets[0].options]
    assert labels[0] == (5, "All of the time")
    assert labels[-1] == (0, "At no time")


def test_ace_maps_items_one_to_five_onto_the_five_forms(instruments):
    forms = {form.id: (form.item, form.label.nl) for form in instruments["ace"].forms}
    assert forms == {
        "emotional_abuse": ("ace_1", "Emotionele mishandeling"),
        "physical_abuse": ("ace_2", "Lichamelijke mishandeling"),
        "sexual_abuse": ("ace_3", "Seksueel misbruik"),
        "emotional_neglect": ("ace_4", "Emotionele verwaarlozing"),
        "physical_neglect": ("ace_5", "Lichamelijke verwaarlozing"),
    }


def test_direction_says_which_way_is_better(instruments):
    directions = {instrument_id: i.direction for instrument_id, i in instruments.items()}
    assert directions == {
        "phq9": "lower_is_better",
        "gad7": "lower_is_better",
        "pcl5": "lower_is_better",
        "itq": "lower_is_better",
        "who5": "higher_is_better",
        "rses": "higher_is_better",
        "ace": "not_applicable",
        "k10": "lower_is_better",
        "mhi5": "higher_is_better",
    }


def test_reliable_change_figures_come_with_their_source(instruments):
    figures = {
        instrument_id: (i.reliable_change.threshold, i.reliable_change.unit)
        for instrument_id, i in instruments.items()
    }
    assert figures == {
        "phq9": (6, "points"),
        "gad7": (4, "points"),
        "pcl5": (10, "points"),
        "who5": (10, "percentage points"),
        "itq": (None, None),
        "rses": (None, None),
        "ace": (None, None),
        "k10": (None, None),
        "mhi5": (None, None),
    }
    assert all(i.reliable_change.source for i in instruments.values())


def test_phq9_and_gad7_carry_the_loinc_codes_from_the_research(instruments):
    phq9 = instruments["phq9"]
    assert (phq9.loinc.panel, phq9.loinc.total) == ("44249-1", "44261-6")
    assert [item.loinc for item in phq9.items] == [
        "44250-9",
        "44255-8",
        "44259-0",
        "44254-1",
        "44251-7",
        "44258-2",
        "44252-5",
        "44253-3",
        "44260-8",
        "69722-7",
    ]
    phq2 = phq9.subscale("phq2")
    assert (phq2.loinc_panel, phq2.loinc_total) == ("55757-9", "55758-7")
    gad7 = instruments["gad7"]
    assert (gad7.loinc.panel, gad7.loinc.total) == ("69737-5", "70274-6")
    assert [item.loinc for item in gad7.items] == [
        "69725-0",
        "68509-9",
        "69733-4",
        "69734-2",
        "69735-9",
        "69689-8",
        "69736-7",
        None,
    ]
    assert [o.loinc for o in gad7.item("gad7_1").options.options] == [
        "LA6568-5",
        "LA6569-3",
        "LA6570-1",
        "LA6571-9",
    ]


# --- broken files ---------------------------------------------------------------------------

BROKEN = [
    (
        "phq9",
        "[loinc]",
        '[[forms]]\nid = "x"\nitem = "phq9_1"\nen = "X"\nnl = "X"\n\n[loinc]',
        "phq9.toml: forms: only allowed with the maltreatment_forms algorithm",
    ),
    ("phq9", 'id = "phq9_4"\n', "", "phq9.toml: items[3].id: missing"),
    ("phq9", 'id = "phq9_5"', 'id = "phq9_4"', "phq9.toml: items[4].id: 'phq9_4' is already used"),
    ("phq9", 'number = "2"', 'number = "1"', "phq9.toml: items[1].number: '1' is already used"),
    (
        "phq9",
        'id = "mild"',
        'id = "minimal"',
        "phq9.toml: bands.levels[1].id: 'minimal' is already used",
    ),
    (
        "phq9",
        'id = "phq2_positive"',
        'id = "risk"',
        "phq9.toml: flags[2].id: 'risk' is already used by flags[0].id",
    ),
    (
        "phq9",
        '{ value = 1, en = "Several days"',
        '{ value = 5, en = "Several days"',
        "phq9.toml: option_sets[0].options: values must be in strictly rising or strictly falling",
    ),
    (
        "phq9",
        "min = 10\n",
        "min = 11\n",
        "phq9.toml: bands.levels[2].min: leaves a gap or overlap: expected 10",
    ),
    (
        "phq9",
        "min = 5\n",
        "min = 4\n",
        "phq9.toml: bands.levels[1].min: leaves a gap or overlap: expected 5",
    ),
    (
        "phq9",
        "max = 27\n",
        "max = 26\n",
        "phq9.toml: bands.levels[4].max: must end at the highest total: expected 27",
    ),
    (
        "phq9",
        '\nitems = ["phq9_1", "phq9_2"]',
        '\nitems = ["phq9_1", "phq9_22"]',
        "phq9.toml: subscales[0].items[1]: unknown scored item 'phq9_22'",
    ),
    (
        "rses",
        'reverse_items = ["rses_3"',
        'reverse_items = ["rses_33"',
        "rses.toml: scoring.reverse_items[0]: unknown scored item 'rses_33'",
    ),
    (
        "phq9",
        'name = "phq9_depressive_syndromes"',
        'name = "phq9_magic"',
        "phq9.toml: algorithm.name: 'phq9_magic' is not one of",
    ),
    (
        "phq9",
        'loinc = "44250-9"',
        'loinc = "44250-8"',
        "phq9.toml: items[0].loinc: '44250-8' has a wrong LOINC check digit",
    ),
    (
        "phq9",
        'loinc = "LL358-3"',
        'loinc = "358-3"',
        "phq9.toml: option_sets[0].loinc: '358-3' is not a LOINC LL code",
    ),
    ("phq9", "version = 1\n", "version = \n", "phq9.toml: is not valid TOML"),
    ("phq9", "version = 1\n", 'version = "one"\n', "phq9.toml: version: must be a whole number"),
    ("phq9", "version = 1\n", "", "phq9.toml: version: missing"),
    (
        "phq9",
        'role = "difficulty"',
        'role = "difficulty"\nscored = false',
        "phq9.toml: items[9].scored: unknown field",
    ),
    (
        "phq9",
        'role = "difficulty"',
        'role = "bonus"',
        "phq9.toml: items[9].role: 'bonus' is not one of scored, functional_impairment, difficulty",
    ),
    ("phq9", "range = [0, 27]", "range = [0, 30]", "phq9.toml: scoring.range: must be [0, 27]"),
    ("phq9", 'id = "phq9"\n', 'id = "phq10"\n', "phq9.toml: id: 'phq10' must match the file name"),
    (
        "pcl5",
        '{ value = 0, en = "Not at all" }',
        '{ value = 0, en = "Not at all", nl = "Helemaal niet" }',
        "pcl5.toml: option_sets[0].options[0].nl: not allowed: dutch_available is false",
    ),
    (
        "phq9",
        'nl = "Weinig interesse of plezier in activiteiten"\n',
        "",
        "phq9.toml: items[0].nl: missing: a Dutch text is needed here",
    ),
    (
        "phq9",
        "\nat_least = 1\n",
        "\nat_least = 4\n",
        "phq9.toml: flags[0].at_least: must be above 0 and at most 3",
    ),
    (
        "phq9",
        'ref = "phq9_9"\nat_least = 1',
        'ref = "phq9_99"\nat_least = 1',
        "phq9.toml: flags[0].ref: unknown item 'phq9_99'",
    ),
    (
        "phq9",
        'commercial = "allowed"',
        'commercial = "maybe"',
        "phq9.toml: licence.commercial: 'maybe' is not one of allowed, not_allowed, unclear",
    ),
    (
        "who5",
        "ask_first = false",
        'ask_first = "no"',
        "who5.toml: licence.ask_first: must be true or false",
    ),
    (
        "ace",
        "\nwho.nl = ",
        "\nwho.de = ",
        "ace.toml: licence.who.de: unknown field",
    ),
    (
        "phq9",
        "unanswered = true",
        "unanswered = true\nat_least = 1",
        "phq9.toml: flags[1].at_least: not allowed: a flag for an unanswered item has no value",
    ),
    (
        "phq9",
        'ref = "phq9_9"\nunanswered = true',
        'ref = "phq9_difficulty"\nunanswered = true',
        "phq9.toml: flags[1].ref: the unscored difficulty item may always be skipped",
    ),
    (
        "phq9",
        "max_missing = 2",
        "max_missing = 9",
        "phq9.toml: missing.max_missing: must be below the 9 scored items",
    ),
    (
        "gad7",
        'rule = "require_all"',
        'rule = "guess"',
        "gad7.toml: missing.rule: 'guess' is not one of",
    ),
    (
        "who5",
        "scaled_range = [0, 100]",
        "scaled_range = [0, 99]",
        "who5.toml: scoring.scaled_range: must be [0, 100]",
    ),
    (
        "ace",
        "[reliable_change]\nsource",
        '[reliable_change]\nthreshold = 2\nunit = "experiences"\napplies_to = "total"\nsource',
        "ace.toml: reliable_change.threshold: not allowed: direction is 'not_applicable'",
    ),
    (
        "pcl5",
        "cluster_minimums = { b = 1",
        "cluster_minimums = { x = 1",
        "pcl5.toml: algorithm.params.cluster_minimums.x: unknown subscale 'x'",
    ),
    (
        "itq",
        'ptsd_clusters = ["re", "av", "th"]',
        'ptsd_clusters = ["re", "av", "threat"]',
        "itq.toml: algorithm.params.ptsd_clusters[2]: unknown subscale 'threat'",
    ),
    ("ace", 'item = "ace_5"', 'item = "ace_50"', "ace.toml: forms[4].item: unknown item 'ace_50'"),
    (
        "itq",
        'unit = "not applicable (no total score)"',
        'unit = "not applicable (no total score)"\n'
        'levels = [{ id = "x", min = 0, max = 1, en = "X", nl = "X" }]',
        "itq.toml: bands.levels: not allowed: there is no total score",
    ),
    (
        "rses",
        "[bands]\n",
        '[bands]\nlevels = [{ id = "low", min = 0, max = 14, en = "Low", nl = "Laag" }]\n',
        "rses.toml: bands.levels[0].max: must end at the highest total: expected 30",
    ),
    (
        "who5",
        'duration = "P14D"',
        'duration = "two weeks"',
        "who5.toml: time_frame.duration: 'two weeks' is not an ISO 8601",
    ),
    (
        "pcl5",
        "dutch_note = ",
        "notes = ",
        "pcl5.toml: wording.dutch_note: missing: say in Dutch why the form is shown in English",
    ),
]


@pytest.mark.parametrize(("instrument_id", "old", "new", "expected"), BROKEN)
def test_a_broken_file_names_the_file_and_the_field(tmp_path, instrument_id, old, new, expected):
    text = (INSTRUMENTS_FOLDER / f"{instrument_id}.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1, "the test must change exactly one place"
    (tmp_path / f"{instrument_id}.toml").write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_all(tmp_path)
    assert str(error.value).startswith(expected)
    assert "\n" not in str(error.value)


def test_an_unbroken_copy_loads_from_another_folder(tmp_path):
    text = (INSTRUMENTS_FOLDER / "phq9.toml").read_text(encoding="utf-8")
    (tmp_path / "phq9.toml").write_text(text, encoding="utf-8")
    assert list(load_all(tmp_path)) == ["phq9"]


def test_an_empty_folder_is_an_error(tmp_path):
    with pytest.raises(DataError, match="no definition files"):
        load_all(tmp_path)
