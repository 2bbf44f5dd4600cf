"""Geometry of the history chart: scores over time with band zones and reliable-change
markers. Plain numbers and strings only; the template draws the SVG and the page always
has the same data as a table."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from gezien.measure.definitions import Number

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 48, 530, 16, 280  # the plot area; zone labels sit right of it
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
    when: datetime.datetime
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
class Chart:
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


def _round(value: float) -> float:
    return round(value, 1)


def build(
    low: Number,
    high: Number,
    series: Sequence[Sequence[PointSpec]],
    zones: Sequence[ZoneSpec],
    date_label,
) -> Chart:
    """Lay out one or two series of points (oldest first) on a time axis."""
    span = (high - low) or 1

    def y_of(value: Number) -> float:
        return _round(BOTTOM - (value - low) / span * (BOTTOM - TOP))

    moments = sorted({point.when for points in series for point in points})
    first, last = moments[0], moments[-1]
    seconds = (last - first).total_seconds()

    def x_of(when: datetime.datetime) -> float:
        # A single moment sits in the middle; otherwise time runs from edge to edge, with
        # a small inset so markers at the ends stay inside the plot.
        if not seconds:
            return _round((LEFT + RIGHT) / 2)
        inset = 16
        share = (when - first).total_seconds() / seconds
        return _round(LEFT + inset + share * (RIGHT - LEFT - 2 * inset))

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
        top, bottom = y_of(min(zone.high, high)), y_of(max(zone.low, low))
        shown_zones.append(
            Zone(
                y=top,
                height=_round(bottom - top),
                label=zone.label,
                label_y=_round((top + bottom) / 2 + 5),
                level=zone.level,
            )
        )
    tick_values = sorted({low, high, *(zone.first for zone in zones if low < zone.first < high)})
    y_ticks = tuple(
        Label(x=LEFT - 8, y=_round(y_of(value) + 5), text=_number(value), anchor="end")
        for value in tick_values
    )
    # The first and last date, each kept inside the chart by anchoring it on its inner side.
    if first == last:
        x_labels = (Label(x=x_of(first), y=BOTTOM + 24, text=date_label(first)),)
    else:
        x_labels = (
            Label(x=LEFT, y=BOTTOM + 24, text=date_label(first), anchor="start"),
            Label(x=RIGHT, y=BOTTOM + 24, text=date_label(last), anchor="end"),
        )
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=RIGHT,
        top=TOP,
        bottom=BOTTOM,
        zones=tuple(shown_zones),
        series=tuple(laid_out),
        y_ticks=y_ticks,
        x_labels=x_labels,
    )


def _number(value: Number) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _triangle(x: float, y: float, change: str | None) -> str | None:
    """A triangle beside the point, pointing the way the score moved."""
    if change is None:
        return None
    if change == "up":
        tip, base = y - 22, y - 10
    else:
        tip, base = y + 22, y + 10
    return f"{x},{_round(tip)} {_round(x - 7)},{_round(base)} {_round(x + 7)},{_round(base)}"
