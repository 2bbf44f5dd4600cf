"""What a check-up can hold and how often, read from checkup.toml, and the plain rules of
a check-up: its parts, where a person is in it, when the next one is due. No Django here."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gezien.lib import data
from gezien.lib.text import Text

PATH = Path(__file__).with_name("checkup.toml")
REFLECTIONS = "reflections"  # the id of the part with the three reflection questions


@dataclass(frozen=True)
class Reflection:
    id: str
    question: Text
    hint: Text


@dataclass(frozen=True)
class Reminder:
    title: Text
    time: datetime.time
    minutes: int
    telling_words: tuple[str, ...]


@dataclass(frozen=True)
class Rules:
    questionnaires: tuple[str, ...]
    default_questionnaires: tuple[str, ...]
    intervals: tuple[int, ...]
    default_interval: int
    continue_days: int
    reflections: tuple[Reflection, ...]
    reminder: Reminder


def _time(at: data.At, value: object) -> datetime.time:
    try:
        return datetime.time.fromisoformat(data.line(at, value))
    except ValueError:
        raise at.error("must be a time like 19:00") from None


def _word(at: data.At, value: object) -> str:
    word = data.line(at, value)
    if word != word.lower().strip():
        raise at.error("must be in lower case, without spaces around it")
    return word


@functools.cache
def rules() -> Rules:
    top = data.load(
        PATH,
        (
            "questionnaires",
            "default_questionnaires",
            "intervals",
            "default_interval",
            "continue_days",
            "reflections",
            "reminder",
        ),
    )
    # Any well-formed ids: which questionnaires exist is the measure app's to say, per request.
    listed = data.each(top.at_key("questionnaires"), top["questionnaires"], data.ident)
    questionnaires = data.refs(top.at_key("questionnaires"), list(listed), listed, "id")
    defaults = data.refs(
        top.at_key("default_questionnaires"),
        top["default_questionnaires"],
        questionnaires,
        "questionnaire",
    )
    intervals = tuple(
        data.whole(top.at_key("intervals").index(n), weeks, 1, 52)
        for n, weeks in enumerate(data.items(top.at_key("intervals"), top["intervals"]))
    )
    default_interval = top.value("default_interval", data.whole)
    if default_interval not in intervals:
        raise top.at_key("default_interval").error("must be one of the intervals")
    seen = data.Unique()
    reflections = tuple(
        Reflection(
            id=seen.add(table.at_key("id"), table.value("id", data.ident)),
            question=table.value("question", data.translated),
            hint=table.value("hint", data.translated),
        )
        for table in top.tables("reflections", ("id", "question", "hint"))
    )
    reminder = top.table("reminder", ("title", "time", "minutes", "telling_words"))
    return Rules(
        questionnaires=questionnaires,
        default_questionnaires=defaults,
        intervals=intervals,
        default_interval=default_interval,
        continue_days=top.value("continue_days", data.whole, 1, 60),
        reflections=reflections,
        reminder=Reminder(
            title=reminder.value("title", data.translated),
            time=reminder.value("time", _time),
            minutes=reminder.value("minutes", data.whole, 5, 120),
            telling_words=reminder.value("telling_words", data.each, _word),
        ),
    )


def telling_words_in(title: str) -> list[str]:
    """The words of the list that this title contains (as parts of words, any case)."""
    lowered = title.lower()
    return [word for word in rules().reminder.telling_words if word in lowered]


# --- a person's plan and check-ups ---------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    questionnaires: tuple[str, ...]
    reflections: bool
    every_weeks: int

    def parts(self) -> tuple[str, ...]:
        return (*self.questionnaires, *((REFLECTIONS,) if self.reflections else ()))

    def as_content(self) -> dict[str, object]:
        return {
            "questionnaires": list(self.questionnaires),
            "reflections": self.reflections,
            "every_weeks": self.every_weeks,
        }

    @classmethod
    def from_content(cls, content: dict[str, Any]) -> Plan:
        return cls(
            questionnaires=tuple(content["questionnaires"]),
            reflections=bool(content["reflections"]),
            every_weeks=int(content["every_weeks"]),
        )


def default_plan(offered: Sequence[str]) -> Plan:
    chosen = rules().default_questionnaires
    return Plan(tuple(i for i in chosen if i in offered), True, rules().default_interval)


DONE, SKIPPED, OPEN = "done", "skipped", "open"
# The reasons of core.lookups.Answers.help_first, the most serious first.
HELP_ORDER = ("thoughts", "thoughts_unanswered", "distress")


@dataclass
class Part:
    """One part of a taken check-up. A questionnaire part holds the id of its result (kept
    by the measure app); the reflections part holds the answers."""

    id: str
    state: str = OPEN
    result: str | None = None
    help_first: str | None = None
    answers: dict[str, str] = field(default_factory=dict)

    @property
    def is_questionnaire(self) -> bool:
        return self.id != REFLECTIONS

    def as_content(self) -> dict[str, object]:
        return {
            "id": self.id,
            "state": self.state,
            "result": self.result,
            "help_first": self.help_first,
            "answers": self.answers,
        }


@dataclass
class Taken:
    id: str
    started_at: datetime.datetime
    finished_at: datetime.datetime | None
    every_weeks: int
    parts: list[Part]

    def part(self, part_id: str) -> Part | None:
        return next((part for part in self.parts if part.id == part_id), None)

    def current(self) -> Part | None:
        """The first part still to do; None when every part is done or skipped, or the
        person finished early."""
        if self.finished_at is not None:
            return None
        return next((part for part in self.parts if part.state == OPEN), None)

    def position(self, part: Part) -> int:
        return self.parts.index(part) + 1

    def before(self, part: Part) -> Part | None:
        position = self.parts.index(part)
        return self.parts[position - 1] if position else None

    @property
    def has_answers(self) -> bool:
        return any(part.state == DONE for part in self.parts)

    @property
    def help_first(self) -> str | None:
        """The most serious reason of any part to show help before the scores."""
        raised = {part.help_first for part in self.parts if part.help_first}
        return next((reason for reason in HELP_ORDER if reason in raised), None)

    def can_continue(self, now: datetime.datetime) -> bool:
        days = datetime.timedelta(days=rules().continue_days)
        return self.current() is not None and now - self.started_at < days

    def as_content(self) -> dict[str, object]:
        return {
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "every_weeks": self.every_weeks,
            "parts": [part.as_content() for part in self.parts],
        }

    @classmethod
    def from_content(cls, record_id: str, content: dict[str, Any]) -> Taken:
        finished = content.get("finished_at")
        return cls(
            id=record_id,
            started_at=datetime.datetime.fromisoformat(content["started_at"]),
            finished_at=datetime.datetime.fromisoformat(finished) if finished else None,
            every_weeks=int(content["every_weeks"]),
            parts=[
                Part(
                    id=part["id"],
                    state=part["state"],
                    result=part.get("result"),
                    help_first=part.get("help_first"),
                    answers=dict(part.get("answers") or {}),
                )
                for part in content["parts"]
            ],
        )


def new_checkup(plan: Plan, now: datetime.datetime) -> Taken:
    return Taken("", now, None, plan.every_weeks, [Part(part) for part in plan.parts()])


def previous(taken: Sequence[Taken], checkup: Taken) -> Taken | None:
    """The latest check-up before this one with at least one part answered."""
    earlier = [t for t in taken if t.started_at < checkup.started_at and t.has_answers]
    return earlier[-1] if earlier else None


def next_due(
    plan: Plan,
    taken: Sequence[Taken],
    today: datetime.date,
    day_of: Callable[[datetime.datetime], datetime.date] = datetime.datetime.date,
) -> datetime.date:
    """The day the next check-up is due: the plan's number of weeks after the day (`day_of`
    gives the person's local day) the last check-up with answers was started; today when
    there was none yet."""
    answered = [t for t in taken if t.has_answers]
    if not answered:
        return today
    return day_of(answered[-1].started_at) + datetime.timedelta(weeks=plan.every_weeks)
