"""The story's pages, the way a person uses them, for tests."""

from __future__ import annotations

from django.test import Client


def write_period(client: Client, slug: str, period: str, version: int = 0, **parts: str) -> object:
    data = {"story_version": version, **{f"{period}_{name}": text for name, text in parts.items()}}
    return client.post(f"/mijn-verhaal/{slug}/", data)


def make_help_question(client: Client, **answers) -> object:
    return client.post("/mijn-verhaal/hulpvraag/", answers)
