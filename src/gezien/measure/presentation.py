"""What the questionnaire pages show: texts in the page's language, the form's items, a
result in words, and the history chart. Views pass these to the templates."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from django.urls import Resolver404, resolve
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from gezien.lib import charts
from gezien.lib.text import Shown, current_language
from gezien.measure import catalogue
from gezien.measure.definitions import DIFFICULTY, Band, Instrument, Item, Number
from gezien.measure.guidance import Guidance
from gezien.measure.scoring import (
    IMPROVED,
    NOT_AVAILABLE,
    WORSENED,
    Change,
    Result,
    reliable_change,
)
from gezien.measure.store import Stored

# Pages of other modules; linked only when they exist in this installation.
LIBRARY_PAGE = "/bibliotheek/{slug}/"
NAVIGATOR = "/hulpwijzer/"
SAFETY_PLAN = "/veiligheidsplan/"


def name_of(stored: Stored) -> Shown:
    """A stored result's questionnaire name; the bare id when it is no longer offered."""
    instrument = stored.instrument
    return instrument.name.shown() if instrument else Shown(stored.instrument_id, "en", False)


def english_available(instrument: Instrument) -> bool:
    return all(item.text.en for item in instrument.scored_items)


def wording_language(instrument: Instrument) -> str:
    """The language the questions were shown in: Dutch where a Dutch version exists and the
    page is Dutch, or where the questionnaire is published in Dutch only."""
    if current_language() == "nl" and instrument.dutch_available:
        return "nl"
    return "en" if english_available(instrument) else "nl"


def existing(path: str) -> str | None:
    """The path when this installation has a page there, else None (another module may
    not be installed yet)."""
    try:
        resolve(path)
    except Resolver404:
        return None
    return path


def library_link(guidance: Guidance) -> str | None:
    return existing(LIBRARY_PAGE.format(slug=guidance.library))


def local_date(moment: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "j F Y")


def number(value: Number) -> str:
    return formats.number_format(value, decimal_pos=None if float(value).is_integer() else 1)


# --- overview and the page before starting -------------------------------------------------


@dataclass(frozen=True)
class FormRow:
    """One of the five forms of maltreatment and the ACE question about it."""

    name: Shown
    number: str
    answer: str | None  # "Yes"/"No" in words, or None before answering


@dataclass(frozen=True)
class Card:
    instrument: Instrument
    guidance: Guidance
    name: Shown
    measures: Shown
    can: Shown
    cannot: Shown
    before: Shown | None
    english_only: bool
    dutch_only: bool
    item_count: int
    forms: tuple[FormRow, ...]
    library: str | None
    offered: bool
    licence_who: Shown


def five_forms(
    instrument: Instrument, answers: Mapping[str, int | None] | None = None
) -> tuple[FormRow, ...]:
    rows = []
    for form in instrument.forms:
        item = instrument.item(form.item)
        answer = None
        if answers is not None and answers.get(item.id) is not None:
            # Forms come with the maltreatment_forms algorithm: its reported_value is the
            # answer that reports a form. (The definition loader does not check this yet.)
            assert instrument.algorithm is not None
            answer = (
                _("Yes")
                if answers[item.id] == instrument.algorithm.params["reported_value"]
                else _("No")
            )
        rows.append(FormRow(name=form.label.shown(), number=item.number, answer=answer))
    return tuple(rows)


def card(instrument: Instrument) -> Card:
    guidance = catalogue.guidance()[instrument.id]
    return Card(
        instrument=instrument,
        guidance=guidance,
        name=instrument.name.shown(),
        measures=guidance.measures.shown(),
        can=guidance.can.shown(),
        cannot=guidance.cannot.shown(),
        before=guidance.before.shown() if guidance.before else None,
        english_only=not instrument.dutch_available,
        dutch_only=not english_available(instrument),
        item_count=len(instrument.items),
        forms=five_forms(instrument),
        library=library_link(guidance),
        offered=instrument.id in catalogue.offered(),
        licence_who=instrument.licence.who.shown(),
    )


def cards(offered_only: bool = True) -> list[Card]:
    """The overview's cards: what this installation offers, or every shipped questionnaire."""
    instruments = catalogue.offered() if offered_only else catalogue.instruments()
    return [card(instruments[i]) for i in catalogue.guidance() if i in instruments]


# --- the form -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OptionView:
    value: int
    label: Shown
    input_id: str
    checked: bool


@dataclass(frozen=True)
class ItemView:
    id: str
    number: str
    show_number: bool  # the published number differs from the position (ITQ: P1, C1)
    position: int
    count: int
    text: Shown
    lead_in: Shown | None  # the section's lead-in, shown before its first item
    options: tuple[OptionView, ...]
    optional: bool
    error: bool

    @property
    def first_input_id(self) -> str:
        return self.options[0].input_id


def form_items(
    instrument: Instrument,
    answers: Mapping[str, int | None] | None = None,
    missing: Iterable[Item] = (),
) -> list[ItemView]:
    answers = answers or {}
    missing_ids = {item.id for item in missing}
    sections = {section.id: section for section in instrument.sections}
    views = []
    previous_section = None
    for position, item in enumerate(instrument.items, start=1):
        lead_in = None
        if item.section is not None and item.section != previous_section:
            lead_in = sections[item.section].lead_in.shown()
        previous_section = item.section
        views.append(
            ItemView(
                id=item.id,
                number=item.number,
                show_number=item.number != str(position),
                position=position,
                count=len(instrument.items),
                text=item.text.shown(),
                lead_in=lead_in,
                options=tuple(
                    OptionView(
                        value=option.value,
                        label=option.label.shown(),
                        input_id=f"{item.id}-{option.value}",
                        checked=answers.get(item.id) == option.value,
                    )
                    for option in item.options.options
                ),
                optional=item.role == DIFFICULTY,
                error=item.id in missing_ids,
            )
        )
    return views


# --- a result -------------------------------------------------------------------------------


def band_of(instrument: Instrument, band_id: str | None) -> Band | None:
    return next((band for band in instrument.bands.levels if band.id == band_id), None)


def concern_level(instrument: Instrument, band_id: str) -> int:
    """0 (least concern) to 4, from the place of one of its bands in the published order."""
    ids = [band.id for band in instrument.bands.levels]
    if len(ids) == 1:
        return 0
    place = ids.index(band_id) / (len(ids) - 1)
    if instrument.direction == "higher_is_better":
        place = 1 - place
    return round(place * 4)


@dataclass(frozen=True)
class BandView:
    label: Shown
    meaning: Shown
    level: int


@dataclass(frozen=True)
class ClusterView:
    name: str
    endorsed: int
    count: int
    needed: int
    score: Number | None
    maximum: Number | None

    @property
    def met(self) -> bool:
        return self.endorsed >= self.needed


@dataclass(frozen=True)
class ChangeView:
    earlier_date: str
    earlier: str
    later: str
    direction: str
    difference: str | None
    threshold: str | None
    unit: str | None


@dataclass(frozen=True)
class ResultView:
    instrument: Instrument
    guidance: Guidance
    name: Shown
    cannot: Shown
    result: Result
    acknowledgement: Shown | None
    help_first: str | None  # the flag that puts the calm help block before any score
    total: str | None
    high: str | None
    scaled: str | None  # WHO-5 percentage
    band: BandView | None
    meaning: Shown | None
    flag_notes: tuple[Shown, ...]
    threshold_label: SafeString | None
    sums: tuple[tuple[str, str, str], ...]  # without a total (ITQ): label, score, highest
    clusters: tuple[ClusterView, ...]
    outcome: str | None
    forms: tuple[FormRow, ...]
    household: str | None
    change: ChangeView | None
    library: str | None
    navigator: str | None


def _acknowledgement(instrument: Instrument, guidance: Guidance, result: Result) -> Shown | None:
    if guidance.acknowledge is None:
        return None
    nothing = instrument.scoring.range and result.total == instrument.scoring.range[0]
    if nothing and guidance.acknowledge_none is not None:
        return guidance.acknowledge_none.shown()
    return guidance.acknowledge.shown()


def help_first(instrument: Instrument, result: Result) -> str | None:
    """The first raised flag whose definition says help comes before the score (PHQ-9 item 9
    answered or unanswered, a K10 total in the high band), or None."""
    return next(
        (flag.id for flag in instrument.flags if flag.help_first and flag.id in result.flags),
        None,
    )


def _option_label(item: Item, value: int) -> SafeString:
    label = next(option.label for option in item.options.options if option.value == value).shown()
    if label.foreign:
        return format_html('<span lang="{}">{}</span>', label.lang, label.text)
    return format_html("{}", label.text)


def _clusters(
    instrument: Instrument, answers: Mapping[str, int | None], result: Result
) -> tuple[ClusterView, ...]:
    """The named algorithm's groups of items: PCL-5 clusters B-E, or the ITQ clusters with
    their questions about daily life."""
    algorithm = instrument.algorithm
    if algorithm is None:
        return ()
    params = algorithm.params
    groups: list[tuple[str, Sequence[str], int, str | None]] = []
    if algorithm.name == "pcl5_provisional_ptsd":
        for sub_id, minimum in params["cluster_minimums"].items():
            groups.append(
                (
                    instrument.subscale(sub_id).name.shown().text,
                    instrument.subscale(sub_id).items,
                    minimum,
                    sub_id,
                )
            )
    elif algorithm.name == "itq_icd11":
        for clusters, impairment in (
            ("ptsd_clusters", "ptsd_impairment_items"),
            ("dso_clusters", "dso_impairment_items"),
        ):
            for sub_id in params[clusters]:
                groups.append(
                    (
                        instrument.subscale(sub_id).name.shown().text,
                        instrument.subscale(sub_id).items,
                        1,
                        sub_id,
                    )
                )
            items = params[impairment]
            name = _("Effect on daily life (questions %(first)s to %(last)s)") % {
                "first": instrument.item(items[0]).number,
                "last": instrument.item(items[-1]).number,
            }
            groups.append((name, items, 1, None))
    else:
        return ()
    at_least = params["endorsed_at_least"]
    return tuple(
        ClusterView(
            name=name,
            endorsed=sum(1 for item_id in items if (answers.get(item_id) or 0) >= at_least),
            count=len(items),
            needed=needed,
            score=result.subscales.get(sub_id) if sub_id else None,
            maximum=instrument.subscale(sub_id).range[1] if sub_id else None,
        )
        for name, items, needed, sub_id in groups
    )


def _outcome(instrument: Instrument, result: Result) -> str | None:
    outcomes = result.algorithm
    if "provisional_ptsd" in outcomes and outcomes["provisional_ptsd"] is not None:
        if outcomes["provisional_ptsd"]:
            return _(
                "In every group, enough questions count. So your "
                "answers fit the pattern that can go with PTSD. That is a signal, not a diagnosis. "
                "Talk about it with your GP or a psychologist."
            )
        return _(
            "Your answers do not fit the full pattern that can go with PTSD. Are you bothered a "
            "lot all the same? Take that seriously and talk about it with your GP."
        )
    outcome = outcomes.get("provisional_outcome")
    if outcome == "cptsd":
        return _(
            "Your answers fit the pattern of complex PTSD: problems after the experience, and also "
            "with your feelings, with how you see yourself and with other people, and it affects "
            "your daily life. That is a signal, not a diagnosis. A psychologist or psychiatrist "
            "can look into it with you."
        )
    if outcome == "ptsd":
        return _(
            "Your answers fit the pattern of PTSD: problems after the experience that affect your "
            "daily life. That is a signal, not a diagnosis. A psychologist or psychiatrist can "
            "look into it with you."
        )
    if outcome == "none":
        return _(
            "Your answers do not fit the full pattern of PTSD or complex PTSD. Are you bothered a "
            "lot all the same? Take that seriously and talk about it with your GP."
        )
    return None


def unit_words(unit: str | None) -> str | None:
    names = {"points": _("points"), "percentage points": _("percentage points")}
    return names.get(unit, unit) if unit else None


def compared_value(instrument: Instrument, result: Result) -> Number | None:
    """The score that reliable change is published for (the total, or the WHO-5 percentage)."""
    applies_to = instrument.reliable_change.applies_to
    if applies_to and applies_to != "total":
        return result.algorithm.get(applies_to)
    return result.total


def change_view(instrument: Instrument, earlier: Stored, later: Result) -> ChangeView | None:
    before, after = compared_value(instrument, earlier.result), compared_value(instrument, later)
    if before is None or after is None:
        return None
    change: Change = reliable_change(instrument, earlier.result, later)
    return ChangeView(
        earlier_date=local_date(earlier.taken_at),
        earlier=number(before),
        later=number(after),
        direction=change.direction,
        difference=number(abs(change.difference)) if change.difference is not None else None,
        threshold=number(change.threshold) if change.threshold is not None else None,
        unit=unit_words(change.unit),
    )


def result_view(
    instrument: Instrument,
    answers: Mapping[str, int | None],
    result: Result,
    earlier: Stored | None = None,
) -> ResultView:
    guidance = catalogue.guidance()[instrument.id]
    band = band_of(instrument, result.band)
    scoring = instrument.scoring
    scaled = result.algorithm.get(scoring.scaled_name) if scoring.scaled_name else None
    threshold_label = None
    if instrument.algorithm and "endorsed_at_least" in instrument.algorithm.params:
        threshold_label = _option_label(
            instrument.scored_items[0], instrument.algorithm.params["endorsed_at_least"]
        )
    household = result.subscales.get("household") if instrument.forms else None
    return ResultView(
        instrument=instrument,
        guidance=guidance,
        name=instrument.name.shown(),
        cannot=guidance.cannot.shown(),
        result=result,
        acknowledgement=_acknowledgement(instrument, guidance, result),
        help_first=help_first(instrument, result),
        total=number(result.total) if result.total is not None else None,
        high=number(scoring.range[1]) if scoring.range else None,
        scaled=number(scaled) if scaled is not None else None,
        band=BandView(
            label=band.label.shown(),
            meaning=guidance.bands[band.id].shown(),
            level=concern_level(instrument, band.id),
        )
        if band
        else None,
        meaning=guidance.meaning.shown() if guidance.meaning else None,
        flag_notes=tuple(
            text.shown() for flag, text in guidance.flags.items() if flag in result.flags
        ),
        threshold_label=threshold_label,
        sums=tuple(
            (measure.label, number(value), number(measure.high))
            for measure in measures(instrument)
            if scoring.range is None and (value := measure.value(result)) is not None
        ),
        clusters=_clusters(instrument, answers, result),
        outcome=_outcome(instrument, result),
        forms=five_forms(instrument, answers) if instrument.forms else (),
        household=number(household) if household is not None else None,
        change=change_view(instrument, earlier, result) if earlier else None,
        library=library_link(guidance),
        navigator=existing(NAVIGATOR),
    )


# --- over time ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    """One score that is charted: the total, the WHO-5 percentage or an ITQ sum score."""

    key: str
    label: str
    low: Number
    high: Number
    factor: Number  # band edges are in raw points; the percentage is raw points times 4

    def value(self, result: Result) -> Number | None:
        if self.key == "total":
            return result.total
        if self.key in result.subscales:
            return result.subscales[self.key]
        return result.algorithm.get(self.key)


def measures(instrument: Instrument) -> list[Measure]:
    scoring = instrument.scoring
    if scoring.scale_factor is not None:
        # The loader requires a total range and a name with a scale factor.
        assert scoring.range is not None and scoring.scaled_name is not None
        low, high = scoring.range
        return [
            Measure(
                scoring.scaled_name,
                _("Score in percent"),
                low * scoring.scale_factor,
                high * scoring.scale_factor,
                scoring.scale_factor,
            )
        ]
    if scoring.range is not None:
        return [Measure("total", _("Score"), *scoring.range, 1)]
    # No total (ITQ): the sum scores that are not part of a larger one.
    widest = [
        sub
        for sub in instrument.subscales
        if not any(set(sub.items) < set(other.items) for other in instrument.subscales)
    ]
    return [Measure(sub.id, sub.name.shown().text, *sub.range, 1) for sub in widest]


def summary(instrument: Instrument, result: Result) -> str:
    """A result in one short line, e.g. "12 of 27: Moderate"."""
    parts = []
    for measure in measures(instrument):
        value = measure.value(result)
        if value is None:
            continue
        if measure.factor != 1:
            text = _("%(score)s percent") % {"score": number(value)}
        elif measure.key == "total":
            text = _("%(score)s of %(high)s") % {
                "score": number(value),
                "high": number(measure.high),
            }
        else:
            text = _("%(name)s: %(score)s of %(high)s") % {
                "name": measure.label,
                "score": number(value),
                "high": number(measure.high),
            }
        parts.append(text)
    band = band_of(instrument, result.band)
    if band:
        parts.append(band.label.shown().text)
    return "; ".join(parts) if parts else _("no score")


@dataclass(frozen=True)
class HistoryRow:
    stored: Stored
    date: str
    values: tuple[str, ...]
    band: str | None
    change: str | None


@dataclass(frozen=True)
class History:
    measures: tuple[Measure, ...]
    legend: tuple[tuple[str, str], ...]  # each measure's label and its points' shape
    chart: charts.HistoryChart
    rows: tuple[HistoryRow, ...]
    summary: tuple[str, ...]
    has_bands: bool
    has_changes: bool


def _change_words(change: Change) -> str:
    if change.direction == IMPROVED:
        return _("reliably better")
    if change.direction == WORSENED:
        return _("reliably worse")
    if change.direction == NOT_AVAILABLE:
        return _("cannot be compared")
    return _("no reliable change")


def history(instrument: Instrument, results: Sequence[Stored]) -> History:
    """The chart, the table and the summary for one questionnaire's results, oldest first."""
    shown_measures = measures(instrument)
    has_changes = instrument.reliable_change.available
    changes: list[Change | None] = [None]
    for earlier, later in pairwise(results):
        same_version = earlier.version == later.version
        changes.append(
            reliable_change(instrument, earlier.result, later.result)
            if has_changes and same_version
            else None
        )
    factor = shown_measures[0].factor
    levels = instrument.bands.levels
    zones = [
        charts.ZoneSpec(
            low=max(shown_measures[0].low, (band.min - 0.5) * factor),
            high=min(shown_measures[0].high, (band.max + 0.5) * factor),
            first=band.min * factor,
            label=band.label.shown().text,
            level=concern_level(instrument, band.id),
        )
        for band in levels
    ]
    series = []
    for measure in shown_measures:
        points = []
        for stored, change in zip(results, changes, strict=True):
            value = measure.value(stored.result)
            if value is None:
                continue
            moved: str | None = None
            meaning: str | None = None
            if change is not None and change.direction in (IMPROVED, WORSENED):
                assert change.difference is not None  # a reliable change has its difference
                moved = "up" if change.difference > 0 else "down"
                meaning = change.direction
            points.append(
                charts.PointSpec(when=stored.taken_at, value=value, change=moved, meaning=meaning)
            )
        series.append(points)
    drawn = charts.history_chart(
        low=min(m.low for m in shown_measures),
        high=max(m.high for m in shown_measures),
        series=series,
        zones=zones,
        date_label=local_date,
    )
    rows = tuple(
        HistoryRow(
            stored=stored,
            date=local_date(stored.taken_at),
            values=tuple(
                number(value) if (value := measure.value(stored.result)) is not None else "–"
                for measure in shown_measures
            ),
            band=band.label.shown().text
            if (band := band_of(instrument, stored.result.band))
            else None,
            change=_change_words(change) if change is not None else None,
        )
        for stored, change in zip(results, changes, strict=True)
    )
    return History(
        measures=tuple(shown_measures),
        legend=tuple(
            (m.label, series.shape) for m, series in zip(shown_measures, drawn.series, strict=True)
        ),
        chart=drawn,
        rows=rows,
        summary=_trend(instrument, shown_measures, results),
        has_bands=bool(levels),
        has_changes=has_changes,
    )


def _trend(
    instrument: Instrument, shown_measures: Sequence[Measure], results: Sequence[Stored]
) -> tuple[str, ...]:
    first, last = results[0], results[-1]
    if len(results) == 1:
        lines = [
            _("You filled in this questionnaire once, on %(date)s.")
            % {"date": local_date(first.taken_at)}
        ]
    else:
        lines = [
            _("You filled in this questionnaire %(count)d times, from %(first)s to %(last)s.")
            % {
                "count": len(results),
                "first": local_date(first.taken_at),
                "last": local_date(last.taken_at),
            }
        ]
    for measure in shown_measures:
        before, after = measure.value(first.result), measure.value(last.result)
        if before is None or after is None:
            continue
        if len(results) == 1:
            lines.append(
                _("%(name)s: %(score)s.") % {"name": measure.label, "score": number(after)}
            )
        else:
            lines.append(
                _("%(name)s: first %(first)s, last %(last)s.")
                % {"name": measure.label, "first": number(before), "last": number(after)}
            )
    if len(results) > 1 and instrument.reliable_change.available and first.version == last.version:
        change = reliable_change(instrument, first.result, last.result)
        lines.append(
            _("From the first to the last time: %(change)s.") % {"change": _change_words(change)}
        )
    return tuple(lines)
