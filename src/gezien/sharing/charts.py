"""The summary's small line chart of questionnaire totals over time, drawn by a template from
the shared geometry. It always comes with a table of the same numbers (in the summary), so
the chart is never the only way to read them."""

from __future__ import annotations

from django.template.loader import render_to_string

from gezien.lib import charts


def line_chart(label: str, points: list[tuple[str, float]], maximum: float | None = None) -> str:
    """`points` are (date label, value) in time order. Empty for fewer than two points: one
    number needs no chart."""
    chart = charts.small_line_chart(points, maximum)
    if chart is None:
        return ""
    return render_to_string("sharing/score_chart.html", {"chart": chart, "label": label})
