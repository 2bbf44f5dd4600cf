"""A small server-made SVG line chart of questionnaire totals over time. It always comes
with a table of the same numbers (in the template), so the chart is never the only way
to read them."""

from __future__ import annotations

from html import escape

WIDTH, HEIGHT = 480, 200
LEFT, RIGHT, TOP, BOTTOM = 40, 16, 16, 40


def line_chart(label: str, points: list[tuple[str, float]], maximum: float | None = None) -> str:
    """`points` are (date label, value) in time order. Empty string for fewer than two
    points: one number needs no chart."""
    if len(points) < 2:
        return ""
    top = maximum if maximum else max(value for _, value in points) or 1
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = inner_w / (len(points) - 1)

    def y(value: float) -> float:
        return TOP + inner_h - inner_h * max(0.0, min(value, top)) / top

    coordinates = [(LEFT + index * step, y(value)) for index, (_, value) in enumerate(points)]
    path = " ".join(f"{x:.1f},{yy:.1f}" for x, yy in coordinates)
    marks = "".join(
        f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="4"/>'
        f'<text x="{x:.1f}" y="{yy - 8:.1f}" text-anchor="middle">{value:g}</text>'
        for (x, yy), (_, value) in zip(coordinates, points, strict=True)
    )
    dates = "".join(
        f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 20}" text-anchor="middle">{escape(date)}</text>'
        for (x, _), (date, _) in zip(coordinates, points, strict=True)
    )
    axes = (
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + inner_h}"/>'
        f'<line x1="{LEFT}" y1="{TOP + inner_h}" x2="{WIDTH - RIGHT}" y2="{TOP + inner_h}"/>'
        f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end">{top:g}</text>'
        f'<text x="{LEFT - 6}" y="{TOP + inner_h}" text-anchor="end">0</text>'
    )
    return (
        f'<svg class="score-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
        f'<g class="axes" stroke="currentColor" fill="currentColor" font-size="12">{axes}</g>'
        f'<polyline points="{path}" fill="none" stroke="currentColor" stroke-width="2"/>'
        f'<g fill="currentColor" font-size="12">{marks}{dates}</g></svg>'
    )
