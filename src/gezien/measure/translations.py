"""Published Dutch texts that an organisation adds to its data folder.

An organisation that has permission to use a published Dutch version (ARQ's PCL-5 or ITQ, the
WHO-5 site's Dutch form, the Dutch RSES of Franck et al.) puts it in
`GEZIEN_DATA_DIR/translations/<questionnaire id>.toml`. Each file is checked against the
questionnaire's definition: the same version, every item, every answer set with one label per
option, and the lead-ins of its sections. A file that breaks a rule stops start-up with a
message naming the file and the field, like the definition files themselves. Scoring never
changes: only the words shown to a Dutch reader do.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path

from gezien.lib import data
from gezien.lib.text import Text
from gezien.measure.definitions import Instrument, OptionSet, Section

FOLDER_NAME = "translations"
LANGUAGES = ("nl",)


def apply(instruments: Mapping[str, Instrument], folder: Path) -> dict[str, Instrument]:
    """The instruments with every translation file in `folder` applied (none: unchanged)."""
    translated = dict(instruments)
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
        at = data.At(f"{FOLDER_NAME}/{path.name}")
        instrument = instruments.get(path.stem)
        if instrument is None:
            raise at.error(f"no questionnaire '{path.stem}'")
        raw = data.read_toml(path, at.file)
        translated[instrument.id] = _translated(at, raw, instrument)
    return translated


def _translated(at: data.At, raw: object, instrument: Instrument) -> Instrument:
    sections = ("sections",) if instrument.sections else ()
    top = data.Table(
        at,
        raw,
        ("instrument", "version", "language", "source", "licence", "instructions", "options",
         "items", *sections),
    )  # fmt: skip
    named = data.text(top.at_key("instrument"), top.raw["instrument"])
    if named != instrument.id:
        raise top.at_key("instrument").error(f"'{named}' must match the file name")
    version = data.whole(top.at_key("version"), top.raw["version"])
    if version != instrument.version:
        raise top.at_key("version").error(
            f"made for version {version} of {instrument.id}, "
            f"but Gezien has version {instrument.version}"
        )
    data.choice(top.at_key("language"), top.raw["language"], LANGUAGES)
    if not all(item.text.en for item in instrument.items):
        raise top.at_key("instrument").error("is published in Dutch already")
    option_sets = _option_sets(top, instrument)
    section_texts = _texts(top, "sections", [s.id for s in instrument.sections], "section")
    item_texts = _texts(top, "items", [item.id for item in instrument.items], "item")
    items = tuple(
        dataclasses.replace(
            item,
            text=Text(nl=item_texts[item.id], en=item.text.en),
            options=option_sets[item.options.id],
        )
        for item in instrument.items
    )
    source = data.text(top.at_key("source"), top.raw["source"])
    licence = data.text(top.at_key("licence"), top.raw["licence"])
    return dataclasses.replace(
        instrument,
        dutch_available=True,
        instructions=Text(
            nl=data.text(top.at_key("instructions"), top.raw["instructions"]),
            en=instrument.instructions.en,
        ),
        option_sets=tuple(option_sets.values()),
        sections=tuple(
            Section(s.id, Text(nl=section_texts[s.id], en=s.lead_in.en), s.source)
            for s in instrument.sections
        ),
        items=items,
        wording=dataclasses.replace(
            instrument.wording,
            nl_source=f"Added by this organisation ({at.file}): {source} Permission: {licence}",
            dutch_note=None,
            added_dutch=f"{source} ({licence})",
        ),
    )


def _texts(top: data.Table, key: str, ids: list[str], what: str) -> dict[str, str]:
    """One Dutch text per id: none missing, none the questionnaire does not have."""
    if not ids:
        return {}
    raw, at = top.raw[key], top.at_key(key)
    if not isinstance(raw, dict):
        raise at.error(f"must be a table of {what} id = text")
    for given in raw:
        if given not in ids:
            raise at.key(given).error(f"{top.raw['instrument']} has no {what} '{given}'")
    missing = [item_id for item_id in ids if item_id not in raw]
    if missing:
        raise at.key(missing[0]).error("missing")
    return {item_id: data.text(at.key(item_id), raw[item_id]) for item_id in ids}


def _option_sets(top: data.Table, instrument: Instrument) -> dict[str, OptionSet]:
    raw = top.raw["options"]
    at = top.at_key("options")
    if not isinstance(raw, dict):
        raise at.error("must be a table of answer set id = [labels]")
    known = {option_set.id: option_set for option_set in instrument.option_sets}
    for given in raw:
        if given not in known:
            raise at.key(given).error(f"{instrument.id} has no answer set '{given}'")
    translated: dict[str, OptionSet] = {}
    for set_id, option_set in known.items():
        where = at.key(set_id)
        if set_id not in raw:
            raise where.error("missing")
        labels = raw[set_id]
        count = len(option_set.options)
        if not isinstance(labels, list) or len(labels) != count:
            got = len(labels) if isinstance(labels, list) else "no list"
            raise where.error(
                f"give {count} labels, one per answer option in the definition's order; got {got}"
            )
        translated[set_id] = dataclasses.replace(
            option_set,
            options=tuple(
                dataclasses.replace(
                    option, label=Text(nl=data.text(where.index(n), label), en=option.label.en)
                )
                for n, (option, label) in enumerate(zip(option_set.options, labels, strict=True))
            ),
        )
    return translated
