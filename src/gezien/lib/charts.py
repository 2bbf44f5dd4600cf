"""Chart geometry: where every bar, column, point and line goes, as plain numbers and strings.
The templates draw the SVG from these, and every chart comes with a table of the same data,
so the picture is never the only way to read it. No Django here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, Protocol, TypeVar

Number = int | float


def _round(value: float) -> float:
    return round(value, 1)


def _number(value: Number) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# --- Bars: one row per label, the value written after the bar ------------------------------


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    share: float  # its length: per cent of the largest value


def bar_chart(rows: Sequence[tuple[str, float]]) -> list[Bar]:
    """Horizontal bars, one per (label, value), each as long as its share of the largest. The
    page writes the label and the value as text beside a bar, so they stay readable at any
    width and zoom; only the bar itself is drawn."""
    most = max((value for _, value in rows), default=1) or 1
    return [Bar(label, value, _round(100 * value / most)) for label, value in rows]


# --- Columns: an average (0 to 10) per period -----------------------------------------------

COLUMNS_WIDTH = 560
COLUMNS_HEIGHT = 200
COLUMNS_LEFT, COLUMNS_TOP = 34, 10


class Averaged(Protocol):
    @property
    def average(self) -> float | None: ...


P = TypeVar("P", bound=Averaged)


@dataclass(frozen=True)
class Column:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class ColumnChart(Generic[P]):
    width: int
    height: int
    left: int
    top: int
    plot_height: int
    bottom: int
    columns: list[Column]
    gridlines: list[tuple[int, float]]
    labels: list[tuple[float, P]]  # the x of a label and the period it names


def column_chart(periods: Sequence[P]) -> ColumnChart[P]:
    """A column per period as high as its average on 0 to 10; a period without an average
    has no column. The first, middle and last period are labelled."""
    slot = COLUMNS_WIDTH / max(len(periods), 1)
    bottom = COLUMNS_TOP + COLUMNS_HEIGHT
    columns = []
    for index, period in enumerate(periods):
        if period.average is None:
            continue
        height = _round(COLUMNS_HEIGHT * period.average / 10)
        columns.append(
            Column(
                x=_round(COLUMNS_LEFT + index * slot + slot * 0.15),
                y=_round(bottom - height),
                width=_round(max(slot * 0.7, 1)),
                height=height,
            )
        )
    shown = sorted({0, len(periods) // 2, len(periods) - 1}) if periods else []
    return ColumnChart(
        width=COLUMNS_LEFT + COLUMNS_WIDTH + 10,
        height=bottom + 30,
        left=COLUMNS_LEFT,
        top=COLUMNS_TOP,
        plot_height=COLUMNS_HEIGHT,
        bottom=bottom,
        columns=columns,
        gridlines=[(value, bottom - COLUMNS_HEIGHT * value / 10) for value in (0, 5, 10)],
        labels=[
            (_round(COLUMNS_LEFT + index * slot + slot / 2), periods[index]) for index in shown
        ],
    )


# --- A history: scores over time, with level zones and change markers -------------------------

HISTORY_WIDTH, HISTORY_HEIGHT = 720, 320
# The plot area; zone labels sit to the right of it.
HISTORY_LEFT, HISTORY_RIGHT, HISTORY_TOP, HISTORY_BOTTOM = 48, 530, 16, 280
SHAPES = ("circle", "square")


@dataclass(frozen=True)
class ZoneSpec:
    low: Number  # zone edges in score units
    high: Number
    first: Number  # the lowest score inside the zone, marked on the axis
    label: str
    level: int  # 0 (least concern) to 4, for the colour; the label says it in words


@dataclass(frozen=True)
class PointSpec:
    when: datetime
    value: Number
    change: str | None = None  # "up" or "down" when the change since the last time is reliable
    meaning: str | None = None  # "improved" or "worsened", for the marker's colour


@dataclass(frozen=True)
class Zone:
    y: float
    height: float
    label: str
    label_y: float
    level: int


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    marker: str | None  # the triangle's corner points
    meaning: str | None


@dataclass(frozen=True)
class Series:
    shape: str
    points: tuple[Point, ...]
    line: str  # polyline points


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "middle"  # SVG text-anchor: start, middle or end


@dataclass(frozen=True)
class HistoryChart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    zones: tuple[Zone, ...]
    series: tuple[Series, ...]
    y_ticks: tuple[Label, ...]
    x_labels: tuple[Label, ...]

    @property
    def plot_width(self) -> int:
        return self.right - self.left

    @property
    def zone_label_x(self) -> int:
        return self.right + 10


def history_chart(
    low: Number,
    high: Number,
    series: Sequence[Sequence[PointSpec]],
    zones: Sequence[ZoneSpec],
    date_label: Callable[[datetime], str],
) -> HistoryChart:
    """One or two series of points (oldest first) on a time axis, over zones of levels."""
    left, right, top, bottom = HISTORY_LEFT, HISTORY_RIGHT, HISTORY_TOP, HISTORY_BOTTOM
    span = (high - low) or 1

    def y_of(value: Number) -> float:
        return _round(bottom - (value - low) / span * (bottom - top))

    moments = sorted({point.when for points in series for point in points})
    first, last = moments[0], moments[-1]
    seconds = (last - first).total_seconds()

    def x_of(when: datetime) -> float:
        # A single moment sits in the middle; otherwise time runs from edge to edge, with
        # a small inset so markers at the ends stay inside the plot.
        if not seconds:
            return _round((left + right) / 2)
        inset = 16
        share = (when - first).total_seconds() / seconds
        return _round(left + inset + share * (right - left - 2 * inset))

    laid_out = []
    for index, points in enumerate(series):
        shown = tuple(
            Point(
                x=x_of(point.when),
                y=y_of(point.value),
                marker=_triangle(x_of(point.when), y_of(point.value), point.change),
                meaning=point.meaning if point.change else None,
            )
            for point in points
        )
        line = " ".join(f"{point.x},{point.y}" for point in shown)
        laid_out.append(Series(shape=SHAPES[index % len(SHAPES)], points=shown, line=line))

    shown_zones = []
    for zone in zones:
        zone_top, zone_bottom = y_of(min(zone.high, high)), y_of(max(zone.low, low))
        shown_zones.append(
            Zone(
                y=zone_top,
                height=_round(zone_bottom - zone_top),
                label=zone.label,
                label_y=_round((zone_top + zone_bottom) / 2 + 5),
                level=zone.level,
            )
        )
    tick_values = sorted({low, high, *(zone.first for zone in zones if low < zone.first < high)})
    y_ticks = tuple(
        Label(x=left - 8, y=_round(y_of(value) + 5), text=_number(value), anchor="end")
        for value in tick_values
    )
    # The first and last date, each kept inside the chart by anchoring it on its inner side.
    if first == last:
        x_labels: tuple[Label, ...] = (Label(x=x_of(first), y=bottom + 24, text=date_label(first)),)
    else:
        x_labels = (
            Label(x=left, y=bottom + 24, text=date_label(first), anchor="start"),
            Label(x=right, y=bottom + 24, text=date_label(last), anchor="end"),
        )
    return HistoryChart(
        width=HISTORY_WIDTH,
        height=HISTORY_HEIGHT,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        zones=tuple(shown_zones),
        series=tuple(laid_out),
        y_ticks=y_ticks,
        x_labels=x_labels,
    )


def _triangle(x: float, y: float, change: str | None) -> str | None:
    """A triangle beside the point, pointing the way the score moved."""
    if change is None:
        return None
    if change == "up":
        tip, base = y - 22, y - 10
    else:
        tip, base = y + 22, y + 10
    return f"{x},{_round(tip)} {_round(x - 7)},{_round(base)} {_round(x + 7)},{_round(base)}"


# --- A small line: a few values in order, evenly spaced, from 0 up ------------------------------

SMALL_WIDTH, SMALL_HEIGHT = 480, 200
SMALL_LEFT, SMALL_RIGHT, SMALL_TOP, SMALL_BOTTOM = 40, 16, 16, 40  # margins


@dataclass(frozen=True)
class SmallPoint:
    x: float
    y: float
    label_y: float  # where its number is written, just above it
    value: str
    date: str


@dataclass(frozen=True)
class SmallLineChart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    top_label: str  # the value at the top of the axis
    date_y: int
    points: tuple[SmallPoint, ...]
    line: str  # polyline points


def small_line_chart(
    points: Sequence[tuple[str, Number]], maximum: Number | None = None
) -> SmallLineChart | None:
    """`points` are (date label, value) in time order; the axis runs from 0 to `maximum`, or
    to the highest value. None for fewer than two points: one number needs no chart."""
    if len(points) < 2:
        return None
    highest = maximum if maximum else max(value for _, value in points) or 1
    left, right = SMALL_LEFT, SMALL_WIDTH - SMALL_RIGHT
    top, bottom = SMALL_TOP, SMALL_HEIGHT - SMALL_BOTTOM
    step = (right - left) / (len(points) - 1)
    laid_out = []
    for index, (date, value) in enumerate(points):
        x = left + index * step
        y = bottom - (bottom - top) * max(0, min(value, highest)) / highest
        laid_out.append(SmallPoint(_round(x), _round(y), _round(y - 8), _number(value), date))
    return SmallLineChart(
        width=SMALL_WIDTH,
        height=SMALL_HEIGHT,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        top_label=_number(highest),
        date_y=bottom + 20,
        points=tuple(laid_out),
        line=" ".join(f"{point.x:.1f},{point.y:.1f}" for point in laid_out),
    )


# --- Paired bars: two values per row on one fixed scale, the label above them ---------------

PAIRED_WIDTH = 360  # about a phone's width, so the text is drawn near its own size
PAIRED_LEFT, PAIRED_TOP = 4, 4
PAIRED_TEXT_ROOM = 28  # right of the longest bar, for its number
PAIRED_LABEL, PAIRED_BAR, PAIRED_GAP = 18, 14, 4
PAIRED_ROW = PAIRED_LABEL + 2 * PAIRED_BAR + PAIRED_GAP + 16


@dataclass(frozen=True)
class PairedRow:
    label: str
    label_y: float  # the baseline of the label
    first: Number
    second: Number
    first_y: float
    second_y: float
    first_width: float
    second_width: float
    first_text_x: float
    second_text_x: float


@dataclass(frozen=True)
class PairedBarChart:
    width: int
    height: int
    left: int
    bar_height: int
    rows: tuple[PairedRow, ...]
    gridlines: tuple[float, ...]  # the x of 0, half the scale and the whole scale
    grid_top: int
    grid_bottom: int


def paired_bar_chart(rows: Sequence[tuple[str, Number, Number]], maximum: Number) -> PairedBarChart:
    """A row per (label, first, second): the label on a line of its own, then a bar for each
    value, both measured on the same scale from 0 to `maximum` (values outside it are drawn
    at its ends), each with its number after it."""
    area = PAIRED_WIDTH - PAIRED_LEFT - PAIRED_TEXT_ROOM
    top = maximum or 1

    def length(value: Number) -> float:
        return _round(area * max(0, min(value, top)) / top)

    laid_out = []
    for index, (label, first, second) in enumerate(rows):
        row_top = PAIRED_TOP + index * PAIRED_ROW
        first_y = row_top + PAIRED_LABEL + 2
        second_y = first_y + PAIRED_BAR + PAIRED_GAP
        first_width, second_width = length(first), length(second)
        laid_out.append(
            PairedRow(
                label=label,
                label_y=row_top + PAIRED_LABEL - 4,
                first=first,
                second=second,
                first_y=first_y,
                second_y=second_y,
                first_width=first_width,
                second_width=second_width,
                first_text_x=_round(PAIRED_LEFT + first_width + 4),
                second_text_x=_round(PAIRED_LEFT + second_width + 4),
            )
        )
    height = PAIRED_TOP + len(rows) * PAIRED_ROW
    return PairedBarChart(
        width=PAIRED_WIDTH,
        height=height,
        left=PAIRED_LEFT,
        bar_height=PAIRED_BAR,
        rows=tuple(laid_out),
        gridlines=tuple(_round(PAIRED_LEFT + area * share) for share in (0, 0.5, 1)),
        grid_top=PAIRED_TOP,
        grid_bottom=height - 12,
    )
