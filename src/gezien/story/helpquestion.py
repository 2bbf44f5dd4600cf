"""The help question builder: from a person's answers to a short help question in plain
language, which they can then change as they like.

The choices and sentences live in helpquestion.toml (Dutch and English); this module
checks that file and composes the text. No Django here, so it is tested as a pure function."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PATH = Path(__file__).with_name("helpquestion.toml")
LANGUAGES = ("nl", "en")
# The single-choice questions, whose choices each give a whole sentence, and the
# several-choice questions, whose choices give a phrase for a list.
SENTENCE_GROUPS = ("since", "pace", "setting", "gender")
PHRASE_GROUPS = ("tried", "approach")
SENTENCES = {"bothers": "{text}", "goal": "{text}", "not_wanted": "{text}", "practical": "{text}",
             "tried": "{list}", "approach": "{list}"}


class HelpQuestionFileError(ValueError):
    pass


@dataclass(frozen=True)
class Choice:
    id: str
    label: dict[str, str]
    text: dict[str, str]  # the sentence or phrase this choice adds


@dataclass(frozen=True)
class Phrases:
    words: dict[str, dict[str, str]]
    sentences: dict[str, dict[str, str]]
    groups: dict[str, tuple[Choice, ...]]

    def choices(self, group: str, language: str) -> list[tuple[str, str]]:
        """(id, label) pairs for a form field."""
        return [(choice.id, choice.label[language]) for choice in self.groups[group]]

    def choice(self, group: str, choice_id: str) -> Choice:
        for choice in self.groups[group]:
            if choice.id == choice_id:
                return choice
        raise ValueError(f"{group}: unknown choice {choice_id!r}")


@dataclass(frozen=True)
class Answers:
    bothers: str = ""
    since: str = ""
    tried: tuple[str, ...] = ()
    tried_other: str = ""
    goal: str = ""
    pace: str = ""
    approach: tuple[str, ...] = ()
    setting: str = ""
    gender: str = ""
    not_wanted: str = ""
    practical: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Answers:
        known = cls.__dataclass_fields__
        values = {name: data[name] for name in known if name in data}
        for name in ("tried", "approach"):
            if name in values:
                values[name] = tuple(values[name])
        return cls(**values)


def _error(at: str, problem: str) -> HelpQuestionFileError:
    return HelpQuestionFileError(f"{PATH.name}: {at}: {problem}")


def _texts(value: Any, at: str, placeholder: str | None = None) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _error(at, "missing" if value is None else "must be a table with nl and en")
    texts = {}
    for language in LANGUAGES:
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            raise _error(f"{at}.{language}", "missing")
        if placeholder and placeholder not in text:
            raise _error(f"{at}.{language}", f"must contain {placeholder}")
        if not placeholder and "{" in text:
            raise _error(f"{at}.{language}", "has a placeholder where none is used")
        texts[language] = text
    return texts


def parse(data: dict[str, Any]) -> Phrases:
    words = {"and": _texts(data.get("words", {}).get("and"), "words.and")}
    raw_sentences = data.get("sentences")
    if not isinstance(raw_sentences, dict):
        raise _error("sentences", "missing")
    sentences = {
        name: _texts(raw_sentences.get(name), f"sentences.{name}", placeholder)
        for name, placeholder in SENTENCES.items()
    }
    groups = {}
    for group in SENTENCE_GROUPS + PHRASE_GROUPS:
        entries = data.get(group)
        if not isinstance(entries, list) or not entries:
            raise _error(group, "missing")
        text_field = "sentence" if group in SENTENCE_GROUPS else "phrase"
        choices, seen = [], set()
        for index, entry in enumerate(entries):
            at = f"{group}[{index}]"
            choice_id = entry.get("id")
            if not isinstance(choice_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", choice_id):
                raise _error(f"{at}.id", "missing" if choice_id is None else "must be lower-case letters")
            if choice_id in seen:
                raise _error(f"{at}.id", f"{choice_id!r} is used twice")
            seen.add(choice_id)
            choices.append(Choice(
                choice_id,
                _texts(entry.get("label"), f"{at}.label"),
                _texts(entry.get(text_field), f"{at}.{text_field}"),
            ))
        groups[group] = tuple(choices)
    return Phrases(words, sentences, groups)


@functools.cache
def load(path: Path = PATH) -> Phrases:
    with path.open("rb") as handle:
        try:
            data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as error:
            raise HelpQuestionFileError(f"{path.name}: {error}") from None
    return parse(data)


def _clean(text: str) -> str:
    """What the person typed, on one line, ending like a sentence."""
    text = " ".join(text.split())
    if text and text[-1] not in ".!?":
        text += "."
    return text


def _joined(items: list[str], conjunction: str) -> str:
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def compose(answers: Answers, phrases: Phrases, language: str) -> str:
    """The help question: short paragraphs in the first person, leaving out every question
    the person skipped. Empty when nothing was answered."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    sentence = {name: texts[language] for name, texts in phrases.sentences.items()}
    conjunction = phrases.words["and"][language]

    def typed(name: str, text: str) -> list[str]:
        return [sentence[name].replace("{text}", _clean(text))] if text.strip() else []

    def chosen(group: str, choice_id: str) -> list[str]:
        return [phrases.choice(group, choice_id).text[language]] if choice_id else []

    def listed(name: str, group: str, ids: tuple[str, ...], extra: str = "") -> list[str]:
        items = [phrases.choice(group, choice_id).text[language] for choice_id in ids]
        extra = " ".join(extra.split()).rstrip(".!?")
        if extra:
            items.append(extra)
        return [sentence[name].replace("{list}", _joined(items, conjunction))] if items else []

    paragraphs = [
        typed("bothers", answers.bothers) + chosen("since", answers.since),
        listed("tried", "tried", answers.tried, answers.tried_other),
        typed("goal", answers.goal),
        chosen("pace", answers.pace)
        + listed("approach", "approach", answers.approach)
        + chosen("setting", answers.setting)
        + chosen("gender", answers.gender)
        + typed("not_wanted", answers.not_wanted),
        typed("practical", answers.practical),
    ]
    return "\n\n".join(" ".join(sentences) for sentences in paragraphs if sentences)


# The help navigator's preference options, as the help question's options.
_FROM_NAVIGATOR = {
    "approach": {"talking": "talking", "practising": "practising", "body": "body"},
    "setting": {"individual": "individual", "group": "group"},
    "pace": {"calm": "slow", "intensive": "brisk"},
}


def from_navigator(answers: dict, rules, concerns: list[str], preferences: dict[str, str], language: str) -> dict:
    """The help question's answers with the navigator's added: the ticked statements join
    "what bothers me" (each once), and matching preferences fill empty choices. Answers the
    person gave before are never overwritten."""
    merged = dict(answers)
    bothers = merged.get("bothers") or ""
    statements = [getattr(c.text, language) for c in rules.concerns if c.id in concerns]
    new = [statement for statement in statements if statement not in bothers]
    merged["bothers"] = "\n".join(part for part in [bothers.strip(), *new] if part)
    for question, mapping in _FROM_NAVIGATOR.items():
        chosen = mapping.get(preferences.get(question, ""))
        if not chosen or merged.get(question):
            continue
        merged[question] = [chosen] if question == "approach" else chosen
    return merged
