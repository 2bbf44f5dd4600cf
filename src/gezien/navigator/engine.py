"""The help navigator: from what a person ticked and prefers to fitting kinds of help.

`load()` reads rules.toml and validates all of it, so a mistake in the file shows up at start-up
with the file and the field named. `advise()` is pure: the same answers always give the same
advice, and answers that do not come from the form (tampered input) raise InvalidAnswers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gezien.lib import data
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

_NAMED = ("id", "nl", "en")


def _known(what: str, known: Iterable[str]) -> Callable[[data.At, Any], str]:
    """A reader for one id that must be in `known`."""
    allowed = frozenset(known)

    def read(at: data.At, value: Any) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise at.error(f"unknown {what} {value!r}")
        return value

    return read


def _ids(
    at: data.At, value: Any, known: Iterable[str], what: str, non_empty: bool = True
) -> tuple[str, ...]:
    """A list of ids that must all be known, without repeats."""
    return data.refs(at, value, frozenset(known), what, non_empty=non_empty)


def _listed(
    top: data.Table, key: str, fields: tuple[str, ...], read: Callable[[data.Table], Any]
) -> tuple[Any, ...]:
    """The tables under `key`, each read by `read`; their ids may not repeat."""
    ids = data.Unique()
    entries = []
    for table in top.tables(key, ("id",), fields):
        ids.add(table.at_key("id"), table.value("id", data.ident))
        entries.append(read(table))
    return tuple(entries)


def _level(table: data.Table) -> Level:
    return Level(id=table["id"], label=table.text_pair())


def _concern(table: data.Table) -> Concern:
    return Concern(id=table["id"], text=table.text_pair())


def _preference(table: data.Table) -> Preference:
    options = _listed(
        table, "options", _NAMED, lambda option: Option(option["id"], option.text_pair())
    )
    if len(options) < 2:
        raise table.at_key("options").error("needs at least two options")
    default = table.value("default", _known("option", (option.id for option in options)))
    return Preference(id=table["id"], question=table.text_pair(), options=options, default=default)


def _evidence(table: data.Table) -> Evidence:
    source = table.value("source", _known("source", EVIDENCE_SOURCES))
    place = table.get("where", data.line)
    if source == "rapport" and place is None:
        table.require("where", "say which chapter or section of the report")
    differs = bool(table.get("differs_from_report", data.boolean))
    if differs and source == "rapport":
        raise table.at_key("differs_from_report").error(
            "only a newer source can differ from the report"
        )
    return Evidence(
        claim=table.text_pair("claim"), source=source, where=place, differs_from_report=differs
    )


_KIND = (
    "category",
    "page",
    "site",
    "name_nl",
    "name_en",
    "description_nl",
    "description_en",
    "evidence",
)
_EVIDENCE = ("source", "where", "claim_nl", "claim_en", "differs_from_report")


def _kind(table: data.Table) -> Kind:
    return Kind(
        id=table["id"],
        category=table.value("category", _known("category", CATEGORIES)),
        name=table.text_pair("name"),
        description=table.text_pair("description"),
        page=table.get("page", data.ident),
        site=table.get("site", _known("site", SITES)),
        evidence=tuple(
            _evidence(evidence)
            for evidence in table.tables("evidence", ("source", "claim_nl", "claim_en"), _EVIDENCE)
        ),
    )


def _condition(
    table: data.Table, concerns: Iterable[str], preferences: Mapping[str, Preference]
) -> Condition:
    if not table.raw:
        raise table.at.error("needs at least one condition")
    any_concerns = frozenset(table.get("any_concerns", _ids, concerns, "concern") or ())
    no_concerns = bool(table.get("no_concerns", data.boolean))
    if table.has("no_concerns") and not no_concerns:
        raise table.at_key("no_concerns").error("leave it out instead of setting it to false")
    if any_concerns and no_concerns:
        raise table.at_key("no_concerns").error("cannot be combined with any_concerns")
    answers = tuple(
        (
            question,
            frozenset(table.value(question, _ids, preference.option_ids, f"{question} option")),
        )
        for question, preference in preferences.items()
        if table.has(question)
    )
    return Condition(any_concerns=any_concerns, no_concerns=no_concerns, preferences=answers)


_RULE = ("when", "suggest", "level", "exclude", "rank", "reason_nl", "reason_en")


def _rule(
    table: data.Table,
    concerns: Iterable[str],
    preferences: Mapping[str, Preference],
    kinds: Iterable[str],
    levels: Iterable[str],
) -> Rule:
    effects = [key for key in ("suggest", "exclude", "rank") if table.has(key)]
    if len(effects) != 1:
        raise table.at.error("needs exactly one of suggest, exclude or rank")
    table.require("when", "the condition under which the rule holds")
    when = _condition(
        data.Table(
            table.at_key("when"), table["when"], (), ("any_concerns", "no_concerns", *preferences)
        ),
        concerns,
        preferences,
    )
    reason = table.text_pair("reason")
    rule_id = table["id"]
    if effects != ["suggest"]:
        if table.has("level"):
            raise table.at_key("level").error("only a suggest rule has a level")
        if effects == ["rank"]:
            return Rule(rule_id, when, (), (), _rank(table, kinds), reason, None)
        return Rule(
            rule_id, when, (), table.value("exclude", _ids, kinds, "kind"), (), reason, None
        )
    level = table.value("level", _known("level", levels))
    return Rule(rule_id, when, table.value("suggest", _ids, kinds, "kind"), (), (), reason, level)


def _rank(table: data.Table, kinds: Iterable[str]) -> tuple[tuple[str, int], ...]:
    ranks = table["rank"]
    if not isinstance(ranks, dict) or not ranks:
        raise table.at_key("rank").error("must be a table of kind = number")
    known = set(kinds)
    for kind, by in ranks.items():
        at = table.at_key("rank").key(kind)
        if kind not in known:
            raise at.error(f"unknown kind {kind!r}")
        if isinstance(by, bool) or not isinstance(by, int) or by == 0:
            raise at.error("must be a whole number other than 0")
    return tuple(ranks.items())


_STEP = ("site", "title_nl", "title_en", "text_nl", "text_en", "sources")


def _step(table: data.Table, sources_required: bool) -> Step:
    return Step(
        id=table["id"],
        title=table.text_pair("title"),
        text=table.text_pair("text"),
        sources=table.get("sources", _ids, CARE_SOURCES, "source", non_empty=sources_required)
        or (),
        site=table.get("site", _known("site", SITES)),
    )


def _route(table: data.Table) -> Route:
    steps = _listed(table, "steps", _STEP, lambda step: _step(step, sources_required=True))
    return Route(intro=table.text_pair("intro"), steps=steps)


def _click(table: data.Table) -> Note:
    return Note(
        text=table.text_pair(),
        sources=table.value("sources", _ids, CARE_SOURCES, "source"),
        where=table.get("where", data.line),
    )


def parse(raw: dict[str, Any], file: str = FILE.name) -> Rules:
    top = data.Table(data.At(file), raw, SECTIONS)
    levels = _listed(top, "levels", _NAMED, _level)
    concerns = _listed(top, "concerns", _NAMED, _concern)
    preferences = _listed(top, "preferences", (*_NAMED, "default", "options"), _preference)
    for index, preference in enumerate(preferences):
        if preference.id in ("any_concerns", "no_concerns"):
            raise (
                top.at_key("preferences")
                .index(index)
                .key("id")
                .error(f"{preference.id!r} is reserved")
            )
    kinds = _listed(top, "kinds", ("id", *_KIND), _kind)
    concern_ids = [concern.id for concern in concerns]
    by_question = {preference.id: preference for preference in preferences}
    kind_ids = [kind.id for kind in kinds]
    level_ids = [level.id for level in levels]
    rules = _listed(
        top,
        "rules",
        ("id", *_RULE),
        lambda t: _rule(t, concern_ids, by_question, kind_ids, level_ids),
    )
    _check_reach(top.at, concerns, kinds, rules)
    return Rules(
        levels=levels,
        concerns=concerns,
        preferences=preferences,
        kinds=kinds,
        rules=rules,
        route=_route(top.table("route", ("intro_nl", "intro_en", "steps"))),
        bridge=_listed(
            top, "bridge", ("id", *_STEP), lambda step: _step(step, sources_required=False)
        ),
        intake_questions=_listed(
            top, "intake_questions", _NAMED, lambda t: Question(t["id"], t.text_pair())
        ),
        click=_click(top.table("click", ("nl", "en", "sources"), ("where",))),
    )


def _check_reach(
    at: data.At, concerns: tuple[Concern, ...], kinds: tuple[Kind, ...], rules: tuple[Rule, ...]
) -> None:
    """Every statement must lead somewhere, every kind must be reachable, and a person who
    ticks nothing must still get a first step."""
    suggesting = [rule for rule in rules if rule.suggest]
    for index, concern in enumerate(concerns):
        if not any(concern.id in rule.when.any_concerns for rule in suggesting):
            raise at.key("concerns").index(index).error(f"{concern.id!r} leads to no suggestion")
    for index, kind in enumerate(kinds):
        if not any(kind.id in rule.suggest for rule in suggesting):
            raise at.key("kinds").index(index).error(f"{kind.id!r} is never suggested")
    if not any(rule.when.no_concerns for rule in suggesting):
        raise at.key("rules").error("none suggests help when nothing is ticked (no_concerns)")


def load(path: Path | str | None = None) -> Rules:
    path = Path(path) if path is not None else FILE
    return parse(data.read_toml(path), path.name)


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
            Exclusion(kinds[k], tuple(excluded[k])) for k in sorted(excluded, key=order.__getitem__)
        ),
        fired=tuple(rule.id for rule in fired),
        route=rules.route,
        bridge=rules.bridge,
        intake_questions=rules.intake_questions,
        click=rules.click,
    )
