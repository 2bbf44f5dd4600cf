"""The exercise ratings a person kept, read through their Person, and the names they go by."""

from __future__ import annotations

from collections import defaultdict
from statistics import mean
from typing import Any

from django.utils.translation import gettext as _

from gezien.exercises import catalogue
from gezien.exercises.models import ExerciseRating
from gezien.vault.person import Person


def name(exercise_id: str, variant: str = "") -> str:
    """What an exercise is called on the page (a breathing pattern by its numbers)."""
    cat = catalogue.loaded()
    if exercise_id == catalogue.BREATHING:
        pattern = cat.pattern(variant)
        return _("Breathing %(pattern)s") % {"pattern": pattern.id if pattern else variant}
    try:
        return cat.exercise(exercise_id).title.get()
    except StopIteration:
        return exercise_id


def what_helps_rows(me: Person) -> list[dict[str, Any]]:
    """Per exercise: how often it was done and the average distress before and after,
    the biggest drop first."""
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for rating in me.records(ExerciseRating):
        grouped[(rating.content["exercise"], rating.content.get("variant", ""))].append(
            rating.content
        )
    rows = []
    for (exercise_id, variant), ratings in grouped.items():
        rows.append(
            {
                "name": name(exercise_id, variant),
                "times": len(ratings),
                "before": round(mean(r["before"] for r in ratings), 1),
                "after": round(mean(r["after"] for r in ratings), 1),
                "change": round(mean(r["after"] - r["before"] for r in ratings), 1),
            }
        )
    rows.sort(key=lambda row: (row["change"], row["name"]))
    return rows
