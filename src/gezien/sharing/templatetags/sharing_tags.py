from __future__ import annotations

from typing import Any

from django import template
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from gezien.sharing import charts, links

register = template.Library()


@register.filter
def when(value: str | None, style: str = "DATETIME_FORMAT") -> str:
    """An ISO date or date-time from a snapshot, in the reader's words."""
    if not value:
        return ""
    day = parse_date(value) if len(value) == 10 else None
    if day is not None:
        return formats.date_format(
            day, "SHORT_DATE_FORMAT" if style.startswith("SHORT") else "DATE_FORMAT"
        )
    moment = parse_datetime(value)
    if moment is None:
        return value
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, style)


@register.filter
def number(value: int | float | None) -> str:
    return "" if value is None else f"{value:g}"


@register.filter
def score_chart(scores: list[dict[str, Any]]) -> str:
    """A line chart of the totals when one instrument was filled in more than once."""
    points = [
        (when(s["date"], "SHORT_DATE_FORMAT"), s["total"]) for s in scores if s["total"] is not None
    ]
    if len({s["instrument"] for s in scores}) != 1 or len(points) < 2:
        return ""
    label = _(
        "Chart of the scores on %(name)s over time; the same numbers are in the table below."
    ) % {"name": scores[0]["name"]}
    return charts.line_chart(label, points, scores[0].get("maximum"))


@register.simple_tag(takes_context=True)
def working_links(context: template.Context) -> int:
    """How many of the logged-in person's links work now (the story's overview shows it)."""
    return links.working(context["request"].user)
