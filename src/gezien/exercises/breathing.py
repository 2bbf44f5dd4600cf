"""The breathing circle's stylesheet, made from the patterns in exercises.toml, so the circle
always matches the numbers in the text. It is a static file (static/gezien/breathing.css), so
browsers cache it and it does not hold up the page; a test checks that the file matches
exercises.toml. After changing a pattern, write it again with

    python -m gezien.exercises.breathing

No Django here."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from gezien.exercises import catalogue

PATH = Path(__file__).parent / "static" / "gezien" / "breathing.css"
HEADER = "/* Made by gezien.exercises.breathing from exercises.toml: do not edit by hand. */\n"


def stylesheet(patterns: Iterable[catalogue.Pattern]) -> str:
    """An animation per pattern: the circle grows while breathing in, stays full while
    holding, shrinks while breathing out and waits; the words of each phase show in turn."""
    rules = [HEADER]
    for p in patterns:
        total = p.seconds
        marks = [0.0]
        for part in (p.inhale, p.hold, p.exhale):
            marks.append(marks[-1] + 100 * part / total)
        grow, full, shrink = (round(m, 2) for m in marks[1:])
        name = f"breath-{p.id}"
        rules.append(
            f"@keyframes {name} {{ 0% {{ transform: scale(0.45); }} "
            f"{grow}% {{ transform: scale(1); }} {full}% {{ transform: scale(1); }} "
            f"{shrink}% {{ transform: scale(0.45); }} 100% {{ transform: scale(0.45); }} }}\n"
            f".{name} .breath-circle {{ animation-name: {name}; animation-duration: {total}s; }}\n"
        )
        phases = (("in", 0, grow), ("hold", grow, full), ("out", full, shrink))
        for phase, start, end in (*phases, ("pause", shrink, 100)):
            if start == end:
                continue
            rules.append(
                f"@keyframes {name}-{phase} {{ 0% {{ opacity: {1 if start == 0 else 0}; }} "
                f"{start}% {{ opacity: 1; }} {end}% {{ opacity: 0; }} 100% {{ opacity: 0; }} }}\n"
                f".{name} .phase-{phase} {{ animation-name: {name}-{phase}; "
                f"animation-duration: {total}s; }}\n"
            )
    return "".join(rules)


if __name__ == "__main__":
    PATH.write_text(stylesheet(catalogue.load().patterns), encoding="utf-8")
