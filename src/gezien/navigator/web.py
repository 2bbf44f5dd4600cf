"""The navigator's rules as the web side uses them: loaded and checked once, and advice put
into words in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from gezien.core import lookups
from gezien.lib import data
from gezien.navigator import engine
from gezien.navigator.engine import Advice, Evidence, Step


@cache
def rules() -> engine.Rules:
    return engine.load()


def start() -> None:
    known = lookups.library().page_ids()
    for index, kind in enumerate(rules().kinds):
        if kind.page is not None and kind.page not in known:
            at = data.At(engine.FILE.name).key("kinds").index(index).key("page")
            raise at.error(f"unknown library page {kind.page!r}")


def source_name(key: str) -> str:
    return lookups.library().source_name(key)


@dataclass(frozen=True)
class Claim:
    text: str
    source: str
    where: str | None
    newer: bool


@dataclass(frozen=True)
class KindOfHelp:
    name: str
    description: str
    reasons: list[str]  # the strongest first, each once
    level: str | None  # why it stands where it stands; None for help that was left out
    evidence: list[Claim]
    page_url: str | None
    page_title: str | None
    site_url: str | None


@dataclass(frozen=True)
class Item:
    title: str
    text: str
    sources: list[str]
    site_url: str | None


def _claim(evidence: Evidence) -> Claim:
    return Claim(
        evidence.claim.get(), source_name(evidence.source), evidence.where,
        evidence.differs_from_report,
    )  # fmt: skip


def _kind(
    kind: engine.Kind, reasons: tuple[engine.Reason, ...], level: engine.Level | None = None
) -> KindOfHelp:
    page = lookups.library().page(kind.page) if kind.page else None
    return KindOfHelp(
        name=kind.name.get(),
        description=kind.description.get(),
        reasons=[reason.text.get() for reason in reasons],
        level=level.label.get() if level else None,
        evidence=[_claim(evidence) for evidence in kind.evidence],
        page_url=page.url if page else None,
        page_title=page.title if page else None,
        site_url=lookups.site_url(kind.site) if kind.site else None,
    )


def _item(step: Step) -> Item:
    return Item(
        title=step.title.get(),
        text=step.text.get(),
        sources=[source_name(key) for key in step.sources],
        site_url=lookups.site_url(step.site) if step.site else None,
    )


def words(advice: Advice) -> dict[str, Any]:
    """Everything the result page shows, in the reader's language."""
    return {
        "suggestions": [_kind(s.kind, s.reasons, s.level) for s in advice.suggestions],
        "excluded": [_kind(e.kind, e.reasons) for e in advice.excluded],
        "route_intro": advice.route.intro.get(),
        "route": [_item(step) for step in advice.route.steps],
        "bridge": [_item(step) for step in advice.bridge],
        "intake_questions": [question.text.get() for question in advice.intake_questions],
        "click": advice.click.text.get(),
        "click_sources": [source_name(key) for key in advice.click.sources],
        "click_where": advice.click.where,
        "click_check_url": lookups.site_url("therapy-fit"),
    }


def help_question_url() -> str | None:
    """Where the answers can feed the help question, when the story app is installed."""
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("story:help-question-from-navigator")
    except NoReverseMatch:
        return None


class Answers:
    """The navigator's answers as the help question takes them over (see core.lookups)."""

    def answers(self, posted: Mapping[str, Any]) -> lookups.NavigatorAnswers | None:
        from gezien.navigator.forms import AnswersForm

        form = AnswersForm(rules(), posted)
        if not form.is_valid():
            return None
        concerns, preferences = form.answers()
        statements = [c.text.get() for c in rules().concerns if c.id in concerns]
        return lookups.NavigatorAnswers(statements, preferences)


class CareRoute:
    """The navigator's intake questions and route steps, as other apps look them up (see
    core.lookups): the klik-check shows them when it may be time to look further."""

    def intake_questions(self) -> list[str]:
        return [question.text.get() for question in rules().intake_questions]

    def route_step(self, step_id: str) -> lookups.RouteStep | None:
        for step in rules().route.steps:
            if step.id == step_id:
                sources = tuple(source_name(key) for key in step.sources)
                return lookups.RouteStep(step.title.get(), step.text.get(), sources)
        return None
