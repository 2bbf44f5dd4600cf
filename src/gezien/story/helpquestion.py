"""The help question builder: from a person's answers to a short help question in plain
language, which they can then change as they like.

The choices and sentences live in helpquestion.toml (Dutch and English); this module
checks that file and composes the text. No Django here, so it is tested as a pure function."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gezien.lib import data
from gezien.lib.text import LANGUAGES, Text

PATH = Path(__file__).with_name("helpquestion.toml")
# The single-choice questions, whose choices each give a whole sentence, and the
# several-choice questions, whose choices give a phrase for a list.
SENTENCE_GROUPS = ("since", "pace", "setting", "gender")
PHRASE_GROUPS = ("tried", "approach")
SENTENCES = {
    "bothers": "{text}",
    "goal": "{text}",
    "not_wanted": "{text}",
    "practical": "{text}",
    "tried": "{list}",
    "approach": "{list}",
}


@dataclass(frozen=True)
class Choice:
    id: str
    label: Text
    text: Text  # the sentence or phrase this choice adds


@dataclass(frozen=True)
class Phrases:
    words: dict[str, Text]
    sentences: dict[str, Text]
    groups: dict[str, tuple[Choice, ...]]

    def choices(self, group: str, language: str) -> list[tuple[str, str]]:
        """(id, label) pairs for a form field."""
        return [(choice.id, choice.label.get(language)) for choice in self.groups[group]]

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


def _with(placeholder: str | None) -> Callable[[data.At, Any], str]:
    """A sentence that must hold `placeholder`, or no placeholder at all."""

    def read(at: data.At, value: Any) -> str:
        text = data.line(at, value)
        if placeholder and placeholder not in text:
            raise at.error(f"must contain {placeholder}")
        if not placeholder and "{" in text:
            raise at.error("has a placeholder where none is used")
        return text

    return read


def parse(raw: dict[str, Any]) -> Phrases:
    groups_in_file = SENTENCE_GROUPS + PHRASE_GROUPS
    top = data.Table(data.At(PATH.name), raw, ("words", "sentences", *groups_in_file))
    words = {"and": top.table("words", ("and",)).value("and", data.translated, _with(None))}
    sentence_table = top.table("sentences", tuple(SENTENCES))
    sentences = {
        name: sentence_table.value(name, data.translated, _with(placeholder))
        for name, placeholder in SENTENCES.items()
    }
    groups = {}
    for group in groups_in_file:
        text_field = "sentence" if group in SENTENCE_GROUPS else "phrase"
        ids = data.Unique()
        groups[group] = tuple(
            Choice(
                ids.add(row.at_key("id"), row.value("id", data.ident)),
                row.value("label", data.translated, _with(None)),
                row.value(text_field, data.translated, _with(None)),
            )
            for row in top.tables(group, ("id", "label", text_field))
        )
    return Phrases(words, sentences, groups)


@functools.cache
def load(path: Path = PATH) -> Phrases:
    return parse(data.read_toml(path))


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
    sentence = {name: text.get(language) for name, text in phrases.sentences.items()}
    conjunction = phrases.words["and"].get(language)

    def typed(name: str, text: str) -> list[str]:
        return [sentence[name].replace("{text}", _clean(text))] if text.strip() else []

    def chosen(group: str, choice_id: str) -> list[str]:
        return [phrases.choice(group, choice_id).text.get(language)] if choice_id else []

    def listed(name: str, group: str, ids: tuple[str, ...], extra: str = "") -> list[str]:
        items = [phrases.choice(group, choice_id).text.get(language) for choice_id in ids]
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


def from_navigator(
    answers: dict[str, Any], statements: list[str], preferences: dict[str, str]
) -> dict[str, Any]:
    """The help question's answers with the navigator's added: the ticked statements join
    "what bothers me" (each once), and matching preferences fill empty choices. Answers the
    person gave before are never overwritten."""
    merged = dict(answers)
    bothers = merged.get("bothers") or ""
    new = [statement for statement in statements if statement not in bothers]
    merged["bothers"] = "\n".join(part for part in [bothers.strip(), *new] if part)
    for question, mapping in _FROM_NAVIGATOR.items():
        chosen = mapping.get(preferences.get(question, ""))
        if not chosen or merged.get(question):
            continue
        merged[question] = [chosen] if question == "approach" else chosen
    return merged
