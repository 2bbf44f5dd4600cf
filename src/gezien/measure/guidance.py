"""Gezien's own words around each questionnaire, read from guidance.toml and checked
against the instrument definitions (a band without a text, or a text for a band that does
not exist, stops start-up with the file and the field in the message)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from gezien.lib import data
from gezien.lib.text import Text
from gezien.measure.definitions import Instrument

GUIDANCE_FILE = Path(__file__).resolve().with_name("guidance.toml")


@dataclass(frozen=True)
class Guidance:
    minutes: int
    library: str  # slug of the library page that explains the topic
    measures: Text
    can: Text
    cannot: Text
    before: Text | None  # a care note before starting, for questions that can stir things up
    meaning: Text | None  # how to read the score, for instruments without published bands
    # Said first on the result page, before any number: what the person just answered
    # deserves a warm word (ACE); `acknowledge_none` when nothing was reported.
    acknowledge: Text | None
    acknowledge_none: Text | None
    bands: Mapping[str, Text]
    flags: Mapping[str, Text]


def load(instruments: Mapping[str, Instrument], path: Path | None = None) -> dict[str, Guidance]:
    """The guidance per instrument id, in the file's order (the overview's order)."""
    path = path or GUIDANCE_FILE
    raw = data.read_toml(path)
    at = data.At(path.name)
    for instrument_id in instruments:
        if instrument_id not in raw:
            raise at.key(instrument_id).error("missing")
    guidance = {}
    for instrument_id, table in raw.items():
        if instrument_id not in instruments:
            raise at.key(instrument_id).error("no questionnaire with this id")
        guidance[instrument_id] = _guidance(
            at.key(instrument_id), table, instruments[instrument_id]
        )
    return guidance


def _both(table: data.Table, key: str) -> Text:
    return table.value(key, data.translated, data.text)


def _band_texts(table: data.Table, instrument: Instrument) -> Mapping[str, Text]:
    """Exactly one text per published band; none when there are no bands."""
    ids = [band.id for band in instrument.bands.levels]
    if not ids:
        table.forbid("bands", "this questionnaire has no published bands")
        return MappingProxyType({})
    table.require("bands", f"give a text for each band: {', '.join(ids)}")
    texts = table.table("bands", ids)
    return MappingProxyType({band: _both(texts, band) for band in ids})


def _flag_texts(table: data.Table, instrument: Instrument) -> Mapping[str, Text]:
    """Texts for some of the instrument's flags (flags without a text are not explained)."""
    if not table.has("flags"):
        return MappingProxyType({})
    texts = table.table("flags", (), tuple(flag.id for flag in instrument.flags))
    return MappingProxyType({flag: _both(texts, flag) for flag in texts.raw})


def _guidance(at: data.At, raw: object, instrument: Instrument) -> Guidance:
    table = data.Table(
        at,
        raw,
        ("minutes", "library", "measures", "can", "cannot"),
        ("before", "meaning", "bands", "flags", "acknowledge", "acknowledge_none"),
    )
    if table.has("acknowledge_none"):
        table.require("acknowledge", "acknowledge_none only replaces it when nothing was reported")
    library = table.value("library", data.ident)
    if instrument.bands.levels:
        table.forbid("meaning", "the band texts say what the score means")
    else:
        table.require("meaning", "this questionnaire has no bands, so say how to read the score")
    return Guidance(
        minutes=data.whole(table.at_key("minutes"), table.raw["minutes"], 1),
        library=library,
        measures=_both(table, "measures"),
        can=_both(table, "can"),
        cannot=_both(table, "cannot"),
        before=_both(table, "before") if table.has("before") else None,
        meaning=_both(table, "meaning") if table.has("meaning") else None,
        acknowledge=_both(table, "acknowledge") if table.has("acknowledge") else None,
        acknowledge_none=_both(table, "acknowledge_none")
        if table.has("acknowledge_none")
        else None,
        bands=_band_texts(table, instrument),
        flags=_flag_texts(table, instrument),
    )
