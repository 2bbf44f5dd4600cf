"""A published Dutch text an organisation adds as a file in its data folder: checked against
the questionnaire at start-up, with errors that name the file and the field, and then shown.

The file used here is a clearly marked test fixture with placeholder texts
(tests/fixtures/translations/who5.toml); it is not installed with Gezien."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from gezien.lib.data import DataError
from gezien.measure import catalogue
from gezien.measure.tests.support import plain

FIXTURE = Path(__file__).parents[4] / "tests" / "fixtures" / "translations" / "who5.toml"


def _forget() -> None:
    for cached in (catalogue.instruments, catalogue.guidance, catalogue._offered):
        cached.cache_clear()


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "translations"
    folder.mkdir()
    _forget()
    with override_settings(DATA_DIR=tmp_path):
        yield tmp_path
    _forget()


def _add(data_dir: Path, text: str | None = None, name: str = "who5.toml") -> None:
    (data_dir / "translations" / name).write_text(
        FIXTURE.read_text("utf-8") if text is None else text, "utf-8"
    )


def test_the_fixture_is_marked_as_a_test_file_and_is_not_installed() -> None:
    text = FIXTURE.read_text("utf-8")
    assert text.startswith("# TEST FIXTURE — NOT A REAL TRANSLATION.")
    assert "src" not in FIXTURE.parts


def test_without_a_file_the_who5_stays_english(data_dir) -> None:
    who5 = catalogue.instruments()["who5"]
    assert not who5.dutch_available and who5.item("who5_1").text.nl is None


def test_a_valid_file_makes_the_questionnaire_dutch(data_dir, client) -> None:
    _add(data_dir)
    who5 = catalogue.instruments()["who5"]
    assert who5.dutch_available and who5.wording.dutch_note is None
    assert who5.item("who5_3").text.nl == "TESTTEKST vraag 3"
    assert who5.item("who5_3").text.en == "I have felt active and vigorous"
    assert [o.label.nl for o in who5.item("who5_1").options.options][0] == "TESTTEKST antwoord 5"
    client.get("/taal/nl/")
    form = client.get("/vragenlijsten/who5/").content.decode()
    assert '<span class="question-text">TESTTEKST vraag 1</span>' in form
    assert "TESTTEKST uitleg bij de vragen" in form and 'lang="en"' not in form.split("<main")[1]
    answers = {f"who5_{n}": "5" for n in range(1, 6)}
    result = plain(client.post("/vragenlijsten/who5/", answers).content.decode())
    assert "25 van 25 punten" in result
    about = plain(client.get("/vragenlijsten/over/").content.decode())
    assert "TESTBESTAND: geen echte vertaling" in about
    assert "TESTBESTAND: geen echte toestemming" in about


def test_english_readers_still_see_the_english_original(data_dir, client) -> None:
    _add(data_dir)
    client.get("/taal/en/")
    form = client.get("/vragenlijsten/who5/").content.decode()
    assert "I have felt cheerful and in good spirits" in form and "TESTTEKST" not in form


BROKEN = [
    ("who5_3 = \"TESTTEKST vraag 3\"\n", "", "translations/who5.toml: items.who5_3: missing"),
    ("who5_5 = ", "who5_6 = \"x\"\nwho5_5 = ",
     "translations/who5.toml: items.who5_6: who5 has no item 'who5_6'"),
    ('  "TESTTEKST antwoord 0",\n', "",
     "translations/who5.toml: options.frequency: give 6 labels, one per answer option in the "
     "definition's order; got 5"),
    ("[options]\nfrequency", "[options]\nfrequentie",
     "translations/who5.toml: options.frequentie: who5 has no answer set 'frequentie'"),
    ("version = 1", "version = 2",
     "translations/who5.toml: version: made for version 2 of who5, but Gezien has version 1"),
    ('instrument = "who5"', 'instrument = "phq9"',
     "translations/who5.toml: instrument: 'phq9' must match the file name"),
    ('language = "nl"', 'language = "de"',
     "translations/who5.toml: language: 'de' is not one of nl"),
    ('source = "TESTBESTAND: geen echte vertaling"\n', "",
     "translations/who5.toml: source: missing"),
    ('who5_2 = "TESTTEKST vraag 2"', "who5_2 = 2",
     "translations/who5.toml: items.who5_2: must be a non-empty text"),
    ('language = "nl"', 'language = "nl"\ntaal = "nl"',
     "translations/who5.toml: taal: unknown field"),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "message"), BROKEN)
def test_a_broken_file_stops_with_the_file_and_field_named(data_dir, old, new, message) -> None:
    text = FIXTURE.read_text("utf-8")
    assert text.count(old) == 1
    _add(data_dir, text.replace(old, new))
    with pytest.raises(DataError) as caught:
        catalogue.instruments()
    assert str(caught.value).startswith(message)


def test_a_file_for_an_unknown_questionnaire_is_refused(data_dir) -> None:
    _add(data_dir, name="who6.toml")
    with pytest.raises(DataError, match=r"^translations/who6\.toml: no questionnaire 'who6'"):
        catalogue.instruments()


def test_start_up_refuses_a_broken_translation(tmp_path) -> None:
    (tmp_path / "translations").mkdir()
    broken = FIXTURE.read_text("utf-8").replace('who5_4 = "TESTTEKST vraag 4"\n', "")
    (tmp_path / "translations" / "who5.toml").write_text(broken, "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEZIEN_")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["GEZIEN_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "gezien", "check"], capture_output=True, text=True, env=env,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert re.fullmatch(
        r"gezien: translations/who5\.toml: items\.who5_4: missing\n", result.stderr
    ), result.stderr
