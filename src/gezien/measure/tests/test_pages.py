"""The questionnaire pages without an account: overview, about, taking a questionnaire,
what is missing, tampered input and the result."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from gezien.measure.models import QuestionnaireResult
from gezien.measure.tests.support import plain


def _answers(
    instrument_id: str, count: int, value: str = "1", prefix: str | None = None
) -> dict[str, str]:
    prefix = prefix or f"{instrument_id}_"
    return {f"{prefix}{n}": value for n in range(1, count + 1)}


def _text(response) -> str:
    return plain(response.content.decode())


@pytest.fixture
def dutch(client: Client) -> Client:
    client.get("/taal/nl/")
    return client


@pytest.fixture
def english(client: Client) -> Client:
    client.get("/taal/en/")
    return client


def test_the_overview_lists_every_questionnaire_with_time_and_what_a_result_can_and_cannot_say(
    dutch,
) -> None:
    response = dutch.get("/vragenlijsten/")
    text = _text(response)
    for name in (
        "Somberheid (PHQ-9)",
        "Angst en zorgen (GAD-7)",
        "Welzijn (WHO-5)",
        "Eigenwaarde (Rosenberg)",
        "Na een heel nare ervaring (PCL-5)",
        "Trauma en hoe je je meestal voelt (ITQ)",
        "Ervaringen uit je jeugd (ACE)",
        "Spanning en somberheid (K10)",
        "Hoe je je voelde (MHI-5)",
    ):
        assert name in text
    assert "Ongeveer 3 minuten" in text
    assert text.count("Wat een uitslag je kan vertellen") == 9
    assert text.count("Wat een uitslag je niet kan vertellen") == 9
    assert 'href="/vragenlijsten/phq9/"' in response.content.decode()


def test_the_overview_maps_ace_questions_1_to_5_onto_the_five_forms(dutch) -> None:
    page = dutch.get("/vragenlijsten/").content.decode()
    table = page[page.index('<table class="five-forms">') : page.index("</table>")]
    rows = re.findall(r'<th scope="row"><span>([^<]+)</span></th><td>(\d+)</td>', table)
    assert rows == [
        ("Emotionele mishandeling", "1"),
        ("Lichamelijke mishandeling", "2"),
        ("Seksueel misbruik", "3"),
        ("Emotionele verwaarlozing", "4"),
        ("Lichamelijke verwaarlozing", "5"),
    ]


def test_the_library_page_on_the_five_forms_is_linked_only_when_it_exists(dutch) -> None:
    try:
        resolve("/bibliotheek/vijf-vormen/")
        library_installed = True
    except Resolver404:
        library_installed = False
    page = dutch.get("/vragenlijsten/").content.decode()
    assert ('href="/bibliotheek/vijf-vormen/"' in page) is library_installed


def test_the_about_page_gives_source_and_licence_and_the_left_out_questionnaires(english) -> None:
    text = _text(english.get("/vragenlijsten/over/"))
    assert "Kroenke K, Spitzer RL, Williams JBW" in text
    assert "No permission required to reproduce, translate, display or distribute" in text
    assert "CC BY-NC-SA 3.0 IGO" in text
    for left_out in ("DES-II", "DES-B", "CTQ"):
        assert left_out in text
    assert "paid licence" in text


def test_each_item_is_a_fieldset_with_a_legend_holding_progress_wording_and_time_frame(
    dutch,
) -> None:
    page = dutch.get("/vragenlijsten/phq9/").content.decode()
    legends = re.findall(r"<legend>(.*?)</legend>", page, re.DOTALL)
    assert len(legends) == 10 == page.count("<fieldset")
    first = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", legends[0]))
    assert "Vraag 1 van 10" in first
    assert "Weinig interesse of plezier in activiteiten" in first
    assert all("de afgelopen 2 weken" in legend for legend in legends)
    assert page.count('type="radio" name="phq9_1"') == 4
    assert "Stoppen zonder op te slaan" in _text(dutch.get("/vragenlijsten/phq9/"))


def test_an_english_only_questionnaire_marks_its_wording_as_english_with_a_dutch_note(
    dutch,
) -> None:
    page = dutch.get("/vragenlijsten/pcl5/").content.decode()
    assert (
        '<span class="question-text" lang="en">Repeated, disturbing, and unwanted memories' in page
    )
    assert '<label for="pcl5_1-0" lang="en">Not at all</label>' in page
    assert "Deze vragenlijst staat hier in het Engels" in page
    # In English the note is not needed, and the wording needs no lang of its own.
    english = Client()
    english.get("/taal/en/")
    page = english.get("/vragenlijsten/pcl5/").content.decode()
    assert "Deze vragenlijst staat hier in het Engels" not in page
    assert '<span class="question-text">Repeated, disturbing' in page


def test_the_note_before_starting_says_what_a_result_can_and_cannot_say(english) -> None:
    text = _text(english.get("/vragenlijsten/ace/"))
    assert "What the result can tell you:" in text
    assert "It does not predict how you will do." in text
    assert "You can always take a break or stop." in text


def test_missing_answers_give_an_error_summary_linking_to_each_and_keep_the_answers(dutch) -> None:
    answers = _answers("phq9", 9)
    del answers["phq9_3"], answers["phq9_7"]
    response = dutch.post("/vragenlijsten/phq9/", answers)
    page = response.content.decode()
    assert response.status_code == 200
    summary = page[
        page.index('id="error-summary"') : page.index("</div>", page.index('id="error-summary"'))
    ]
    assert re.findall(r'href="#([^"]+)"', summary) == ["phq9_3-0", "phq9_7-0"]
    assert 'id="phq9_3-0"' in page and 'id="phq9_7-0"' in page
    assert 'value="1" checked' in page and page.count(" checked") == 7
    assert "Vul je score" not in page and QuestionnaireResult.objects.count() == 0


def test_the_optional_difficulty_question_may_stay_empty(english) -> None:
    response = english.post("/vragenlijsten/phq9/", _answers("phq9", 9, "0"))
    assert "Your result" in _text(response) and "error-summary" not in response.content.decode()


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda a: {**a, "phq9_99": "1"}, id="unknown item"),
        pytest.param(lambda a: {**a, "phq9_1": "4"}, id="out of range"),
        pytest.param(lambda a: {**a, "phq9_1": "-1"}, id="negative"),
        pytest.param(lambda a: {**a, "phq9_1": "1.0"}, id="decimal"),
        pytest.param(lambda a: {**a, "phq9_1": "een"}, id="wrong type"),
        pytest.param(lambda a: {**a, "phq9_1": ""}, id="empty"),
        pytest.param(lambda a: {**a, "phq9_1": ["1", "2"]}, id="duplicate item"),
        pytest.param(lambda a: {**a, "keep": "yes"}, id="odd keep value"),
        pytest.param(lambda a: {**a, "phq9_2": "1" * 20_000}, id="huge value"),
    ],
)
def test_tampered_answers_get_a_clear_message_nothing_stored_never_a_500(dutch, tamper) -> None:
    response = dutch.post("/vragenlijsten/phq9/", tamper(_answers("phq9", 9)))
    assert response.status_code == 400
    text = _text(response)
    assert "Je antwoorden kwamen niet goed door" in text
    assert "Jouw score" not in text
    assert QuestionnaireResult.objects.count() == 0


def test_a_huge_body_is_refused_before_it_is_read(dutch) -> None:
    body = "&".join(f"x{n}=1" for n in range(20_000))
    response = dutch.post(
        "/vragenlijsten/phq9/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert "Je antwoorden kwamen niet goed door" in _text(response)


def test_an_unknown_questionnaire_is_a_404(client) -> None:
    assert client.get("/vragenlijsten/des2/").status_code == 404
    assert client.post("/vragenlijsten/des2/", {"a": "1"}).status_code == 404


def test_the_result_is_shown_in_the_post_response_with_score_band_and_meaning(english) -> None:
    answers = {**_answers("phq9", 9, "1"), "phq9_9": "0", "phq9_1": "3"}  # 3+7*1 = 10
    response = english.post("/vragenlijsten/phq9/", answers)
    assert response.status_code == 200
    text = _text(response)
    assert "10 of 27 points" in text
    assert "Level: Moderate" in text
    assert 'class="band band-level-2"' in response.content.decode()
    assert "It is wise to talk about this with your GP." in text
    assert "What this does not mean" in text and "not a diagnosis" in text
    assert "First this" not in text
    assert "This result is not saved." in text


def test_a_risk_answer_shows_help_before_any_score(dutch) -> None:
    answers = {**_answers("phq9", 9, "0"), "phq9_9": "1"}  # total 1: minimal, yet a risk
    page = dutch.post("/vragenlijsten/phq9/", answers).content.decode()
    help_at = page.index('class="risk-help"')
    assert help_at < page.index('id="your-score"') < page.index("1 van 27 punten")
    help_block = page[help_at : page.index("</section>", help_at)]
    assert 'href="tel:113"' in help_block and 'href="tel:08000113"' in help_block
    assert 'href="https://www.113.nl/"' in help_block
    assert "huisarts" in help_block and 'href="tel:112"' in help_block
    assert 'href="/veiligheidsplan/"' in help_block


def test_a_risk_answer_shows_help_even_when_other_answers_are_missing(dutch) -> None:
    page = dutch.post("/vragenlijsten/phq9/", {"phq9_9": "2"}).content.decode()
    assert page.index('class="risk-help"') < page.index('id="error-summary"')


def test_an_unanswered_question_about_thoughts_of_death_is_named_with_the_help_block(dutch) -> None:
    answers = _answers("phq9", 8, "1")  # items 1-8 answered, item 9 not
    page = dutch.post("/vragenlijsten/phq9/", answers).content.decode()
    help_at = page.index('class="risk-help"')
    assert help_at < page.index('id="error-summary"')
    help_block = plain(page[help_at : page.index("</section>", help_at)])
    unanswered = "De vraag over gedachten aan de dood of jezelf pijn doen heb je niet beantwoord."
    assert unanswered in help_block
    assert "Je antwoordde dat" not in help_block
    assert 'href="tel:113"' in page[help_at : page.index("</section>", help_at)]
    # With item 9 answered "not at all", no help block and no line.
    calm = dutch.post("/vragenlijsten/phq9/", {**answers, "phq9_9": "0"}).content.decode()
    assert 'class="risk-help"' not in calm and "niet beantwoord" not in calm


def test_pcl5_and_itq_describe_the_pattern_per_cluster_in_words(english) -> None:
    answers = {
        **_answers("pcl5", 20, "0"),
        "pcl5_1": "2",
        "pcl5_6": "3",
        "pcl5_8": "2",
        "pcl5_9": "4",
        "pcl5_15": "2",
        "pcl5_16": "2",
    }
    text = _text(english.post("/vragenlijsten/pcl5/", answers))
    assert (
        "Intrusions (cluster B): score 2 of 20; questions that count: 1 of 5 (enough for the "
        "pattern, which needs 1)" in text
    )
    assert "fit the pattern that can go with PTSD" in text
    assert "Your score is 31 or higher" not in text
    itq = {f"itq_p{n}": "0" for n in range(1, 10)} | {f"itq_c{n}": "0" for n in range(1, 10)}
    itq |= {"itq_p1": "2", "itq_p3": "3", "itq_p5": "2", "itq_p7": "2"}
    text = _text(english.post("/vragenlijsten/itq/", itq))
    assert "Avoidance: score 3 of 8; questions that count: 1 of 2 (enough for the pattern" in text
    assert "Negative self-concept: score 0 of 8; questions that count: 0 of 2 (not enough" in text
    assert "Your answers fit the pattern of PTSD" in text
    assert "PTSD symptoms together: 7 of 24 points" in text


def test_ace_shows_the_five_forms_with_the_answers_given(dutch) -> None:
    answers = {f"ace_{n}": "0" for n in range(1, 11)} | {"ace_1": "1", "ace_4": "1", "ace_9": "1"}
    page = dutch.post("/vragenlijsten/ace/", answers).content.decode()
    rows = re.findall(r'<th scope="row"><span>([^<]+)</span></th><td>\d+</td><td>(\w+)</td>', page)
    assert rows[0] == ("Emotionele mishandeling", "Ja") and rows[3] == (
        "Emotionele verwaarlozing",
        "Ja",
    )
    assert rows[1][1] == "Nee"
    text = plain(page)
    assert "Je zei ja op 3 van de 10 vragen." in text
    assert "Je zei op 1 daarvan ja." in text


def test_the_ace_result_first_thanks_the_person_warmly_before_any_number(dutch) -> None:
    answers = {f"ace_{n}": "0" for n in range(1, 11)} | {"ace_4": "1"}
    page = plain(dutch.post("/vragenlijsten/ace/", answers).content.decode())
    thanks = page.index("Dank je dat je deze vragen hebt beantwoord.")
    assert "Het was niet jouw schuld. En het telt" in page
    assert thanks < page.index("Jouw score") < page.index("Je zei ja op 1 van de 10 vragen.")
    assert not any(ch.isdigit() for ch in page[page.rindex("Je uitslag:", 0, thanks) : thanks])
    none = plain(dutch.post("/vragenlijsten/ace/", answers | {"ace_4": "0"}).content.decode())
    assert none.index("Je zei op alle vragen nee.") < none.index("Jouw score")
    assert "Ook dat telt." in none and "niet jouw schuld" not in none


def test_the_who5_result_gives_the_percentage_and_a_band_that_reads_higher_as_better(
    english,
) -> None:
    response = english.post("/vragenlijsten/who5/", _answers("who5", 5, "5"))
    assert "25 of 25 points (that is 100 percent)" in _text(response)
    assert "band-level-0" in response.content.decode()
