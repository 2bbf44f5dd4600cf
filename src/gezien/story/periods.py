"""The periods of the story timeline and the questions in each, with gentle guidance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


@dataclass(frozen=True)
class Question:
    key: str
    label: StrPromise
    hint: StrPromise


@dataclass(frozen=True)
class Period:
    key: str
    slug: str  # the Dutch path segment
    title: StrPromise
    guidance: StrPromise
    questions: tuple[Question, ...]

    def question(self, key: str) -> Question:
        return next(question for question in self.questions if question.key == key)


def _looking_back(
    happened: StrPromise, missed: StrPromise, support: StrPromise
) -> tuple[Question, ...]:
    return (
        Question("happened", _("What happened?"), happened),
        Question("missed", _("What did I miss?"), missed),
        Question("support", _("Who or what supported me?"), support),
        Question(
            "effect",
            _("How does it affect me now?"),
            _("For example in how you see yourself, in contact with others, or in your body."),
        ),
    )


PERIODS = (
    Period(
        "childhood",
        "kindertijd",
        _("Childhood"),
        _(
            "Think of the years until you were about twelve. Maybe of the house you grew up in, or "
            "of one moment you remember well. You do not have to write everything. A few words are "
            "enough."
        ),
        _looking_back(
            _("What was it like at home? What do you remember?"),
            _("For example comfort, attention, or someone who asked how you were."),
            _("A grandparent, a teacher, a friend, a pet, a book, a place where you felt safe."),
        ),
    ),
    Period(
        "youth",
        "jeugd",
        _("Youth"),
        _(
            "Think of the years as a teenager, roughly from twelve to twenty. Many people start to "
            "notice then that things were different at home. Write only what you want to write."
        ),
        _looking_back(
            _("What happened at home, at school, with friends?"),
            _("For example being seen, getting help, or room to be yourself."),
            _("Someone who listened, sports, music, a club, a friend's family."),
        ),
    ),
    Period(
        "adulthood",
        "volwassen",
        _("Adulthood"),
        _(
            "Think of the years since you left home, up to not long ago. Work, love, friendship, "
            "maybe children of your own. Skip what does not fit."
        ),
        _looking_back(
            _("What were important moments, good or hard?"),
            _("For example support, rest, or people who understood you."),
            _("A partner, a friend, a doctor or therapist, work you liked."),
        ),
    ),
    Period(
        "now",
        "nu",
        _("Now"),
        _("How are things right now? This helps a professional to see where you stand today."),
        (
            Question(
                "happened",
                _("How am I doing now?"),
                _("What goes well, and what is hard at the moment?"),
            ),
            Question(
                "missed",
                _("What do I miss now?"),
                _("For example rest, closeness, or someone to talk to."),
            ),
            Question(
                "support",
                _("Who or what supports me now?"),
                _("People, places, things you do that help you."),
            ),
            Question(
                "effect",
                _("What do I notice in daily life?"),
                _(
                    "For example in sleep, work, contact with others, or how you feel about "
                    "yourself."
                ),
            ),
        ),
    ),
    Period(
        "future",
        "toekomst",
        _("What I hope for"),
        _("Look ahead. What would you like to be different? Small wishes count too."),
        (
            Question(
                "happened",
                _("What do I hope for?"),
                _("For example how you would like to feel, or what you would like to do again."),
            ),
            Question(
                "missed",
                _("What do I need for that?"),
                _("From yourself, from people around you, or from a professional."),
            ),
            Question(
                "support",
                _("Who or what can help me with that?"),
                _("A person, a kind of help, something you already know helps."),
            ),
            Question(
                "effect",
                _("What is a first small step?"),
                _("Something you could do in the coming weeks."),
            ),
        ),
    ),
)
BY_KEY = {period.key: period for period in PERIODS}
QUESTION_KEYS = ("happened", "missed", "support", "effect")


def field_label(name: str) -> StrPromise | None:
    """The label of a story form field "<period>_<question>", None for any other name
    (the drafts app keeps only fields that have a label)."""
    period_key, _sep, question_key = name.partition("_")
    period = BY_KEY.get(period_key)
    if period is None or question_key not in QUESTION_KEYS:
        return None
    return period.question(question_key).label
