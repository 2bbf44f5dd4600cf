"""The help navigator: from what a person ticked and prefers to fitting kinds of help.

`load()` reads rules.toml and validates all of it, so a mistake in the file shows up at start-up
with the file and the field named. `advise()` is pure: the same answers always give the same
advice, and answers that do not come from the form (tampered input) raise InvalidAnswers.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gezien.lib.sites import SITES
from gezien.lib.text import Text

FILE = Path(__file__).with_name("rules.toml")

# Claims about a kind of help may only rest on these (keys of library/content/sources.toml).
EVIDENCE_SOURCES = frozenset(
    {"rapport", "richtlijn-ptss-2025", "richtlijn-depressie-2024", "nhg-depressie"}
)
# The route, the bridge and the click note are practical, so they may also cite these.
CARE_SOURCES = EVIDENCE_SOURCES | {"zorg-nl", "hulplijnen"}
CATEGORIES = frozenset({"first-step", "treatment", "self-help"})
SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")

SECTIONS = (
    "levels",
    "concerns",
    "preferences",
    "kinds",
    "rules",
    "route",
    "bridge",
    "intake_questions",
    "click",
)


class RulesError(ValueError):
    """rules.toml is broken; the message names the file and the field."""


class InvalidAnswers(ValueError):
    """The answers did not come from the form: an unknown statement, question or option."""


@dataclass(frozen=True)
class Level:
    """How strong a reason is; the file lists the levels strongest first."""

    id: str
    label: Text


@dataclass(frozen=True)
class Concern:
    id: str
    text: Text


@dataclass(frozen=True)
class Option:
    id: str
    label: Text


@dataclass(frozen=True)
class Preference:
    id: str
    question: Text
    options: tuple[Option, ...]
    default: str

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)


@dataclass(frozen=True)
class Evidence:
    claim: Text
    source: str
    where: str | None
    differs_from_report: bool


@dataclass(frozen=True)
class Kind:
    id: str
    category: str
    name: Text
    description: Text
    page: str | None
    site: str | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Condition:
    any_concerns: frozenset[str]
    no_concerns: bool
    preferences: tuple[tuple[str, frozenset[str]], ...]

    def holds(self, concerns: frozenset[str], answers: Mapping[str, str]) -> bool:
        if self.any_concerns and not self.any_concerns & concerns:
            return False
        if self.no_concerns and concerns:
            return False
        return all(answers[question] in allowed for question, allowed in self.preferences)


@dataclass(frozen=True)
class Rule:
    id: str
    when: Condition
    suggest: tuple[str, ...]
    exclude: tuple[str, ...]
    rank: tuple[tuple[str, int], ...]
    reason: Text
    level: str | None  # suggest rules only


@dataclass(frozen=True)
class Step:
    """A step on the route or a way to bridge the wait."""

    id: str
    title: Text
    text: Text
    sources: tuple[str, ...]
    site: str | None


@dataclass(frozen=True)
class Route:
    intro: Text
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Question:
    id: str
    text: Text


@dataclass(frozen=True)
class Note:
    text: Text
    sources: tuple[str, ...]
    where: str | None


@dataclass(frozen=True)
class Rules:
    levels: tuple[Level, ...]
    concerns: tuple[Concern, ...]
    preferences: tuple[Preference, ...]
    kinds: tuple[Kind, ...]
    rules: tuple[Rule, ...]
    route: Route
    bridge: tuple[Step, ...]
    intake_questions: tuple[Question, ...]
    click: Note


@dataclass(frozen=True)
class Reason:
    rule: str
    text: Text


@dataclass(frozen=True)
class Suggestion:
    """A kind of help at the level of its strongest reason; `reasons` starts with that reason,
    then the other suggesting reasons, then the preferences that moved it within its level."""

    kind: Kind
    level: Level
    adjustment: int
    reasons: tuple[Reason, ...]

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return self.kind.evidence


@dataclass(frozen=True)
class Exclusion:
    kind: Kind
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Advice:
    suggestions: tuple[Suggestion, ...]
    excluded: tuple[Exclusion, ...]
    fired: tuple[str, ...]
    route: Route
    bridge: tuple[Step, ...]
    intake_questions: tuple[Question, ...]
    click: Note


# --- reading the file ------------------------------------------------------------------------


class _Table:
    """One TOML table; every error it raises names the file and the field."""

    def __init__(self, file: str, where: str, data: object, fields: Iterable[str]) -> None:
        self.file = file
        self.where = where
        if not isinstance(data, dict):
            raise self.fail("", "must be a table")
        self.data = data
        for key in data:
            if key not in fields:
                raise self.fail(key, "unknown field")

    def field(self, key: str) -> str:
        return ".".join(part for part in (self.where, key) if part)

    def fail(self, key: str, message: str) -> RulesError:
        return RulesError(f"{self.file}: {self.field(key)}: {message}")

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "missing or empty")
        return value.strip()

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if key in self.data else None

    def pair(self, prefix: str = "") -> Text:
        """Dutch and English side by side: `nl`/`en`, or `<prefix>_nl`/`<prefix>_en`."""
        keys = [f"{prefix}_{lang}" if prefix else lang for lang in ("nl", "en")]
        return Text(*(self.text(key) for key in keys))

    def slug(self, key: str) -> str:
        value = self.text(key)
        if not SLUG.match(value):
            raise self.fail(key, f"{value!r} must be lower-case letters, digits, - or _")
        return value

    def optional_choice(self, key: str, allowed: frozenset[str], what: str) -> str | None:
        value = self.optional_text(key)
        if value is not None and value not in allowed:
            raise self.fail(key, f"unknown {what} {value!r}")
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def items(
        self, key: str, known: Iterable[str], what: str, required: bool = True
    ) -> tuple[str, ...]:
        """A list of ids that must all be known, without repeats."""
        values = self.data.get(key, [])
        if not isinstance(values, list):
            raise self.fail(key, f"must be a list of {what} ids")
        if required and not values:
            raise self.fail(key, f"must list at least one {what}")
        allowed = set(known)
        for index, value in enumerate(values):
            if not isinstance(value, str) or value not in allowed:
                raise self.fail(f"{key}[{index}]", f"unknown {what} {value!r}")
            if value in values[:index]:
                raise self.fail(f"{key}[{index}]", f"{value!r} appears twice")
        return tuple(values)

    def tables(self, key: str) -> list[tuple[str, object]]:
        values = self.data.get(key)
        if not isinstance(values, list) or not values:
            raise self.fail(key, "missing or empty")
        return [(self.field(f"{key}[{index}]"), value) for index, value in enumerate(values)]


def _unique(file: str, entries: Iterable[tuple[str, str]]) -> None:
    seen: set[str] = set()
    for where, entry_id in entries:
        if entry_id in seen:
            raise RulesError(f"{file}: {where}.id: {entry_id!r} appears twice")
        seen.add(entry_id)


def _level(file: str, where: str, data: object) -> Level:
    table = _Table(file, where, data, ("id", "nl", "en"))
    return Level(id=table.slug("id"), label=table.pair())


def _concern(file: str, where: str, data: object) -> Concern:
    table = _Table(file, where, data, ("id", "nl", "en"))
    return Concern(id=table.slug("id"), text=table.pair())


def _preference(file: str, where: str, data: object) -> Preference:
    table = _Table(file, where, data, ("id", "nl", "en", "default", "options"))
    options = []
    for option_where, option_data in table.tables("options"):
        option = _Table(file, option_where, option_data, ("id", "nl", "en"))
        options.append(Option(id=option.slug("id"), label=option.pair()))
    if len(options) < 2:
        raise table.fail("options", "needs at least two options")
    _unique(file, ((f"{where}.options[{i}]", o.id) for i, o in enumerate(options)))
    default = table.text("default")
    if default not in {option.id for option in options}:
        raise table.fail("default", f"unknown option {default!r}")
    return Preference(
        id=table.slug("id"), question=table.pair(), options=tuple(options), default=default
    )


def _evidence(file: str, where: str, data: object) -> Evidence:
    table = _Table(
        file, where, data, ("source", "where", "claim_nl", "claim_en", "differs_from_report")
    )
    source = table.text("source")
    if source not in EVIDENCE_SOURCES:
        raise table.fail("source", f"unknown source {source!r}")
    place = table.optional_text("where")
    if source == "rapport" and place is None:
        raise table.fail("where", "missing: say which chapter or section of the report")
    differs = table.flag("differs_from_report")
    if differs and source == "rapport":
        raise table.fail("differs_from_report", "only a newer source can differ from the report")
    return Evidence(
        claim=table.pair("claim"), source=source, where=place, differs_from_report=differs
    )


def _kind(file: str, where: str, data: object) -> Kind:
    table = _Table(
        file,
        where,
        data,
        (
            "id",
            "category",
            "page",
            "site",
            "name_nl",
            "name_en",
            "description_nl",
            "description_en",
            "evidence",
        ),
    )
    category = table.text("category")
    if category not in CATEGORIES:
        raise table.fail("category", f"unknown category {category!r}")
    return Kind(
        id=table.slug("id"),
        category=category,
        name=table.pair("name"),
        description=table.pair("description"),
        page=table.slug("page") if "page" in table.data else None,
        site=table.optional_choice("site", SITES, "site"),
        evidence=tuple(_evidence(file, w, d) for w, d in table.tables("evidence")),
    )


def _condition(
    file: str,
    where: str,
    data: object,
    concerns: Iterable[str],
    preferences: Mapping[str, Preference],
) -> Condition:
    table = _Table(file, where, data, ("any_concerns", "no_concerns", *preferences))
    if not table.data:
        raise table.fail("", "needs at least one condition")
    any_concerns = frozenset(
        table.items("any_concerns", concerns, "concern") if "any_concerns" in table.data else ()
    )
    no_concerns = table.flag("no_concerns")
    if "no_concerns" in table.data and not no_concerns:
        raise table.fail("no_concerns", "leave it out instead of setting it to false")
    if any_concerns and no_concerns:
        raise table.fail("no_concerns", "cannot be combined with any_concerns")
    answers = tuple(
        (question, frozenset(table.items(question, preference.option_ids, f"{question} option")))
        for question, preference in preferences.items()
        if question in table.data
    )
    return Condition(any_concerns=any_concerns, no_concerns=no_concerns, preferences=answers)


def _rule(
    file: str,
    where: str,
    data: object,
    concerns: Iterable[str],
    preferences: Mapping[str, Preference],
    kinds: Iterable[str],
    levels: Iterable[str],
) -> Rule:
    table = _Table(
        file,
        where,
        data,
        ("id", "when", "suggest", "level", "exclude", "rank", "reason_nl", "reason_en"),
    )
    effects = [key for key in ("suggest", "exclude", "rank") if key in table.data]
    if len(effects) != 1:
        raise table.fail("", "needs exactly one of suggest, exclude or rank")
    rule_id = table.slug("id")
    if "when" not in table.data:
        raise table.fail("when", "missing")
    when = _condition(file, f"{where}.when", table.data["when"], concerns, preferences)
    reason = table.pair("reason")
    if effects != ["suggest"]:
        if "level" in table.data:
            raise table.fail("level", "only a suggest rule has a level")
        if effects == ["rank"]:
            return Rule(rule_id, when, (), (), _rank(table, kinds), reason, None)
        return Rule(rule_id, when, (), table.items("exclude", kinds, "kind"), (), reason, None)
    level = table.text("level")
    if level not in set(levels):
        raise table.fail("level", f"unknown level {level!r}")
    return Rule(rule_id, when, table.items("suggest", kinds, "kind"), (), (), reason, level)


def _rank(table: _Table, kinds: Iterable[str]) -> tuple[tuple[str, int], ...]:
    ranks = table.data["rank"]
    if not isinstance(ranks, dict) or not ranks:
        raise table.fail("rank", "must be a table of kind = number")
    known = set(kinds)
    for kind, by in ranks.items():
        if kind not in known:
            raise table.fail(f"rank.{kind}", f"unknown kind {kind!r}")
        if isinstance(by, bool) or not isinstance(by, int) or by == 0:
            raise table.fail(f"rank.{kind}", "must be a whole number other than 0")
    return tuple(ranks.items())


def _step(file: str, where: str, data: object, sources_required: bool) -> Step:
    table = _Table(
        file, where, data, ("id", "site", "title_nl", "title_en", "text_nl", "text_en", "sources")
    )
    return Step(
        id=table.slug("id"),
        title=table.pair("title"),
        text=table.pair("text"),
        sources=table.items("sources", CARE_SOURCES, "source", required=sources_required),
        site=table.optional_choice("site", SITES, "site"),
    )


def _route(file: str, data: object) -> Route:
    table = _Table(file, "route", data, ("intro_nl", "intro_en", "steps"))
    steps = tuple(_step(file, w, d, sources_required=True) for w, d in table.tables("steps"))
    _unique(file, ((f"route.steps[{i}]", step.id) for i, step in enumerate(steps)))
    return Route(intro=table.pair("intro"), steps=steps)


def _question(file: str, where: str, data: object) -> Question:
    table = _Table(file, where, data, ("id", "nl", "en"))
    return Question(id=table.slug("id"), text=table.pair())


def _click(file: str, data: object) -> Note:
    table = _Table(file, "click", data, ("nl", "en", "sources", "where"))
    return Note(
        text=table.pair(),
        sources=table.items("sources", CARE_SOURCES, "source"),
        where=table.optional_text("where"),
    )


def _listed(file: str, top: _Table, key: str, read: Callable[[str, str, object], Any]) -> tuple:
    entries = tuple(read(file, where, data) for where, data in top.tables(key))
    _unique(file, ((f"{key}[{i}]", entry.id) for i, entry in enumerate(entries)))
    return entries


def parse(data: dict, file: str = FILE.name) -> Rules:
    top = _Table(file, "", data, SECTIONS)
    for section in SECTIONS:
        if section not in data:
            raise RulesError(f"{file}: {section}: missing")
    levels = _listed(file, top, "levels", _level)
    concerns = _listed(file, top, "concerns", _concern)
    preferences = _listed(file, top, "preferences", _preference)
    for index, preference in enumerate(preferences):
        if preference.id in ("any_concerns", "no_concerns"):
            raise RulesError(f"{file}: preferences[{index}].id: {preference.id!r} is reserved")
    kinds = _listed(file, top, "kinds", _kind)
    concern_ids = [concern.id for concern in concerns]
    by_question = {preference.id: preference for preference in preferences}
    kind_ids = [kind.id for kind in kinds]
    level_ids = [level.id for level in levels]
    rules = _listed(
        file,
        top,
        "rules",
        lambda f, w, d: _rule(f, w, d, concern_ids, by_question, kind_ids, level_ids),
    )
    _check_reach(file, concerns, kinds, rules)
    return Rules(
        levels=levels,
        concerns=concerns,
        preferences=preferences,
        kinds=kinds,
        rules=rules,
        route=_route(file, data["route"]),
        bridge=_listed(file, top, "bridge", lambda f, w, d: _step(f, w, d, False)),
        intake_questions=_listed(file, top, "intake_questions", _question),
        click=_click(file, data["click"]),
    )


def _check_reach(
    file: str, concerns: tuple[Concern, ...], kinds: tuple[Kind, ...], rules: tuple[Rule, ...]
) -> None:
    """Every statement must lead somewhere, every kind must be reachable, and a person who
    ticks nothing must still get a first step."""
    suggesting = [rule for rule in rules if rule.suggest]
    for index, concern in enumerate(concerns):
        if not any(concern.id in rule.when.any_concerns for rule in suggesting):
            raise RulesError(f"{file}: concerns[{index}]: {concern.id!r} leads to no suggestion")
    for index, kind in enumerate(kinds):
        if not any(kind.id in rule.suggest for rule in suggesting):
            raise RulesError(f"{file}: kinds[{index}]: {kind.id!r} is never suggested")
    if not any(rule.when.no_concerns for rule in suggesting):
        raise RulesError(f"{file}: rules: none suggests help when nothing is ticked (no_concerns)")


def load(path: Path | str | None = None) -> Rules:
    path = Path(path) if path is not None else FILE
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise RulesError(f"{path.name}: not valid TOML: {error}") from error
    return parse(data, path.name)


# --- advice ----------------------------------------------------------------------------------


def _answers(
    rules: Rules, concerns: Iterable[str], preferences: Mapping[str, str]
) -> tuple[frozenset[str], dict[str, str]]:
    if isinstance(concerns, str) or not isinstance(concerns, Iterable):
        raise InvalidAnswers("concerns: expected a collection of statement ids")
    known = {concern.id for concern in rules.concerns}
    try:
        ticked = frozenset(concerns)
    except TypeError as error:
        raise InvalidAnswers("concerns: expected a collection of statement ids") from error
    for concern in sorted(ticked, key=repr):
        if concern not in known:
            raise InvalidAnswers(f"concerns: unknown statement {concern!r}")
    if not isinstance(preferences, Mapping):
        raise InvalidAnswers("preferences: expected question ids with an answer each")
    questions = {preference.id: preference for preference in rules.preferences}
    for question, answer in preferences.items():
        if question not in questions:
            raise InvalidAnswers(f"preferences: unknown question {question!r}")
        if answer not in questions[question].option_ids:
            raise InvalidAnswers(f"preferences.{question}: unknown answer {answer!r}")
    answers = {qid: preferences.get(qid, question.default) for qid, question in questions.items()}
    return ticked, answers


def advise(rules: Rules, concerns: Iterable[str], preferences: Mapping[str, str]) -> Advice:
    """Fitting kinds of help, best first, each with its strongest reason first.

    A kind is placed by the strongest level among the `suggest` rules that name it, never by
    how many of them match. `rank` rules (preferences) add up to an adjustment that only
    changes the order within one level; ties keep the order of [[kinds]]. `rank` and `exclude`
    rules never add a kind, so a preference alone cannot bring in a treatment.
    """
    ticked, answers = _answers(rules, concerns, preferences)
    fired = tuple(rule for rule in rules.rules if rule.when.holds(ticked, answers))
    strength = {level.id: index for index, level in enumerate(rules.levels)}
    # A suggest rule's level, as a place (0 = strongest); the file guarantees it has one.
    place_of = {rule.id: strength[rule.level] for rule in fired if rule.level is not None}
    suggesting: dict[str, list[Rule]] = {}
    # Strongest level first; within a level, file order.
    for rule in sorted((r for r in fired if r.suggest), key=lambda r: place_of[r.id]):
        for kind in rule.suggest:
            suggesting.setdefault(kind, []).append(rule)
    adjustment = dict.fromkeys(suggesting, 0)
    moved_by: dict[str, list[Rule]] = {kind: [] for kind in suggesting}
    excluded: dict[str, list[Reason]] = {}
    for rule in fired:
        for kind, by in rule.rank:
            if kind in suggesting:
                adjustment[kind] += by
                moved_by[kind].append(rule)
        for kind in rule.exclude:
            if kind in suggesting:
                excluded.setdefault(kind, []).append(Reason(rule.id, rule.reason))
    order = {kind.id: index for index, kind in enumerate(rules.kinds)}
    kinds = {kind.id: kind for kind in rules.kinds}

    def place(kind: str) -> tuple[int, int, int]:
        return place_of[suggesting[kind][0].id], -adjustment[kind], order[kind]

    kept = sorted((k for k in suggesting if k not in excluded), key=place)
    return Advice(
        suggestions=tuple(
            Suggestion(
                kind=kinds[k],
                level=rules.levels[place_of[suggesting[k][0].id]],
                adjustment=adjustment[k],
                reasons=tuple(Reason(r.id, r.reason) for r in suggesting[k] + moved_by[k]),
            )
            for k in kept
        ),
        excluded=tuple(
            Exclusion(kinds[k], tuple(excluded[k])) for k in sorted(excluded, key=order.get)
        ),
        fired=tuple(rule.id for rule in fired),
        route=rules.route,
        bridge=rules.bridge,
        intake_questions=rules.intake_questions,
        click=rules.click,
    )
