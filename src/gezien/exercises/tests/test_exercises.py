"""Exercises work without an account and store nothing then; logged in, the distress
before and after is stored sealed and 'what helps me' shows the average change."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from gezien.accounts.testing import PASSPHRASE, logged_in_client
from gezien.exercises import catalogue
from gezien.exercises.models import ExerciseRating
from gezien.lib.data import DataError

PAGES = [
    "/oefeningen/",
    "/oefeningen/ademhaling/",
    "/oefeningen/5-4-3-2-1/",
    "/oefeningen/spieren-ontspannen/",
    "/oefeningen/veilige-plek/",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_exercise_works_without_an_account(path) -> None:
    response = Client().get(path)
    assert response.status_code == 200
    assert "niets bewaard" in response.content.decode()


def test_without_an_account_the_difference_is_shown_and_nothing_is_stored() -> None:
    client = Client()
    response = client.post("/oefeningen/5-4-3-2-1/", {"before": "8", "after": "5"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "van 8 naar 5" in html and "niets bewaard" in html
    assert not ExerciseRating.objects.exists() and not Session.objects.exists()


def test_logged_in_the_numbers_are_stored_sealed_once_per_form() -> None:
    client = logged_in_client()
    token = str(uuid.uuid4())
    first = client.post(
        "/oefeningen/ademhaling/",
        {"before": "7", "after": "3", "pattern": "4-7-8", "submit_token": token},
    )
    again = client.post(
        "/oefeningen/ademhaling/",
        {"before": "7", "after": "3", "pattern": "4-7-8", "submit_token": token},
    )
    assert first.status_code == again.status_code == 302
    assert first["Location"] == "/oefeningen/ademhaling/?patroon=4-7-8"
    rating = ExerciseRating.objects.get(owner=client.account)
    assert b"4-7-8" not in bytes(rating.sealed)
    assert "van 7 naar 3" in client.get(first["Location"]).content.decode()


def test_what_helps_me_shows_the_average_change_per_exercise_with_a_table() -> None:
    client = logged_in_client()
    for before, after in [(8, 4), (6, 4)]:
        client.post("/oefeningen/5-4-3-2-1/", {"before": str(before), "after": str(after)})
    client.post("/oefeningen/veilige-plek/", {"before": "5", "after": "6"})
    html = client.get("/oefeningen/wat-helpt-mij/").content.decode()
    assert 'role="img"' in html
    rows = re.findall(
        r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>',
        html,
    )
    assert rows[0] == ("5-4-3-2-1: terug in het nu", "2", "7,0", "4,0", "-3,0")
    assert rows[1] == ("Een veilige plek in je hoofd", "1", "5,0", "6,0", "1,0")


def test_what_helps_me_needs_an_account() -> None:
    assert Client().get("/oefeningen/wat-helpt-mij/").status_code == 302


@pytest.mark.parametrize(
    "values", [{"before": "11", "after": "2"}, {"before": "-1", "after": "2"}, {"before": "x"}, {}]
)
def test_numbers_outside_the_scale_get_a_clear_message(values) -> None:
    response = Client().post("/oefeningen/veilige-plek/", values)
    assert response.status_code == 400
    assert "Kies een cijfer van 0 tot 10" in response.content.decode()


def test_the_breathing_text_and_animation_follow_the_pattern() -> None:
    html = Client().get("/oefeningen/ademhaling/?patroon=4-7-8").content.decode()
    assert "tel rustig tot 4" in html and "tel tot 7" in html and "tel tot 8" in html
    assert 'class="breath breath-4-7-8" aria-hidden="true"' in html
    assert 'href="/static/gezien/exercises/breathing.css"' in html
    css = catalogue.breathing_stylesheet(catalogue.load())
    for pattern in catalogue.load().patterns:
        assert f"@keyframes breath-{pattern.id} " in css
    # 4 seconds in out of 19: the circle is full at 21.05%.
    assert "21.05% { transform: scale(1); }" in css


def test_an_unknown_pattern_falls_back_to_the_first() -> None:
    assert "breath-4-6" in Client().get("/oefeningen/ademhaling/?patroon=9-9").content.decode()


def test_the_muscle_exercise_offers_a_timer_and_plain_steps() -> None:
    html = Client().get("/oefeningen/spieren-ontspannen/").content.decode()
    assert "exercises-timer.js" in html and "data-timer hidden" in html
    assert html.count('data-tense="5"') == 8


def test_the_help_lines_page_links_to_the_exercises() -> None:
    assert 'href="/oefeningen/"' in Client().get("/hulplijnen/").content.decode()


def test_ratings_are_in_the_export_and_go_with_the_account() -> None:
    client = logged_in_client()
    client.post("/oefeningen/spieren-ontspannen/", {"before": "6", "after": "2"})
    client.post("/account/bevestigen/", {"passphrase": PASSPHRASE})
    export = json.loads(client.post("/account/mijn-gegevens/export/").content)
    assert export["exercise_ratings"][0]["exercise"] == "muscles"
    assert export["exercise_ratings"][0]["before"] == 6
    client.post("/account/verwijderen/", {"passphrase": PASSPHRASE, "sure": "on"})
    assert not ExerciseRating.objects.exists()


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = catalogue.DEFAULT_PATH.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "exercises.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("inhale = 4\nhold = 0", "inhale = 0\nhold = 0", "exercises.toml: breathing[0].inhale:"),
        (
            "exhale = 6",
            "exhale = 600",
            "exercises.toml: breathing[0].exhale: must be a whole number",
        ),
        (
            'name_nl = "4-6: langer uit dan in"\n',
            "",
            "exercises.toml: breathing[0].name_nl: missing",
        ),
        (
            'id = "grounding"',
            'id = "dansen"',
            "exercises.toml: exercises[0].id: 'dansen' is not one of",
        ),
        (
            '{ nl = "Kijk om je heen.',
            '{ kleur = "rood", nl = "Kijk om je heen.',
            "exercises.toml: exercises[0].steps[0].kleur: unknown field",
        ),
        ('id = "4-7-8"', 'id = "4-6"', "exercises.toml: breathing[1].id: '4-6' is already used"),
    ],
)
def test_a_broken_exercise_file_names_the_file_and_the_field(tmp_path, old, new, message) -> None:
    with pytest.raises(DataError) as error:
        catalogue.load(_broken(tmp_path, old, new))
    assert str(error.value).startswith(message)


def test_what_helps_can_go_into_the_summary_for_a_professional() -> None:
    from gezien.sharing.tests.support import preview

    client = logged_in_client()
    client.post("/oefeningen/5-4-3-2-1/", {"before": "8", "after": "4"})
    assert (
        'value="exercises.what-helps"' in client.get("/mijn-verhaal/samenvatting/").content.decode()
    )
    page = preview(client, ["exercises.what-helps"])["page"]
    assert "5-4-3-2-1: terug in het nu" in page and "8,0" in page and "4,0" in page
