"""Gezien's own texts around the questionnaires, and the start-up check of all data files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.apps import apps

from gezien.lib.data import DataError
from gezien.measure import catalogue, definitions, guidance


def _broken_guidance(tmp_path: Path, old: str, new: str) -> Path:
    text = guidance.GUIDANCE_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "guidance.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_every_questionnaire_has_guidance_and_every_band_a_meaning(instruments) -> None:
    texts = guidance.load(instruments)
    assert set(texts) == set(instruments)
    for instrument_id, entry in texts.items():
        bands = [band.id for band in instruments[instrument_id].bands.levels]
        assert list(entry.bands) == bands
        assert (entry.meaning is None) == bool(bands)
        assert entry.measures.nl and entry.measures.en


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'bands.mild.nl = "Je hebt wat last van signalen van somberheid.',
            'bands.mild.xx = "',
            "guidance.toml: phq9.bands.mild.xx: unknown field",
        ),
        ("[rses]\nminutes = 2\n", "[rses]\n", "guidance.toml: rses.minutes: missing"),
        (
            'library = "vijf-vormen"',
            'library = "Vijf Vormen"',
            "guidance.toml: ace.library: must be lowercase ascii",
        ),
        (
            "flags.pcl5_above_cutpoint.nl",
            "flags.pcl5_cutpoint.nl",
            "guidance.toml: pcl5.flags.pcl5_cutpoint: unknown table",
        ),
        (
            "[itq]\n",
            "[des2]\nminutes = 1\n[itq]\n",
            "guidance.toml: des2: no questionnaire with this id",
        ),
    ],
)
def test_a_broken_guidance_file_names_the_file_and_the_field(
    tmp_path, instruments, old, new, message
) -> None:
    with pytest.raises(DataError) as raised:
        guidance.load(instruments, _broken_guidance(tmp_path, old, new))
    assert str(raised.value).startswith(message)


@pytest.fixture
def broken_instruments(tmp_path, monkeypatch):
    folder = tmp_path / "instruments"
    shutil.copytree(definitions.INSTRUMENTS_FOLDER, folder)
    phq9 = folder / "phq9.toml"
    phq9.write_text(
        phq9.read_text(encoding="utf-8").replace('id = "phq9_4"\n', "", 1), encoding="utf-8"
    )
    monkeypatch.setattr(definitions, "INSTRUMENTS_FOLDER", folder)
    catalogue.instruments.cache_clear()
    catalogue.guidance.cache_clear()
    yield
    monkeypatch.undo()
    catalogue.instruments.cache_clear()
    catalogue.guidance.cache_clear()


def test_a_broken_definition_stops_start_up_naming_file_and_field(broken_instruments) -> None:
    with pytest.raises(DataError, match=r"^phq9\.toml: items\[3\]\.id: missing$"):
        apps.get_app_config("measure").ready()


def test_every_linked_library_page_exists(client, instruments) -> None:
    from gezien.measure import presentation

    links = [presentation.library_link(entry) for entry in guidance.load(instruments).values()]
    for link in filter(None, links):
        assert client.get(link).status_code == 200, link
