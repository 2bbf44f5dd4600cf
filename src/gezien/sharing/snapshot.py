"""The summary for a professional, frozen: the parts the person chose, as a JSON-ready
dict that the page, the PDF and the FHIR bundle are all made from, so all three show
exactly the same content and nothing else. What can be chosen comes from the apps, through
core.summary."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import datetime
from typing import Any

from gezien.core.summary import PROFESSIONAL, Part, Section

FORMAT = "gezien-summary"
VERSION = 1


def _part_data(part: Part) -> dict[str, Any]:
    return {
        "key": part.key,
        "title": part.title,
        "paragraphs": list(part.paragraphs),
        "facts": [list(fact) for fact in part.facts],
        "scores": [asdict(score) for score in part.scores],
        "links": [list(link) for link in part.links],
    }


def snapshot(
    sections: Iterable[Section],
    chosen: Iterable[str],
    *,
    language: str,
    made_at: datetime,
    expires_at: datetime | None = None,
    audience: str = PROFESSIONAL,
) -> dict[str, Any]:
    """Only the chosen parts, in their sections' order; sections without a chosen part are
    left out entirely (their titles too). `audience` says who it is written for (a
    professional or a partner): the shared page is made for them."""
    wanted = set(chosen)
    kept = []
    for section in sections:
        parts = [_part_data(part) for part in section.parts if part.key in wanted]
        if parts:
            kept.append({"key": section.key, "title": section.title, "parts": parts})
    return {
        "format": FORMAT,
        "version": VERSION,
        "language": language,
        "audience": audience,
        "made_at": made_at.isoformat(),
        "expires_at": expires_at.isoformat() if expires_at else None,
        "sections": kept,
    }


def content_digest(data: dict[str, Any]) -> str:
    """A fingerprint of what a snapshot shows, to tell whether the content changed between
    the preview and the moment of sharing."""
    body = json.dumps(data["sections"], ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(body).hexdigest()
