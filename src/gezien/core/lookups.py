"""What one feature app may look up in another without importing it.

An app that offers a lookup provides it in its `AppConfig.ready`; an app that uses it calls
the function here. The library is listed before its users in INSTALLED_APPS, so a user may
check its references to library pages at start-up; the other lookups are used per request.

- the library's pages and sources (the navigator and Herkennen name pages and cite sources);
- the questionnaires this installation offers (Herkennen points to the ACE when it is on);
- the help navigator's answers, read from its result page's form (the help question takes
  them over);
- a questionnaire's form, its scoring and its reliable-change figure (the check-up fills in
  the measure app's questionnaires and keeps the results where their history shows them);
- when a person's next check-up is due (the home page shows it);
- the help navigator's care route: its intake questions and the steps of the way to help
  (the klik-check shows them when it may be time to look further)."""

from __future__ import annotations

import datetime
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured
from django.urls import NoReverseMatch, reverse

from gezien.lib.sites import SITE_URL_NAMES


@dataclass(frozen=True)
class PageRef:
    """A library page in the reader's language."""

    id: str
    title: str
    url: str


class Library(Protocol):
    def page_ids(self) -> Collection[str]: ...

    def page(self, page_id: str) -> PageRef | None: ...

    def source_name(self, key: str) -> str: ...


@dataclass(frozen=True)
class OfferedQuestionnaire:
    url: str
    in_english: bool  # shown in English to a Dutch reader


class Questionnaires(Protocol):
    def offered(self, instrument_id: str) -> OfferedQuestionnaire | None: ...


@dataclass(frozen=True)
class NavigatorAnswers:
    """What a person ticked in the help navigator, in the reader's language."""

    statements: list[str]
    preferences: dict[str, str]  # question id -> option id


class Navigator(Protocol):
    def answers(self, posted: Mapping[str, Any]) -> NavigatorAnswers | None:
        """The answers of the navigator's form, or None when they did not come from it."""
        ...


_provided: dict[str, Any] = {}


def provide(
    name: str,
    lookup: Library | Questionnaires | Navigator | QuestionnaireForms | Checkups | CareRoute,
) -> None:
    if name in _provided:
        raise ImproperlyConfigured(f"lookup {name!r} provided twice")
    _provided[name] = lookup


def _get(name: str, app: str) -> Any:
    try:
        return _provided[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"{app} is not installed, or listed after an app that uses it"
        ) from None


def library() -> Library:
    lookup: Library = _get("library", "gezien.library")
    return lookup


def questionnaires() -> Questionnaires | None:
    """None when this installation has no questionnaires."""
    lookup: Questionnaires | None = _provided.get("questionnaires")
    return lookup


def navigator() -> Navigator | None:
    """None when this installation has no help navigator."""
    lookup: Navigator | None = _provided.get("navigator")
    return lookup


def site_url(name: str) -> str | None:
    """The page a `site:NAME` link opens; None when that tool is not installed."""
    url_name = SITE_URL_NAMES.get(name)
    if url_name is None:
        return None
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


# --- a questionnaire's form and results, for the check-up ------------------------------------

Number = int | float


@dataclass(frozen=True)
class Option:
    value: int
    label: str
    lang: str  # the language of the label: a published text may exist in one language only


@dataclass(frozen=True)
class FormItem:
    id: str
    text: str
    lang: str
    options: tuple[Option, ...]
    optional: bool
    lead_in: str = ""  # a lead-in shown before this item (a new section of the form)


@dataclass(frozen=True)
class QuestionnaireForm:
    """A questionnaire as a form, in the reader's language where it exists in it."""

    id: str
    name: str
    lang: str
    instructions: str
    time_frame: str
    items: tuple[FormItem, ...]
    minutes: int
    # Why the questions are in the other language, in the reader's language ("" when not).
    language_note: str = ""


@dataclass(frozen=True)
class Answers:
    """A form as sent: the answer per item (None when not answered), the required items
    still unanswered, and why help comes before any score (None when it need not):
    "thoughts" (a question about thoughts of death or self-harm answered above its lowest
    answer), "thoughts_unanswered" (that question left open) or "distress" (a total in the
    highest band of a questionnaire without such a question)."""

    values: dict[str, int | None]
    missing: tuple[str, ...]
    help_first: str | None


@dataclass(frozen=True)
class KeptResult:
    id: str
    instrument_id: str
    name: str
    taken_at: str  # ISO 8601
    summary: str  # e.g. "22 of 50; Moderate", in the reader's language
    help_first: str | None
    history_url: str


IMPROVED, WORSENED, NO_RELIABLE_CHANGE = "improved", "worsened", "no_reliable_change"
NONE_PUBLISHED, CANNOT_COMPARE = "none_published", "cannot_compare"


@dataclass(frozen=True)
class Change:
    """Two results of one questionnaire compared. `direction` is IMPROVED or WORSENED only
    for a difference at least as large as the published reliable-change figure;
    NONE_PUBLISHED when no figure is published for the questionnaire; CANNOT_COMPARE when a
    score is missing or the versions differ."""

    direction: str
    earlier: Number | None
    later: Number | None
    difference: Number | None  # later minus earlier
    threshold: Number | None
    unit: str  # of the threshold, in words ("" without one)


class QuestionnaireForms(Protocol):
    def form(self, instrument_id: str) -> QuestionnaireForm | None:
        """The form of a questionnaire this installation offers; None for any other id."""
        ...

    def read(self, instrument_id: str, posted: Mapping[str, list[str]]) -> Answers:
        """The answers in a posted form (each field name with all values sent for it).
        Raises ValueError for a form its own page cannot have sent."""
        ...

    def keep(self, person: Any, instrument_id: str, answers: Answers) -> str:
        """Store a complete set of answers, scored, as the person's own result; its id."""
        ...

    def kept(self, person: Any) -> dict[str, KeptResult]:
        """Every result the person kept, by id."""
        ...

    def change(self, person: Any, earlier_id: str, later_id: str) -> Change | None:
        """Two of the person's results compared; None when either is gone."""
        ...

    def forget(self, person: Any, result_id: str) -> None:
        """Delete one of the person's results (nothing happens for an unknown id)."""
        ...


def questionnaire_forms() -> QuestionnaireForms | None:
    """None when this installation has no questionnaires."""
    lookup: QuestionnaireForms | None = _provided.get("questionnaire_forms")
    return lookup


# --- the next check-up, for the home page ------------------------------------------------


@dataclass(frozen=True)
class CheckupDue:
    due_on: datetime.date
    due_now: bool
    url: str


class Checkups(Protocol):
    def next_due(self, person: Any) -> CheckupDue | None:
        """When the person's next check-up is due; None when they did not set one up."""
        ...


def checkups() -> Checkups | None:
    """None when this installation has no check-up."""
    lookup: Checkups | None = _provided.get("checkups")
    return lookup


# --- the navigator's care route, for the klik-check ---------------------------------------


@dataclass(frozen=True)
class RouteStep:
    """A step of the way to help in Dutch care, in the reader's language."""

    title: str
    text: str
    sources: tuple[str, ...]  # the names of its sources


class CareRoute(Protocol):
    def intake_questions(self) -> list[str]: ...

    def route_step(self, step_id: str) -> RouteStep | None: ...


def care_route() -> CareRoute | None:
    """None when this installation has no help navigator."""
    lookup: CareRoute | None = _provided.get("care-route")
    return lookup
