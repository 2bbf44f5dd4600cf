"""Kept reflections as part of 'export everything' (see core.export)."""

from __future__ import annotations

from typing import Any

from gezien.recognise.models import Reflection
from gezien.vault.person import Person


def section(person: Person) -> list[dict[str, Any]]:
    return [opened.content for opened in person.records(Reflection)]
