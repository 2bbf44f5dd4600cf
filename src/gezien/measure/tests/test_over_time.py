"""Logged in: results kept through the vault, the list, the history chart and table,
deleting, the four-week check-up note and the export."""

from __future__ import annotations

import datetime
import json
import re
from types import SimpleNamespace

import pytest
from django.db import connection
from django.utils import timezone

from gezien.accounts.testing import logged_in_client
from gezien.measure import store
from gezien.measure.models import QuestionnaireResult
from gezien.measure.tests.support import plain


def _phq9(total_of_ones: int) -> dict[str, str]:
    """PHQ-9 answers whose total is `total_of_ones`, made of 1s and 0s, item 9 at 0."""
    return {f"phq9_{n}": "1" if n <= total_of_ones else "0" for n in range(1, 9)} | {"phq9_9": "0"}


def _take(client, answers: dict[str, str], days_ago: int = 0, monkeypatch=None, instrument="phq9"):
    if days_ago:
        # Only the moment the result is stamped with moves back; sessions keep real time.
        moment = timezone.now() - datetime.timedelta(days=days_ago)
        monkeypatch.setattr(store, "timezone", SimpleNamespace(now=lambda: moment))
    response = client.post(f"/vragenlijsten/{instrument}/", {**answers, "keep": "on"})
    if days_ago:
        monkeypatch.undo()
    return response


def _main(html: str) -> str:
    """The page's own content, without the shell (whose icons are drawings too)."""
    return html[html.index("<main") : html.index("</main>")]


@pytest.fixture
def person():
    client = logged_in_client("wilg")
    client.get("/taal/en/")
    return client


def test_a_kept_result_is_sealed_and_shown_by_its_opaque_id(person) -> None:
    response = _take(person, _phq9(6))
    assert response.status_code == 302
    url = response.url
    assert re.fullmatch(r"/vragenlijsten/uitslagen/[0-9a-f-]{36}/", url)
    text = plain(person.get(url).content.decode())
    assert "6 of 27 points" in text and "Level: Mild" in text
    assert "This result is saved in your account, encrypted." in text
    record = QuestionnaireResult.objects.get()
    assert record.owner == person.account
    assert b"phq9" not in bytes(record.sealed)


def test_the_results_table_has_no_clear_column_for_scores_or_answers() -> None:
    columns = {field.column for field in QuestionnaireResult._meta.concrete_fields}
    assert columns == {"id", "owner_id", "sealed", "created_at", "updated_at"}
    with connection.cursor() as cursor:
        described = connection.introspection.get_table_description(
            cursor, QuestionnaireResult._meta.db_table
        )
    assert {column.name for column in described} == columns


def test_not_keeping_stores_nothing_and_shows_the_result_in_the_response(person) -> None:
    response = person.post("/vragenlijsten/phq9/", _phq9(3))
    assert response.status_code == 200 and "3 of 27 points" in response.content.decode()
    assert "This result is not saved." in response.content.decode()
    assert QuestionnaireResult.objects.count() == 0


def test_a_second_result_is_compared_with_the_first_using_the_published_figure(
    person, monkeypatch
) -> None:
    _take(
        person, _phq9(8) | {"phq9_1": "3", "phq9_2": "3"}, days_ago=30, monkeypatch=monkeypatch
    )  # 12
    text = person.get(_take(person, _phq9(6)).url).content.decode()  # 6: 6 points lower
    assert "your score was 12. Now it is 6." in text
    assert "That is a reliable change: you are doing better." in text
    text = person.get(_take(person, _phq9(4)).url).content.decode()  # 4: 2 lower than 6
    assert "The difference is smaller than 6 points." in text


def test_the_history_has_a_chart_with_bands_and_markers_and_the_same_data_in_a_table(
    person, monkeypatch
) -> None:
    _take(
        person, _phq9(8) | {"phq9_1": "3", "phq9_2": "3"}, days_ago=60, monkeypatch=monkeypatch
    )  # 12
    _take(person, _phq9(8) | {"phq9_1": "2"}, days_ago=30, monkeypatch=monkeypatch)  # 9
    _take(person, _phq9(3), monkeypatch=monkeypatch)  # 3
    page = _main(person.get("/vragenlijsten/phq9/verloop/").content.decode())
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="chart-title chart-desc"' in svg
    assert svg.count('class="point series-1"') == 3
    # Five published bands, each a zone with its name beside it.
    assert svg.count('<rect class="zone') == 5
    for band in ("None to minimal", "Mild", "Moderate", "Moderately severe", "Severe"):
        assert f">{band}</text>" in svg
    # 12 -> 9 is 3 points (not reliable), 9 -> 3 is 6 points (reliable, published figure 6).
    assert svg.count('class="change change-improved"') == 1
    rows = re.findall(
        r"<tr>\s*<th scope=\"row\">([^<]+)</th>\s*<td>(\d+)</td>"
        r"\s*<td>([^<]+)</td>\s*<td>([^<]+)</td>",
        page,
    )
    assert [(score, band, change) for _, score, band, change in rows] == [
        ("12", "Moderate", "–"),
        ("9", "Mild", "no reliable change"),
        ("3", "None to minimal", "reliably better"),
    ]
    summary = page[
        page.index('id="in-short"') : page.index("</section>", page.index('id="in-short"'))
    ]
    assert "3 times" in summary and "first 12, last 3" in summary
    assert "From the first to the last time: reliably better." in summary
    assert "first 12, last 3" in svg  # the chart's description says the same


def test_the_points_run_left_to_right_in_time_and_higher_scores_sit_higher(
    person, monkeypatch
) -> None:
    _take(person, _phq9(2), days_ago=40, monkeypatch=monkeypatch)
    _take(person, _phq9(8), days_ago=10, monkeypatch=monkeypatch)
    svg = person.get("/vragenlijsten/phq9/verloop/").content.decode()
    points = [
        (float(x), float(y))
        for x, y in re.findall(r'<circle class="point series-1" cx="([\d.]+)" cy="([\d.]+)"', svg)
    ]
    (x1, y1), (x2, y2) = points
    assert x1 < x2 and y2 < y1
    # Coordinates keep a decimal point in Dutch too (a comma would break the drawing).
    person.get("/taal/nl/")
    dutch = _main(person.get("/vragenlijsten/phq9/verloop/").content.decode())
    drawing = dutch[dutch.index("<svg") : dutch.index("</svg>")]
    coordinates = re.findall(r' (?:cx|cy|y|height)="([^"]+)"', drawing)
    assert coordinates and all(re.fullmatch(r"-?\d+(\.\d+)?", value) for value in coordinates)


def test_the_itq_history_charts_its_two_sum_scores_with_different_shapes(person) -> None:
    answers = {f"itq_p{n}": "2" for n in range(1, 10)} | {f"itq_c{n}": "1" for n in range(1, 10)}
    _take(person, answers, instrument="itq")
    page = person.get("/vragenlijsten/itq/verloop/").content.decode()
    assert (
        page.count('<circle class="point series-1"') == 1
        and page.count('<rect class="point series-2"') == 1
    )
    assert '<th scope="col">PTSD symptoms together</th>' in page
    assert "<td>12</td><td>6</td>" in page


def test_the_history_of_a_questionnaire_never_taken_says_so(person) -> None:
    page = _main(person.get("/vragenlijsten/gad7/verloop/").content.decode())
    assert "You have not saved a result of this questionnaire yet." in page and "<svg" not in page


def test_the_list_shows_every_result_and_deleting_one_removes_it(person) -> None:
    first = _take(person, _phq9(2)).url
    _take(person, {f"who5_{n}": "3" for n in range(1, 6)}, instrument="who5")
    listing = person.get("/vragenlijsten/uitslagen/").content.decode()
    assert "Low mood (PHQ-9)" in listing and "Well-being (WHO-5)" in listing
    assert "60 percent; No sign of low well-being" in listing
    delete_url = first + "verwijderen/"
    assert "Delete this result?" in person.get(delete_url).content.decode()
    response = person.post(delete_url)
    assert response.status_code == 302 and response.url == "/vragenlijsten/uitslagen/"
    assert QuestionnaireResult.objects.count() == 1
    assert person.get(first).status_code == 404


def test_a_quiet_check_up_note_appears_four_weeks_after_the_last_result(
    person, monkeypatch
) -> None:
    _take(person, _phq9(2), days_ago=27, monkeypatch=monkeypatch)
    assert "emotional check-up" not in person.get("/vragenlijsten/").content.decode()
    _take(person, _phq9(2), days_ago=29, monkeypatch=monkeypatch, instrument="phq9")
    QuestionnaireResult.objects.order_by("created_at").first().delete()  # only the older one left
    page = person.get("/vragenlijsten/").content.decode()
    assert "Time for an emotional check-up?" in page
    assert 'href="/vragenlijsten/phq9/">' in page[page.index("retake") :]


def test_the_childhood_history_never_asks_for_a_check_up(person, monkeypatch) -> None:
    _take(
        person,
        {f"ace_{n}": "0" for n in range(1, 11)},
        days_ago=90,
        monkeypatch=monkeypatch,
        instrument="ace",
    )
    assert "emotional check-up" not in person.get("/vragenlijsten/uitslagen/").content.decode()


def test_the_pages_of_kept_results_need_an_account(client) -> None:
    for url in ("/vragenlijsten/uitslagen/", "/vragenlijsten/phq9/verloop/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/account/inloggen/")


def test_the_export_holds_each_result_with_answers_scores_and_fhir(person) -> None:
    _take(person, _phq9(5))
    person.post("/account/bevestigen/", {"passphrase": "lamp rivier brood herfst"})
    export = json.loads(person.post("/account/mijn-gegevens/export/").content)
    [entry] = export["questionnaires"]
    assert entry["instrument"] == "phq9" and entry["version"] == 1
    assert entry["answers"]["phq9_1"] == 1 and entry["result"]["total"] == 5
    assert [resource["resourceType"] for resource in entry["fhir"]] == [
        "QuestionnaireResponse",
        "Observation",
    ]


def test_the_export_records_the_language_the_questions_were_shown_in(person) -> None:
    person.get("/taal/nl/")
    _take(person, {f"pcl5_{n}": "1" for n in range(1, 21)}, instrument="pcl5")
    _take(person, _phq9(1))
    person.post("/account/bevestigen/", {"passphrase": "lamp rivier brood herfst"})
    export = json.loads(person.post("/account/mijn-gegevens/export/").content)
    languages = {entry["instrument"]: entry["language"] for entry in export["questionnaires"]}
    assert languages == {"pcl5": "en", "phq9": "nl"}
    phq9 = next(entry for entry in export["questionnaires"] if entry["instrument"] == "phq9")
    assert phq9["fhir"][0]["item"][0]["text"] == "Weinig interesse of plezier in activiteiten"
