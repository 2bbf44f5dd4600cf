"""Each questionnaire's licence as its definition file records it, which questionnaires an
installation offers (GEZIEN_INSTRUMENTS), and what the operator and the reader are told."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.checks import INFO, WARNING
from django.test import Client, override_settings

from gezien.config import ConfigError
from gezien.measure import catalogue, checks
from gezien.measure.tests.support import plain

# What the research found (instruments.md §1.1 and §2; instrument-texts.md §3 for the WHO-5;
# dutch-native-instruments.md for the CBS texts): may an installation offer it without asking,
# and may it be used commercially.
LICENCES = {
    "phq9": (False, "allowed"),  # Pfizer: no permission required
    "gad7": (False, "allowed"),  # as the PHQ-9
    "pcl5": (False, "allowed"),  # US government work, public domain
    "itq": (False, "allowed"),  # "freely available in the public domain to all"
    "who5": (False, "not_allowed"),  # CC BY-NC-SA 3.0 IGO
    "rses": (True, "unclear"),  # permission for educational and professional research
    "ace": (True, "unclear"),  # no licence statement found
    "k10": (False, "unclear"),  # CBS site CC BY 4.0; translator's rights not stated
    "mhi5": (False, "unclear"),  # RAND public domain; CBS CC BY 4.0; translator not stated
}


@pytest.mark.parametrize(("instrument_id", "expected"), LICENCES.items())
def test_each_definition_records_who_may_use_it_commercial_use_and_the_source(
    instruments, instrument_id, expected
):
    licence = instruments[instrument_id].licence
    assert (licence.ask_first, licence.commercial) == expected
    assert licence.notice and licence.source
    assert licence.who.en and licence.who.nl


def test_every_shipped_questionnaire_has_a_row_above(instruments):
    assert set(instruments) == set(LICENCES)


def test_the_ace_licence_says_honestly_that_none_was_found(instruments):
    licence = instruments["ace"].licence
    assert "No formal licence" in licence.notice
    assert "ask" in licence.who.en.lower() and "vraag" in licence.who.nl.lower()


def test_by_default_an_installation_offers_what_may_be_used_without_asking():
    with override_settings(GEZIEN_INSTRUMENTS=()):
        offered = catalogue.offered()
    assert set(offered) == {i for i, (ask, _) in LICENCES.items() if not ask}
    assert "who5" in offered and "rses" not in offered and "ace" not in offered


def test_the_setting_lists_what_is_offered_in_the_overview_order():
    with override_settings(GEZIEN_INSTRUMENTS=("who5", "ace", "phq9")):
        assert list(catalogue.offered()) == ["phq9", "who5", "ace"]
    with override_settings(GEZIEN_INSTRUMENTS=("all",)):
        assert set(catalogue.offered()) == set(LICENCES)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (("phq9", "phq10"), "GEZIEN_INSTRUMENTS: unknown questionnaire 'phq10'; known: ace, "),
        (("phq9", "phq9"), "GEZIEN_INSTRUMENTS: 'phq9' is listed twice"),
        (("all", "phq9"), "GEZIEN_INSTRUMENTS: 'all' cannot be combined with ids"),
    ],
)
def test_a_wrong_setting_names_the_variable(value, message):
    with override_settings(GEZIEN_INSTRUMENTS=value), pytest.raises(ConfigError) as caught:
        catalogue.offered()
    assert str(caught.value).startswith(message)


@override_settings(GEZIEN_INSTRUMENTS=("phq9", "gad7"))
def test_a_questionnaire_that_is_switched_off_is_not_offered_but_its_licence_is_shown(
    client: Client,
):
    client.get("/taal/en/")
    overview = client.get("/vragenlijsten/").content.decode()
    assert 'href="/vragenlijsten/phq9/"' in overview
    assert 'href="/vragenlijsten/who5/"' not in overview
    assert client.get("/vragenlijsten/who5/").status_code == 404
    about = plain(client.get("/vragenlijsten/over/").content.decode())
    assert "Not offered here" in about
    assert "for non-commercial purposes" in about  # the WHO-5's terms, though it is off
    assert "CC BY-NC-SA 3.0 IGO" in about


def test_the_about_page_shows_every_licence_in_plain_words(client: Client):
    client.get("/taal/nl/")
    about = plain(client.get("/vragenlijsten/over/").content.decode())
    for instrument in catalogue.instruments().values():
        assert instrument.licence.who.nl in about
    assert "Commercieel gebruik: niet toegestaan zonder toestemming." in about


def test_check_explains_each_licence_and_warns_for_a_non_commercial_one_that_is_on():
    with override_settings(GEZIEN_INSTRUMENTS=()):
        messages = checks.check_instrument_licences()
    notes = [m for m in messages if m.level == INFO]
    assert len(notes) == len(LICENCES)
    assert any("WHO-5" in m.msg and "offered" in m.msg for m in notes)
    assert any("ACE" in m.msg and "not offered" in m.msg for m in notes)
    warnings = [m for m in messages if m.level == WARNING]
    assert [m.id for m in warnings] == ["gezien.W010"]
    assert "WHO-5" in warnings[0].msg and "non-commercial" in warnings[0].msg
    with override_settings(GEZIEN_INSTRUMENTS=("phq9",)):
        assert not [m for m in checks.check_instrument_licences() if m.level == WARNING]


def test_check_warns_when_a_questionnaire_that_needs_permission_is_switched_on():
    with override_settings(GEZIEN_INSTRUMENTS=("phq9", "ace")):
        warnings = [m for m in checks.check_instrument_licences() if m.level == WARNING]
    assert [m.id for m in warnings] == ["gezien.W011"]
    assert "ACE" in warnings[0].msg and "permission" in warnings[0].msg


def _gezien_check(tmp_path, **extra_env: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEZIEN_")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(GEZIEN_DATA_DIR=str(tmp_path), **extra_env)
    return subprocess.run(
        [sys.executable, "-m", "gezien", "check"], capture_output=True, text=True, env=env,
        timeout=120,
    )  # fmt: skip


def test_gezien_check_prints_each_licence_as_a_note_and_counts_only_real_warnings(tmp_path):
    result = _gezien_check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "note gezien.I010: PHQ-9 (phq9) is offered here. Anyone may use, copy" in out
    assert "note gezien.I010: ACE (ace) is not offered here." in out
    assert "warning gezien.W010: WHO-5 is switched on" in out
    assert "what to do: If your organisation charges" in out
    assert "0 error(s), 1 warning(s)." in out


def test_gezien_check_stops_on_an_unknown_questionnaire_in_the_setting(tmp_path):
    result = _gezien_check(tmp_path, GEZIEN_INSTRUMENTS="phq9,phq10")
    assert result.returncode == 2
    assert result.stderr.startswith("gezien: GEZIEN_INSTRUMENTS: unknown questionnaire 'phq10'")
