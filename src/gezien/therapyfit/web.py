"""The klik-check as its pages show it: texts in the reader's language, the chart of the
click over sessions, and what the note "it is fine to look further" shows, put together from
the data file and the navigator's care route (looked up through core.lookups)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.utils.formats import date_format

from gezien.core import lookups
from gezien.lib import charts, data
from gezien.therapyfit import reflection
from gezien.therapyfit.reflection import Session

CHART_SESSIONS = 6  # the chart shows the latest sessions; the table shows them all


def start() -> None:
    """Every route step the note names must exist in the navigator, when it is installed."""
    route = lookups.care_route()
    if route is None:
        return
    at = data.At(reflection.PATH.name).key("look_further").key("route_steps")
    for position, step_id in enumerate(reflection.load().route_steps):
        if route.route_step(step_id) is None:
            raise at.index(position).error(f"unknown route step {step_id!r} of the navigator")


def source(key: str) -> str:
    found = reflection.load().sources[key]
    if found.library:
        return lookups.library().source_name(found.library)
    assert found.text is not None
    return found.text.get()


def answer(option_id: str) -> str:
    option = reflection.load().option(option_id)
    return option.label.get() if option else option_id


def day(session: Session) -> date:
    return date.fromisoformat(session.date)


def rows(sessions: Sequence[Session]) -> list[dict[str, Any]]:
    """The table of sessions, newest first."""
    points = reflection.load().points
    return [
        {
            "id": session.id,
            "date": day(session),
            "with_whom": session.with_whom,
            "click": answer(session.click),
            "yes": [p.text.get() for p in points if session.points.get(p.id) == "yes"],
            "no": [p.text.get() for p in points if session.points.get(p.id) == "no"],
            "note": session.note,
        }
        for session in reversed(sessions)
    ]


def chart(sessions: Sequence[Session]) -> dict[str, Any] | None:
    """The click answer of the latest sessions as a line over the levels of the scale, each
    level named on the axis; None for fewer than two sessions."""
    options = reflection.load().options
    index = {option.id: position for position, option in enumerate(options)}
    latest = sessions[-CHART_SESSIONS:]
    top = len(options) - 1
    drawn = charts.small_line_chart(
        [(date_format(day(s), "j M"), index.get(s.click, 0)) for s in latest], top
    )
    if drawn is None:
        return None
    levels = [
        (option.label.get(), round(drawn.bottom - (drawn.bottom - drawn.top) * i / top, 1))
        for i, option in enumerate(options)
    ]
    return {"chart": drawn, "levels": levels, "count": len(latest)}


def tally(sessions: Sequence[Session]) -> list[dict[str, Any]]:
    """Per point, how often each answer was given."""
    options = reflection.load().options
    return [
        {"point": point.text.get(), "counts": [counted[o.id] for o in options]}
        for point, counted in reflection.tally(sessions, reflection.load().points)
    ]


def look_further_help(sessions: Sequence[Session]) -> dict[str, Any]:
    """What the note shows: sentences to raise it with the therapist (for the points that
    were missing most, then general ones), the ways to look further, the navigator's route
    steps and intake questions."""
    loaded = reflection.load()
    route = lookups.care_route()
    steps = [route.route_step(step_id) for step_id in loaded.route_steps] if route else []
    return {
        "missing": [
            {"point": p.text.get(), "say": p.say.get()}
            for p in reflection.missing(sessions, loaded.points, loaded.rule)
        ],
        "sentences": [sentence.get() for sentence in loaded.sentences],
        "ways": [
            {
                "title": way.title.get(),
                "text": way.text.get(),
                "source": source(way.source) if way.source else "",
            }
            for way in loaded.ways
        ],
        "route": [step for step in steps if step is not None],
        "intake_questions": route.intake_questions() if route else [],
        "navigator_url": lookups.site_url("navigator"),
    }
