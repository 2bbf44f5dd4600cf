"""The help question generator: a pure function from answers to plain first-person text."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gezien.lib.data import DataError
from gezien.story import helpquestion
from gezien.story.helpquestion import Answers, compose

PHRASES = helpquestion.load()


def test_it_writes_a_short_help_question_from_the_answers_in_dutch() -> None:
    answers = Answers(
        bothers="ik voel me vaak leeg\nen moe",
        since="years",
        tried=("gp", "selfhelp"),
        goal="Weer voelen wat ik nodig heb",
        pace="slow",
        approach=("talking", "body"),
        setting="individual",
        gender="woman",
        not_wanted="geen groep",
        practical="alleen overdag",
    )
    text = compose(answers, PHRASES, "nl")
    assert text.split("\n\n") == [
        "Ik zoek hulp voor het volgende: ik voel me vaak leeg en moe. Dit speelt al een aantal "
        "jaren.",
        "Dit heb ik al geprobeerd: praten met mijn huisarts en zelfhulp, zoals boeken, apps of "
        "oefeningen.",
        "Dit wil ik graag bereiken: Weer voelen wat ik nodig heb.",
        "Ik heb een therapeut nodig die rustig aan doet en mij de tijd geeft. In de therapie wil "
        "ik graag praten over wat er gebeurd is en wat ik voel en werken met mijn lichaam, "
        "bijvoorbeeld met ademhaling of beweging. Ik heb het liefst gesprekken alleen met de "
        "therapeut. Ik heb liever een vrouw als therapeut. Dit wil ik liever niet: geen groep.",
        "Praktisch is dit belangrijk voor mij: alleen overdag.",
    ]


def test_it_writes_english_with_a_list_of_three_and_something_else_tried() -> None:
    answers = Answers(tried=("gp", "therapy", "medication"), tried_other="yoga.")
    assert compose(answers, PHRASES, "en") == (
        "This is what I have tried so far: talking to my GP, therapy or counselling, medication "
        "and yoga."
    )


def test_skipped_questions_leave_no_trace_and_nothing_answered_gives_nothing() -> None:
    assert compose(Answers(), PHRASES, "nl") == ""
    only_goal = compose(Answers(goal="rust"), PHRASES, "nl")
    assert only_goal == "Dit wil ik graag bereiken: rust."


def test_a_question_or_exclamation_mark_is_kept() -> None:
    assert compose(Answers(bothers="waarom voel ik niks?"), PHRASES, "en").endswith(
        "waarom voel ik niks?"
    )


def test_an_unknown_choice_or_language_is_refused() -> None:
    with pytest.raises(ValueError):
        compose(Answers(since="forever"), PHRASES, "nl")
    with pytest.raises(ValueError):
        compose(Answers(), PHRASES, "de")


free_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="{}"), max_size=80
)


@given(
    bothers=free_text,
    goal=free_text,
    practical=free_text,
    since=st.sampled_from(["", *(c.id for c in PHRASES.groups["since"])]),
    approach=st.lists(st.sampled_from([c.id for c in PHRASES.groups["approach"]]), unique=True),
    language=st.sampled_from(helpquestion.LANGUAGES),
)
def test_every_typed_answer_appears_and_no_placeholder_is_left(
    bothers, goal, practical, since, approach, language
) -> None:
    text = compose(
        Answers(
            bothers=bothers, goal=goal, practical=practical, since=since, approach=tuple(approach)
        ),
        PHRASES,
        language,
    )
    for typed in (bothers, goal, practical):
        words = " ".join(typed.split())
        assert words.rstrip(".!?") in text
    assert "{text}" not in text and "{list}" not in text
    if not any(x.strip() for x in (bothers, goal, practical)) and not since and not approach:
        assert text == ""


def test_the_form_choices_come_from_the_data_file_in_both_languages() -> None:
    assert ("woman", "Een vrouw") in PHRASES.choices("gender", "nl")
    assert ("woman", "A woman") in PHRASES.choices("gender", "en")


def _broken(change) -> str:
    data = tomllib.loads(helpquestion.PATH.read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(DataError) as error:
        helpquestion.parse(data)
    return str(error.value)


def test_a_broken_data_file_names_the_file_and_the_field() -> None:
    assert (
        _broken(lambda d: d["since"][2].pop("sentence"))
        == "helpquestion.toml: since[2].sentence: missing"
    )
    assert (
        _broken(lambda d: d["tried"][0]["label"].pop("en"))
        == "helpquestion.toml: tried[0].label.en: missing"
    )
    assert _broken(lambda d: d["sentences"]["goal"].update(nl="Doel")) == (
        "helpquestion.toml: sentences.goal.nl: must contain {text}"
    )
    assert (
        _broken(lambda d: d["gender"][1].update(id="woman"))
        == "helpquestion.toml: gender[1].id: 'woman' is already used by gender[0].id"
    )
    assert _broken(lambda d: d.pop("pace")) == "helpquestion.toml: pace: missing"


def test_the_navigators_answers_feed_the_help_question_without_overwriting() -> None:
    from gezien.accounts.testing import logged_in_client
    from gezien.navigator import web

    rules = web.rules()
    concern = rules.concerns[0]
    client = logged_in_client()
    client.post("/mijn-verhaal/hulpvraag/", {"bothers": "Ik slaap slecht", "setting": "group"})
    result = client.post(
        "/hulpwijzer/",
        {"concerns": [concern.id], "approach": "body", "setting": "individual", "pace": "calm"},
    )
    assert 'action="/mijn-verhaal/hulpvraag/uit-hulpwijzer/"' in result.content.decode()
    fed = client.post(
        "/mijn-verhaal/hulpvraag/uit-hulpwijzer/",
        {"concerns": [concern.id], "approach": "body", "setting": "individual", "pace": "calm"},
    )
    assert fed["Location"] == "/mijn-verhaal/hulpvraag/"
    page = client.get("/mijn-verhaal/hulpvraag/").content.decode()
    assert "Ik slaap slecht" in page and concern.text.nl in page
    from gezien.accounts import services
    from gezien.accounts.testing import PASSPHRASE
    from gezien.story import store
    from gezien.vault.person import Person

    answers = store.help_question(
        Person(client.account, services.authenticate("merel", PASSPHRASE).data_key)
    )["answers"]
    assert answers["approach"] == ["body"] and answers["pace"] == "slow"
    assert answers["setting"] == "group"  # the person's own earlier choice stays
    tampered = client.post(
        "/mijn-verhaal/hulpvraag/uit-hulpwijzer/", {"concerns": ["bestaat-niet"]}
    )
    assert tampered.status_code == 400


def test_without_an_account_the_navigator_offers_no_help_question_button(client) -> None:
    from gezien.navigator import web

    concern = web.rules().concerns[0]
    html = client.post("/hulpwijzer/", {"concerns": [concern.id]}).content.decode()
    assert "uit-hulpwijzer" not in html
