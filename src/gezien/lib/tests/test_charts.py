"""Chart geometry, checked against coordinates worked out by hand from the layout constants
(the numbers in the comments are the sums)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from gezien.lib import charts


def test_bars_grow_with_their_share_of_the_largest() -> None:
    first, second, third = charts.bar_chart([("rust", 3), ("boos", 1.5), ("moe", 1)])
    assert (first.label, first.value, first.share) == ("rust", 3, 100)
    assert (second.share, third.share) == (50, 33.3)


def test_bars_of_nothing_have_no_length_and_an_empty_chart_has_no_rows() -> None:
    assert [bar.share for bar in charts.bar_chart([("a", 0), ("b", 0)])] == [0, 0]
    assert charts.bar_chart([]) == []


@dataclass(frozen=True)
class Day:
    name: str
    average: float | None


def test_columns_stand_on_the_axis_in_equal_slots_and_skip_periods_without_a_value() -> None:
    days = [Day("ma", None), Day("di", 5), Day("wo", 10), Day("do", 2.5)]
    chart = charts.column_chart(days)
    # four slots of 560 / 4 = 140 from x = 34; a column is 70% of its slot, 15% in
    assert (chart.width, chart.height, chart.bottom) == (604, 240, 210)
    assert [(c.x, c.y, c.width, c.height) for c in chart.columns] == [
        (195, 110, 98, 100),  # 34 + 140 + 21; 200 x 5/10 = 100 high, so its top is 210 - 100
        (335, 10, 98, 200),
        (475, 160, 98, 50),
    ]
    assert chart.gridlines == [(0, 210), (5, 110), (10, 10)]
    # the first, middle (4 // 2) and last slot are labelled at their centres
    assert [(x, day.name) for x, day in chart.labels] == [(104, "ma"), (384, "wo"), (524, "do")]


START = datetime(2025, 1, 1, tzinfo=UTC)


def _date(moment: datetime) -> str:
    return moment.strftime("%d-%m")


def test_a_history_runs_from_edge_to_edge_with_zones_ticks_and_a_change_marker() -> None:
    points = [
        charts.PointSpec(when=START, value=20),
        charts.PointSpec(
            when=START + timedelta(days=10), value=5, change="down", meaning="improved"
        ),
    ]
    zones = [
        charts.ZoneSpec(low=0, high=10, first=0, label="licht", level=0),
        charts.ZoneSpec(low=10, high=20, first=10, label="ernstig", level=3),
    ]
    chart = charts.history_chart(0, 20, [points], zones, _date)
    # 0..20 on 280..16: 13.2 per point; time from 48 + 16 to 530 - 16
    (series,) = chart.series
    assert [(p.x, p.y) for p in series.points] == [(64, 16), (514, 214)]
    assert series.line == "64.0,16.0 514.0,214.0" and series.shape == "circle"
    assert series.points[0].marker is None
    assert series.points[1].marker == "514.0,236.0 507.0,224.0 521.0,224.0"  # below, pointing down
    assert series.points[1].meaning == "improved"
    assert [(z.y, z.height, z.label_y, z.level) for z in chart.zones] == [
        (148, 132, 219, 0),
        (16, 132, 87, 3),
    ]
    assert [(t.x, t.y, t.text, t.anchor) for t in chart.y_ticks] == [
        (40, 285, "0", "end"),
        (40, 153, "10", "end"),
        (40, 21, "20", "end"),
    ]
    assert [(t.x, t.y, t.text, t.anchor) for t in chart.x_labels] == [
        (48, 304, "01-01", "start"),
        (530, 304, "11-01", "end"),
    ]
    assert (chart.plot_width, chart.zone_label_x) == (482, 540)


def test_one_moment_sits_in_the_middle_and_a_second_series_gets_squares() -> None:
    first = [charts.PointSpec(when=START, value=10, change="up", meaning="worsened")]
    second = [charts.PointSpec(when=START, value=2.5)]
    chart = charts.history_chart(0, 20, [first, second], [], _date)
    assert [s.shape for s in chart.series] == ["circle", "square"]
    point = chart.series[0].points[0]
    assert (point.x, point.y) == (289, 148)  # (48 + 530) / 2; 280 - 132
    assert point.marker == "289.0,126.0 282.0,138.0 296.0,138.0"  # above, pointing up
    assert [(t.x, t.text) for t in chart.x_labels] == [(289, "01-01")]
    assert [t.text for t in chart.y_ticks] == ["0", "20"]


def test_a_small_line_chart_spreads_its_points_evenly_up_to_the_maximum() -> None:
    chart = charts.small_line_chart([("1-4", 15), ("20-5", 7.5)], maximum=27)
    # plot from x 40 to 464 and y 160 (0) up to 16 (27): 144 / 27 per point
    assert (chart.width, chart.height, chart.left, chart.right, chart.top, chart.bottom) == (
        480,
        200,
        40,
        464,
        16,
        160,
    )
    assert chart.top_label == "27" and chart.date_y == 180
    assert [(p.x, p.y, p.label_y, p.value, p.date) for p in chart.points] == [
        (40, 80, 72, "15", "1-4"),  # 160 - 15 x 144 / 27 = 80; its number 8 above
        (464, 120, 112, "7.5", "20-5"),
    ]
    assert chart.line == "40.0,80.0 464.0,120.0"


def test_a_small_line_chart_without_a_maximum_reaches_up_to_the_highest_value() -> None:
    chart = charts.small_line_chart([("a", 4), ("b", 8), ("c", 0)])
    assert chart.top_label == "8"
    assert [(p.x, p.y) for p in chart.points] == [(40, 88), (252, 16), (464, 160)]  # 424 / 2 apart


def test_one_number_needs_no_line() -> None:
    assert charts.small_line_chart([("1-4", 15)], maximum=27) is None


def test_paired_bars_share_one_fixed_scale_with_the_label_above_and_numbers_after_them() -> None:
    chart = charts.paired_bar_chart([("nee zeggen", 6, 3), ("hulp vragen", 10, 12)], 10)
    # 2 rows of 66 (label 18 + two bars of 14 + gap 4 + 16 between rows) under a top of 4
    assert (chart.width, chart.height, chart.left, chart.bar_height) == (360, 136, 4, 14)
    first, second = chart.rows
    # the bar area is 360 - 4 - 28 = 328 wide: 6 of 10 is 196.8, 3 of 10 is 98.4
    assert (first.label, first.label_y, first.first_y, first.second_y) == ("nee zeggen", 18, 24, 42)
    assert (first.first_width, first.second_width) == (196.8, 98.4)
    assert (first.first_text_x, first.second_text_x) == (204.8, 106.4)  # 4 + width + 4
    # one row (66) lower; 12 is drawn at the end of the scale, and still written as 12
    assert (second.first_y, second.second_y) == (90, 108)
    assert (second.first_width, second.second_width, second.second) == (328, 328, 12)
    assert chart.gridlines == (4, 168, 332) and (chart.grid_top, chart.grid_bottom) == (4, 124)


def test_paired_bars_of_nothing_have_no_length() -> None:
    chart = charts.paired_bar_chart([("a", 0, 0)], 10)
    assert (chart.rows[0].first_width, chart.rows[0].second_width) == (0, 0)
    assert charts.paired_bar_chart([], 10).rows == ()
