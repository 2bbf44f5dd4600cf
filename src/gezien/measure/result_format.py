"""A scored result as plain JSON data, and back: the one format that stored results, the
command line (`gezien score`) and the account export share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gezien.measure.definitions import RESULT_FIELDS, Instrument
from gezien.measure.scoring import Result


def result_json(instrument: Instrument, result: Result) -> dict[str, Any]:
    """A scored result as plain JSON data; the algorithm's outcomes sit at the top level."""
    return {
        "instrument": result.instrument,
        "version": instrument.version,
        "valid": result.valid,
        "total": result.total,
        "band": result.band,
        "subscales": dict(result.subscales),
        **result.algorithm,
        "flags": sorted(result.flags),
        "missing": list(result.missing),
        "prorated": result.prorated,
    }


def result_from_json(data: Mapping[str, Any]) -> Result:
    """The inverse of result_json, for results that were stored as JSON."""
    return Result(
        instrument=data["instrument"],
        valid=data["valid"],
        total=data["total"],
        band=data["band"],
        subscales=dict(data["subscales"]),
        algorithm={key: value for key, value in data.items() if key not in RESULT_FIELDS},
        flags=frozenset(data["flags"]),
        missing=tuple(data["missing"]),
        prorated=data["prorated"],
    )
