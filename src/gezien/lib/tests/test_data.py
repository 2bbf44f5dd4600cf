"""The shared data-file reader: every rule a file breaks is named by file and field."""

from __future__ import annotations

import pytest

from gezien.lib import data
from gezien.lib.text import Text


def _table(raw: object, required=("id",), optional=()) -> data.Table:
    return data.Table(data.At("proef.toml"), raw, required, optional)


@pytest.mark.parametrize(
    ("raw", "required", "optional", "message"),
    [
        ({}, ("id",), (), "proef.toml: id: missing"),
        ({"id": "a", "kleur": "rood"}, ("id",), (), "proef.toml: kleur: unknown field"),
        ({"id": "a", "extra": {"x": 1}}, ("id",), (), "proef.toml: extra: unknown table"),
        ({"id": "a", "rijen": [{"x": 1}]}, ("id",), (), "proef.toml: rijen: unknown table"),
        ([1, 2], ("id",), (), "proef.toml: must be a table"),
    ],
)
def test_a_table_refuses_missing_and_unknown_keys(raw, required, optional, message) -> None:
    with pytest.raises(data.DataError, match=f"^{message}$"):
        _table(raw, required, optional)


def test_paths_name_nested_fields_and_list_positions() -> None:
    top = _table({"rijen": [{"id": "a"}, {"id": "b", "naam": 3}]}, ("rijen",))
    first, second = top.tables("rijen", ("id",), ("naam",))
    assert first.value("id", data.ident) == "a"
    with pytest.raises(
        data.DataError, match=r"^proef\.toml: rijen\[1\]\.naam: must be a non-empty text$"
    ):
        second.value("naam", data.line)


@pytest.mark.parametrize(
    ("read", "value", "problem"),
    [
        (data.text, "  ", "must be a non-empty text"),
        (data.text, 3, "must be a non-empty text"),
        (data.line, "een\ntwee", "must be a single line"),
        (data.whole, True, "must be a whole number"),
        (data.whole, 2.5, "must be a whole number"),
        (data.number, "3", "must be a number"),
        (data.boolean, "ja", "must be true or false"),
        (data.ident, "Met Spatie", "must be lowercase ascii letters and digits, joined by _ or -"),
        (data.ident, "-a", "must be lowercase ascii letters and digits, joined by _ or -"),
        (data.items, "a", "must be a list"),
        (data.items, [], "must not be empty"),
        (data.pair, [1], "must be [lowest, highest]"),
    ],
)
def test_value_readers_say_what_is_wrong(read, value, problem) -> None:
    with pytest.raises(data.DataError) as caught:
        read(data.At("proef.toml", "veld"), value)
    assert str(caught.value) == f"proef.toml: veld: {problem}"


def test_whole_numbers_can_have_a_range() -> None:
    at = data.At("proef.toml", "x")
    assert data.whole(at, 5, 0, 10) == 5
    with pytest.raises(data.DataError, match="must be a whole number from 0 to 10$"):
        data.whole(at, 11, 0, 10)
    with pytest.raises(data.DataError, match="must be a whole number of at least 1$"):
        data.whole(at, 0, 1)


def test_choices_refs_and_unique_values_name_the_culprit() -> None:
    at = data.At("proef.toml", "x")
    assert data.choice(at, "b", ("a", "b")) == "b"
    with pytest.raises(data.DataError, match="'c' is not one of a, b$"):
        data.choice(at, "c", ("a", "b"))
    assert data.refs(at, ["a", "b"], {"a", "b"}, "kleur") == ("a", "b")
    with pytest.raises(data.DataError, match=r"x\[1\]: unknown kleur 'z'$"):
        data.refs(at, ["a", "z"], {"a", "b"}, "kleur")
    with pytest.raises(data.DataError, match=r"x\[1\]: 'a' is already used by x\[0\]$"):
        data.refs(at, ["a", "a"], {"a"}, "kleur")
    names = data.Unique(fold=True)
    names.add(data.At("proef.toml", "rijen[0].nl"), "Boos")
    with pytest.raises(
        data.DataError, match=r"rijen\[3\]\.nl: 'boos' is already used by rijen\[0\]\.nl$"
    ):
        names.add(data.At("proef.toml", "rijen[3].nl"), "boos")


def test_text_pairs_read_flat_and_inline() -> None:
    row = _table(
        {"id": "a", "naam_nl": "Boos", "naam_en": "Angry", "los": {"nl": "ja", "en": "yes"}},
        ("id",),
        ("naam_nl", "naam_en", "los"),
    )
    assert row.text_pair("naam") == Text("Boos", "Angry")
    assert row.value("los", data.translated) == Text("ja", "yes")
    with pytest.raises(data.DataError, match=r"^proef\.toml: x\.en: missing$"):
        data.translated(data.At("proef.toml", "x"), {"nl": "ja"})


def test_a_file_that_is_not_toml_or_cannot_be_read_is_named(tmp_path) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_text("a = [", encoding="utf-8")
    with pytest.raises(data.DataError, match=r"^kapot\.toml: is not valid TOML \("):
        data.read_toml(broken)
    with pytest.raises(data.DataError, match=r"^weg\.toml: cannot be read \("):
        data.read_toml(tmp_path / "weg.toml")
    latin = tmp_path / "latin.toml"
    latin.write_bytes('a = "café"'.encode("latin-1"))
    with pytest.raises(data.DataError, match=r"^latin\.toml: cannot be read \(not UTF-8\)$"):
        data.read_toml(latin)
