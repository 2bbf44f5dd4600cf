"""The language a page is made in: "nl" or "en", Dutch when in doubt."""

from __future__ import annotations

from django.utils.translation import get_language

LANGUAGES = ("nl", "en")


def current() -> str:
    language = (get_language() or "nl")[:2]
    return language if language in LANGUAGES else "nl"
