"""What one feature app may look up in another without importing it.

An app that offers a lookup provides it in its `AppConfig.ready`; an app that uses it calls
the function here. The library is listed before its users in INSTALLED_APPS, so a user may
check its references to library pages at start-up; the other lookups are used per request.

- the library's pages and sources (the navigator and Herkennen name pages and cite sources);
- the questionnaires this installation offers (Herkennen points to the ACE when it is on);
- the help navigator's answers, read from its result page's form (the help question takes
  them over);
- the help navigator's care route: its intake questions and the steps of the way to help
  (the klik-check shows them when it may be time to look further)."""

from __future__ import annotations

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


def provide(name: str, lookup: Library | Questionnaires | Navigator | CareRoute) -> None:
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
