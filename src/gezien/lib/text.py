"""One Dutch/English text pair, and the one way to know which of the two a page is in."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("nl", "en")
DEFAULT = "nl"


def language_of(code: str | None) -> str:
    """Gezien's language for a language code such as 'en-gb' or 'nl': Dutch unless English."""
    return "en" if (code or DEFAULT).lower().startswith("en") else DEFAULT


def current_language() -> str:
    """The language of the page being made ('nl' or 'en'), as Django's translation has it."""
    from django.utils.translation import get_language  # the only tie to Django, kept here

    return language_of(get_language())


@dataclass(frozen=True)
class Shown:
    """A text as a page shows it: `lang` is the language it is in, which differs from the
    page's when only one language exists (the page then marks it with a lang attribute)."""

    text: str
    lang: str
    foreign: bool

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Text:
    """A text in Dutch and English. One of the two may be missing where only one language is
    published (a questionnaire's original wording); the other is then shown instead."""

    nl: str | None
    en: str | None

    def __post_init__(self) -> None:
        if self.nl is None and self.en is None:
            raise ValueError("a Text needs Dutch, English or both")

    def shown(self, language: str | None = None) -> Shown:
        page = language or current_language()
        wanted, other = (self.en, self.nl) if page == "en" else (self.nl, self.en)
        if wanted is not None:
            return Shown(wanted, page, False)
        assert other is not None
        return Shown(other, "nl" if page == "en" else "en", True)

    def get(self, language: str | None = None) -> str:
        return self.shown(language).text

    def __str__(self) -> str:
        return self.get()
