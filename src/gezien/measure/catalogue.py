"""The shipped questionnaires, loaded and checked once per process."""

from __future__ import annotations

from functools import cache

from gezien.measure.definitions import Instrument, load_all
from gezien.measure.guidance import Guidance
from gezien.measure.guidance import load as load_guidance


@cache
def instruments() -> dict[str, Instrument]:
    return load_all()


@cache
def guidance() -> dict[str, Guidance]:
    return load_guidance(instruments())
