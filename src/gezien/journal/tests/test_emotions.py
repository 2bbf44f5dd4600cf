import json
import tomllib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gezien.journal import emotions
from gezien.journal.emotions import (
    QUADRANT_SIDES,
    Sensation,
    Vocabulary,
    Word,
    by_id,
    load,
    quadrant_of,
    suggest,
    words_in,
)
from gezien.lib.data import DataError
from gezien.lib.text import Text

VOCAB = load()


def _shipped_data() -> dict[str, Any]:
    with emotions.DEFAULT_PATH.open("rb") as handle:
        return tomllib.load(handle)


def _to_toml(data: dict[str, Any]) -> str:
    # The data only holds strings, integers, booleans and lists of strings,
    # and JSON writes those exactly as TOML does.
    lines = []
    for table, rows in data.items():
        for row in rows:
            lines.append(f"[[{table}]]")
            lines.extend(
                f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in row.items()
            )
            lines.append("")
    return "\n".join(lines)


def _write(tmp_path: Path, data: dict[str, Any], name: str = "emotions.toml") -> Path:
    path = tmp_path / name
    path.write_text(_to_toml(data), encoding="utf-8")
    return path


def _word_index(data: dict[str, Any], word_id: str) -> int:
    return next(i for i, row in enumerate(data["words"]) if row["id"] == word_id)


# ------------------------------------------------------------ shipped file


def test_the_shipped_vocabulary_has_enough_words_in_every_quadrant():
    counts = Counter(quadrant_of(word) for word in VOCAB.words)

    assert len(VOCAB.words) >= 130
    assert set(counts) == set(QUADRANT_SIDES)
    assert min(counts.values()) >= 25
    assert 10 <= len(VOCAB.body_areas) <= 13
    assert 20 <= len(VOCAB.sensations) <= 25


def test_it_offers_the_words_people_who_grew_up_unseen_look_for():
    needed = {
        "leeg",
        "afgesloten",
        "verdoofd",
        "schaamte",
        "schuldig",
        "onzichtbaar",
        "niet gezien",
        "eenzaam",
        "gekwetst",
        "gespannen",
        "waakzaam",
        "overspoeld",
        "machteloos",
        "opgelucht",
        "veilig",
        "gezien",
        "erkend",
        "dankbaar",
        "trots",
        "rustig",
        "verbonden",
    }
    assert needed <= {word.name.nl for word in VOCAB.words}


def test_every_word_has_a_short_definition_in_both_languages():
    for word in VOCAB.words:
        for definition in (word.definition.nl, word.definition.en):
            assert len(definition.split()) <= 16, word.id
            assert definition.endswith("."), word.id


def test_every_body_sensation_leads_to_some_words():
    used = {sensation for word in VOCAB.words for sensation in word.sensations}
    assert used == {sensation.id for sensation in VOCAB.sensations}


def test_each_quadrant_has_a_label_and_description_in_both_languages():
    for quadrant in VOCAB.quadrants:
        assert quadrant.name.nl and quadrant.name.en
        assert quadrant.description.nl and quadrant.description.en


# ------------------------------------------------------------ quadrants


def test_quadrant_assignment_follows_the_signs_of_both_axes():
    for word in VOCAB.words:
        side_pleasant, side_energy = QUADRANT_SIDES[quadrant_of(word)]
        if word.pleasantness:
            assert (word.pleasantness > 0) == (side_pleasant > 0), word.id
        if word.energy:
            assert (word.energy > 0) == (side_energy > 0), word.id


def test_words_on_an_axis_are_rare_and_state_their_quadrant():
    on_an_axis = [w for w in VOCAB.words if w.pleasantness == 0 or w.energy == 0]

    assert len(on_an_axis) <= len(VOCAB.words) // 20
    assert all(word.stated_quadrant for word in on_an_axis)


def test_words_in_splits_the_vocabulary_into_the_four_quadrants():
    parts = [words_in(VOCAB, quadrant) for quadrant in QUADRANT_SIDES]

    assert sum(len(part) for part in parts) == len(VOCAB.words)
    assert by_id(VOCAB.words, "eenzaam") in words_in(VOCAB, "unpleasant-low")
    assert by_id(VOCAB.words, "opgelucht") in words_in(VOCAB, "pleasant-low")
    with pytest.raises(ValueError):
        words_in(VOCAB, "blue")


def test_by_id_finds_words_and_sensations_and_refuses_unknown_ids():
    assert by_id(VOCAB.words, "niet_gezien").name.nl == "niet gezien"
    assert by_id(VOCAB.sensations, "brok_in_keel").name.nl == "brok in de keel"
    with pytest.raises(KeyError):
        by_id(VOCAB.words, "does-not-exist")


# ------------------------------------------------------------ suggest

nonzero = st.integers(-5, 5).filter(bool)


@given(pleasantness=nonzero, energy=nonzero, limit=st.integers(1, 25))
def test_suggestions_all_come_from_the_quadrant_the_person_chose(pleasantness, energy, limit):
    side = (1 if pleasantness > 0 else -1, 1 if energy > 0 else -1)

    found = suggest(VOCAB, pleasantness, energy, limit=limit)

    assert len(found) == limit
    assert {QUADRANT_SIDES[quadrant_of(word)] for word in found} == {side}


def test_a_spot_on_the_energy_axis_suggests_high_energy_words_from_both_sides():
    found = suggest(VOCAB, 0, 4, limit=25)
    quadrants = {quadrant_of(word) for word in found}

    assert quadrants == {"pleasant-high", "unpleasant-high"}


def test_the_nearest_word_on_the_map_comes_first():
    found = suggest(VOCAB, -4, -5, limit=1)
    assert found[0].id == "uitgeput"


def test_matching_body_sensations_move_words_up():
    plain = suggest(VOCAB, -3, -3)
    with_lump = suggest(VOCAB, -3, -3, {"brok_in_keel"})

    def carrying(words: list[Word]) -> int:
        return sum("brok_in_keel" in word.sensations for word in words)

    assert "brok_in_keel" in with_lump[0].sensations
    assert carrying(with_lump) > carrying(plain)


def _tiny_vocab() -> Vocabulary:
    ids = ("zwaar", "moe", "brok_in_keel", "leeg", "koud")
    sensations = tuple(Sensation(i, Text(i, i)) for i in ids)

    def word(word_id: str, pleasantness: int, energy: int, *felt: str) -> Word:
        return Word(word_id, Text(word_id, word_id), pleasantness, energy, Text("x.", "x."), felt)

    words = (
        word("near", -3, -3, "zwaar", "moe"),
        word("neighbour", -3, -2, "brok_in_keel", "leeg"),
        word("far", -5, -5, "brok_in_keel", "koud"),
    )
    return Vocabulary(body_areas=(), sensations=sensations, words=words, quadrants=())


def test_the_body_breaks_a_near_tie_but_does_not_pull_far_words_ahead():
    vocab = _tiny_vocab()

    without_body = [w.id for w in suggest(vocab, -3, -3)]
    with_body = [w.id for w in suggest(vocab, -3, -3, {"brok_in_keel"})]

    assert without_body == ["near", "neighbour", "far"]
    assert with_body == ["neighbour", "near", "far"]


@pytest.mark.parametrize(
    ("call", "problem"),
    [
        (lambda: suggest(VOCAB, 6, 1), "pleasantness"),
        (lambda: suggest(VOCAB, 1, -6), "energy"),
        (lambda: suggest(VOCAB, 1, 1, {"vlinders"}), "vlinders"),
        (lambda: suggest(VOCAB, 1, 1, limit=0), "limit"),
    ],
)
def test_suggest_refuses_input_that_is_not_on_the_map(call: Callable[[], object], problem: str):
    with pytest.raises(ValueError, match=problem):
        call()


# ------------------------------------------------------------ broken files


def _set(table: str, index: int, field: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data[table][index][field] = value

    return change


def _drop(table: str, index: int, field: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        del data[table][index][field]

    return change


def _copy_from(
    table: str, index: int, field: str, source: int, transform: Callable[[str], str] = str
):
    def change(data: dict[str, Any]) -> None:
        data[table][index][field] = transform(data[table][source][field])

    return change


def _keep_words(count: int):
    def change(data: dict[str, Any]) -> None:
        del data["words"][count:]

    return change


def _remove_pleasant_high_words(count: int):
    def change(data: dict[str, Any]) -> None:
        doomed = [w["id"] for w in data["words"] if w["pleasantness"] > 0 and w["energy"] > 0][
            :count
        ]
        data["words"] = [w for w in data["words"] if w["id"] not in doomed]

    return change


def _remove_quadrant(quadrant_id: str):
    def change(data: dict[str, Any]) -> None:
        data["quadrants"] = [q for q in data["quadrants"] if q["id"] != quadrant_id]

    return change


def _move_to_axis_with_quadrant(quadrant: str):
    # words[0] is "gespannen": unpleasant and high in energy.
    def change(data: dict[str, Any]) -> None:
        data["words"][0]["pleasantness"] = 0
        data["words"][0]["quadrant"] = quadrant

    return change


BROKEN = [
    (_set("words", 12, "energy", 6), "words[12].energy", "must be a whole number from -5 to 5"),
    (_set("words", 3, "pleasantness", "2"), "words[3].pleasantness", "must be a whole number"),
    (_set("words", 5, "energy", True), "words[5].energy", "must be a whole number"),
    (_drop("words", 0, "definition_nl"), "words[0].definition_nl", "missing"),
    (_set("words", 7, "definition_en", "  "), "words[7].definition_en", "non-empty"),
    (_set("words", 7, "definition_nl", "Te lang. " * 16), "words[7].definition_nl", "140"),
    (
        _set("words", 8, "definition_nl", "Regel een.\nRegel twee."),
        "words[8].definition_nl",
        "single line",
    ),
    (_set("words", 9, "sensations", ["warm", "vlinders"]), "words[9].sensations[1]", "vlinders"),
    (_set("words", 9, "sensations", ["warm"]), "words[9].sensations", "2 to 4"),
    (
        _set("words", 9, "sensations", ["warm", "warm"]),
        "words[9].sensations[1]",
        "already used by words[9].sensations[0]",
    ),
    (_set("words", 9, "sensations", "warm"), "words[9].sensations", "list"),
    (_set("words", 4, "defintion_nl", "Typfout."), "words[4].defintion_nl", "unknown field"),
    (_copy_from("words", 20, "nl", 2, str.upper), "words[20].nl", "words[2]"),
    (_copy_from("words", 21, "en", 2, str.title), "words[21].en", "words[2]"),
    (_copy_from("words", 22, "id", 2), "words[22].id", "words[2]"),
    (_copy_from("sensations", 4, "id", 1), "sensations[4].id", "sensations[1]"),
    (_set("body_areas", 1, "id", "Gezicht!"), "body_areas[1].id", "lowercase ascii"),
    (_set("words", 1, "pleasantness", 0), "words[1].quadrant", "missing"),
    (_set("words", 1, "quadrant", "unpleasant-high"), "words[1].quadrant", "only allowed"),
    (_move_to_axis_with_quadrant("pleasant-low"), "words[0].quadrant", "does not match"),
    (_move_to_axis_with_quadrant("sideways"), "words[0].quadrant", "is not one of"),
    (_set("quadrants", 0, "id", "happy"), "quadrants[0].id", "is not one of"),
    (_drop("quadrants", 2, "description_en"), "quadrants[2].description_en", "missing"),
    (_remove_quadrant("pleasant-low"), "quadrants", "pleasant-low"),
    (_keep_words(119), "words", "needs at least 120"),
    (_remove_pleasant_high_words(7), "words", "pleasant-high has 24 words"),
]


@pytest.mark.parametrize(
    ("break_it", "field", "problem"), BROKEN, ids=[f"{f} {p}" for _, f, p in BROKEN]
)
def test_a_broken_file_names_the_file_and_the_field(tmp_path, break_it, field, problem):
    data = _shipped_data()
    break_it(data)

    with pytest.raises(DataError) as caught:
        load(_write(tmp_path, data))

    message = str(caught.value)
    assert message.startswith(f"emotions.toml: {field}: "), message
    assert problem in message


def test_an_untouched_copy_loads_so_the_broken_cases_test_only_their_change(tmp_path):
    assert load(_write(tmp_path, _shipped_data())) == VOCAB


def test_a_missing_table_is_named(tmp_path):
    data = _shipped_data()
    del data["sensations"]

    with pytest.raises(DataError, match=r"^emotions\.toml: sensations: missing"):
        load(_write(tmp_path, data))


def test_an_unknown_table_is_named(tmp_path):
    data = _shipped_data()
    data["feelings"] = data.pop("words")

    with pytest.raises(DataError, match=r"^emotions\.toml: feelings: unknown table"):
        load(_write(tmp_path, data))


def test_the_error_names_the_file_that_was_actually_read(tmp_path):
    data = _shipped_data()
    data["words"][0]["energy"] = -9

    with pytest.raises(DataError, match=r"^gevoelens-test\.toml: words\[0\]\.energy: "):
        load(_write(tmp_path, data, name="gevoelens-test.toml"))


def test_text_that_is_not_toml_gives_a_readable_error(tmp_path):
    path = tmp_path / "emotions.toml"
    path.write_text("[[words]\nid = ", encoding="utf-8")

    with pytest.raises(DataError, match=r"^emotions\.toml: is not valid TOML"):
        load(path)


def test_a_missing_file_gives_a_readable_error(tmp_path):
    with pytest.raises(DataError, match=r"^emotions\.toml: cannot be read"):
        load(tmp_path / "emotions.toml")
