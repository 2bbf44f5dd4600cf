from __future__ import annotations

from gezien.vault.records import SealedRecord


class ExerciseRating(SealedRecord):
    """Distress before and after one exercise. Which exercise, the scores and the day are
    all in the sealed content."""

    KIND = "exercise-rating"

    class Meta:
        ordering = ["-created_at"]
