"""The check-in conversation for two: its steps (checkin.toml), the screens they make (each
step in turns once per person), and the I-statement helper. Nothing here is stored: the
words travel in the form from screen to screen, until the person keeps a note or closes the
page. No Django here."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gezien.lib import data
from gezien.lib.text import Text

PATH = Path(__file__).with_name("checkin.toml")
PIECES = ("feeling", "situation", "need")


@dataclass(frozen=True)
class Step:
    id: str
    turns: bool
    statement: bool
    prompt: Text
    speaker: Text | None
    listener: Text | None
    tips: tuple[Text, ...]


@dataclass(frozen=True)
class StatementRules:
    sentence: Text
    blame_words: tuple[str, ...]
    blame_hint: Text
    you_words: tuple[str, ...]
    you_hint: Text


@dataclass(frozen=True)
class Conversation:
    steps: tuple[Step, ...]
    statement: StatementRules


def _step(table: data.Table, seen: data.Unique) -> Step:
    turns = table.value("turns", data.boolean)
    if turns:
        table.require("speaker", "a step in turns has a tip for who speaks")
        table.require("listener", "and one for who listens")
        table.forbid("tips", "a step in turns has speaker and listener tips")
    else:
        table.require("tips", "a step taken together has its tips")
    return Step(
        id=seen.add(table.at_key("id"), table.value("id", data.ident)),
        turns=turns,
        statement=bool(table.get("statement", data.boolean)),
        prompt=table.value("prompt", data.translated),
        speaker=table.get("speaker", data.translated),
        listener=table.get("listener", data.translated),
        tips=table.get("tips", data.each, data.translated) or (),
    )


def _placeholders(names: tuple[str, ...]) -> Callable[[data.At, object], Text]:
    def read(at: data.At, value: object) -> Text:
        text = data.translated(at, value)
        for language in ("nl", "en"):
            found = tuple(sorted(re.findall(r"\{(\w+)\}", text.get(language))))
            if found != tuple(sorted(names)):
                raise at.key(language).error(f"must hold {', '.join(names)} once each")
        return text

    return read


@functools.cache
def conversation() -> Conversation:
    top = data.load(PATH, ("steps", "statement"))
    seen = data.Unique()
    steps = tuple(
        _step(table, seen)
        for table in top.tables(
            "steps", ("id", "turns", "prompt"), ("statement", "speaker", "listener", "tips")
        )
    )
    rules = top.table(
        "statement", ("sentence", "blame_words", "blame_hint", "you_words", "you_hint")
    )
    return Conversation(
        steps=steps,
        statement=StatementRules(
            sentence=rules.value("sentence", _placeholders(PIECES)),
            blame_words=rules.value("blame_words", data.each, data.ident),
            blame_hint=rules.value("blame_hint", _placeholders(("word",))),
            you_words=rules.value("you_words", data.each, data.ident),
            you_hint=rules.value("you_hint", data.translated),
        ),
    )


@dataclass(frozen=True)
class Screen:
    step: Step
    turn: int  # 1 or 2: whose turn it is; 0 for a step taken together


def screens() -> tuple[Screen, ...]:
    """Every screen of the conversation in order (the start and the end are not steps)."""
    made: list[Screen] = []
    for step in conversation().steps:
        made += [Screen(step, 1), Screen(step, 2)] if step.turns else [Screen(step, 0)]
    return tuple(made)


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" .")


def sentence(pieces: dict[str, str], language: str) -> str:
    """The I-statement from its three pieces; "" until all three are there."""
    cleaned = {piece: _clean(pieces.get(piece, "")) for piece in PIECES}
    if not all(cleaned.values()):
        return ""
    made = conversation().statement.sentence.get(language).format(**cleaned)
    return made if made.endswith((".", "!", "?")) else f"{made}."


def hints(pieces: dict[str, str], language: str) -> list[str]:
    """Gentle pointers for an I-statement that may sound like blame."""
    rules = conversation().statement
    found = []
    words = re.findall(r"\w+", " ".join(pieces.values()).lower())
    blamed = next((word for word in words if word in rules.blame_words), None)
    if blamed:
        found.append(rules.blame_hint.get(language).format(word=blamed))
    situation = re.findall(r"\w+", pieces.get("situation", "").lower())
    if situation and situation[0] in rules.you_words:
        found.append(rules.you_hint.get(language))
    return found
