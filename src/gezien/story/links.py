"""Links to pages other apps build (exercises, the safety plan): shown only when the page
exists in this installation, so a page never links to a 404."""

from __future__ import annotations

from django.urls import Resolver404, resolve

EXERCISES = "/oefeningen/"
SAFETY_PLAN = "/veiligheidsplan/"


def existing(path: str) -> str | None:
    try:
        resolve(path)
    except Resolver404:
        return None
    return path


def support_links() -> dict[str, str | None]:
    return {"exercises_url": existing(EXERCISES), "safety_plan_url": existing(SAFETY_PLAN)}
