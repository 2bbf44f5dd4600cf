"""Geometry for the patterns page's charts. The templates draw the SVG from these numbers;
every chart also gets a table with the same data. No Django here."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from gezien.journal.content import Bucket

# The map: 11 x 11 cells for -5..5 on both axes.
CELL = 30
MAP_LEFT, MAP_TOP = 44, 12
MAP_SIZE = 11 * CELL


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    count: int
    pleasantness: int
    energy: int


@dataclass(frozen=True)
class MapChart:
    width: int
    height: int
    left: int
    top: int
    size: int
    middle_x: float
    middle_y: float
    half: float
    dots: list[Dot]
    corners: list[tuple[str, float, float]]


def pleasantness_x(value: int) -> float:
    return MAP_LEFT + (value + 5) * CELL + CELL / 2


def energy_y(value: int) -> float:
    return MAP_TOP + (5 - value) * CELL + CELL / 2


def map_chart(cells: dict[tuple[int, int], int]) -> MapChart:
    """A dot per spot on the map; its size grows with the number of entries there (and
    the number is written in it, so size is never the only cue)."""
    most = max(cells.values(), default=1)
    dots = [
        Dot(
            x=pleasantness_x(p),
            y=energy_y(e),
            r=round(7 + (CELL / 2 - 8) * math.sqrt(count / most), 1),
            count=count,
            pleasantness=p,
            energy=e,
        )
        for (p, e), count in sorted(cells.items())
    ]
    return MapChart(
        width=MAP_LEFT + MAP_SIZE + 12,
        height=MAP_TOP + MAP_SIZE + 44,
        left=MAP_LEFT,
        top=MAP_TOP,
        size=MAP_SIZE,
        middle_x=MAP_LEFT + MAP_SIZE / 2,
        middle_y=MAP_TOP + MAP_SIZE / 2,
        dots=dots,
        # A tinted square per quadrant (class name, x, y), each half the map wide.
        corners=[
            ("unpleasant-high", MAP_LEFT, MAP_TOP),
            ("pleasant-high", MAP_LEFT + MAP_SIZE / 2, MAP_TOP),
            ("unpleasant-low", MAP_LEFT, MAP_TOP + MAP_SIZE / 2),
            ("pleasant-low", MAP_LEFT + MAP_SIZE / 2, MAP_TOP + MAP_SIZE / 2),
        ],
        half=MAP_SIZE / 2,
    )


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    y: float
    width: float
    text_x: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    label_width: int
    bar_height: int
    bars: list[Bar]


BAR_ROW = 30
BAR_LABEL = 200
BAR_AREA = 320


def bar_chart(rows: Sequence[tuple[str, float]]) -> BarChart:
    """Horizontal bars, one row per (label, value); the value is written after each bar."""
    most = max((value for _, value in rows), default=1) or 1
    bars = []
    for index, (label, value) in enumerate(rows):
        width = round(BAR_AREA * value / most, 1)
        bars.append(Bar(label, value, index * BAR_ROW + 4, width, BAR_LABEL + width + 6))
    return BarChart(
        width=BAR_LABEL + BAR_AREA + 50, height=len(rows) * BAR_ROW + 4, label_width=BAR_LABEL, bar_height=BAR_ROW - 10, bars=bars
    )


@dataclass(frozen=True)
class Column:
    x: float
    y: float
    width: float
    height: float
    bucket: Bucket


@dataclass(frozen=True)
class ColumnChart:
    width: int
    height: int
    left: int
    top: int
    plot_height: int
    bottom: int
    columns: list[Column]
    gridlines: list[tuple[int, float]]
    labels: list[tuple[float, Bucket]]


COLUMNS_WIDTH = 560
COLUMNS_HEIGHT = 200
COLUMNS_LEFT, COLUMNS_TOP = 34, 10


def column_chart(buckets: Sequence[Bucket]) -> ColumnChart:
    """Average intensity (0-10) per day or week, as columns; days without a rated
    feeling have no column. The first, middle and last day or week are labelled."""
    slot = COLUMNS_WIDTH / max(len(buckets), 1)
    bottom = COLUMNS_TOP + COLUMNS_HEIGHT
    columns = []
    for index, bucket in enumerate(buckets):
        if bucket.average is None:
            continue
        height = round(COLUMNS_HEIGHT * bucket.average / 10, 1)
        columns.append(
            Column(
                x=round(COLUMNS_LEFT + index * slot + slot * 0.15, 1),
                y=round(bottom - height, 1),
                width=round(max(slot * 0.7, 1), 1),
                height=height,
                bucket=bucket,
            )
        )
    shown = sorted({0, len(buckets) // 2, len(buckets) - 1}) if buckets else []
    return ColumnChart(
        width=COLUMNS_LEFT + COLUMNS_WIDTH + 10,
        height=bottom + 30,
        left=COLUMNS_LEFT,
        top=COLUMNS_TOP,
        plot_height=COLUMNS_HEIGHT,
        bottom=bottom,
        columns=columns,
        gridlines=[(value, bottom - COLUMNS_HEIGHT * value / 10) for value in (0, 5, 10)],
        labels=[(round(COLUMNS_LEFT + index * slot + slot / 2, 1), buckets[index]) for index in shown],
    )
