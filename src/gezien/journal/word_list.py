"""The feeling words on the journal form, each with its strength from 0 to 10.

The plain form shows all 136 words. Rendering them through form widgets and templates on
every request took most of the page's 180 ms. A row's HTML depends only on the language and
its state (ticked, strength, error), never on what a person wrote, so each row is rendered
once per language and state and kept."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from django.template.loader import render_to_string
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from gezien.journal.emotions import Word
from gezien.journal.entries import INTENSITY
from gezien.journal.forms import EntryForm
from gezien.lib.text import current_language

LEVELS = tuple(str(v) for v in range(0, 11))


def rows(form: EntryForm, words: Iterable[Word]) -> list[dict[str, Any]]:
    """For each word the form offers: whether it is ticked, and its rendered row."""
    value = form["words"].value() or []
    # A draft with one word gives it as a string (see drafts.Saved.initial).
    chosen = {value} if isinstance(value, str) else set(value)
    language = current_language()
    found = []
    for word in words:
        field_name = f"{INTENSITY}{word.id}"
        if field_name not in form.fields:
            continue
        field = form[field_name]
        strength = "" if field.value() is None else str(field.value())
        html = _row(
            language,
            word,
            word.id in chosen,
            field_name,
            field.auto_id,
            strength if strength in LEVELS else "",
            tuple(str(error) for error in field.errors),
        )
        found.append({"checked": word.id in chosen, "html": html})
    return found


@lru_cache(maxsize=4096)
def _row(
    language: str,
    word: Word,
    checked: bool,
    field_name: str,
    field_id: str,
    strength: str,
    errors: tuple[str, ...],
) -> SafeString:
    row = {
        "id": word.id,
        "name": word.name.get(language),
        "definition": word.definition.get(language),
        "checked": checked,
        "field_name": field_name,
        "field_id": field_id,
        "errors": errors,
        "options": _options(strength),
    }
    return render_to_string("journal/parts/word.html", {"row": row})


def _options(selected: str) -> SafeString:
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, mark_safe(" selected") if value == selected else "", label)
            for value, label in [("", _("not chosen")), *zip(LEVELS, LEVELS, strict=True)]
        ),
    )
