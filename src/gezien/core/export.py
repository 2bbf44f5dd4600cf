"""'Export everything': what each app adds to a person's export.

An app registers its section once, in its AppConfig.ready::

    from gezien.core import export
    export.register("journal", journal_export.section, covers=[JournalEntry])

A section is a function (person) -> JSON-ready value. `covers` names the sealed models
whose records the section holds: core's tests check that every sealed model is covered, so
no kind of personal record can be left out of the export. A dotted name puts a section
inside another one ("story.shares" is the "shares" field of the "story" section).

Erasing needs no registry: every personal record has a foreign key to the account with
on_delete=CASCADE, which core's tests check as well."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import models
from django.utils import timezone

from gezien.vault.person import Person

Section = Callable[[Person], Any]
_sections: dict[str, Section] = {}
_covered: dict[type[models.Model], str] = {}


def register(name: str, section: Section, *, covers: Iterable[type[models.Model]] = ()) -> None:
    if name in _sections:
        raise ValueError(f"export section {name!r} registered twice")
    if name.count(".") > 1:
        raise ValueError(f"export section {name!r}: at most one level inside another")
    _sections[name] = section
    for model in covers:
        _covered[model] = name


def covered() -> dict[type[models.Model], str]:
    """Each covered model, with the section that exports it."""
    return dict(_covered)


def export_all(person: Person) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": "gezien-export",
        "version": 1,
        "exported_at": timezone.now().isoformat(),
    }
    inner = []
    for name, section in sorted(_sections.items()):
        if "." in name:
            inner.append((name, section))
        else:
            document[name] = section(person)
    for name, section in inner:
        outer, field = name.split(".")
        document[outer][field] = section(person)
    return document
