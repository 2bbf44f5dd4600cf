"""JSON in and out for the command line: `gezien score ID` and `gezien instruments --json`.

Answers come in as a JSON array in published item order (null = not answered) or as an
object of item id -> answer. Anything else is refused with a one-line InputError.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from gezien.lib.text import Text
from gezien.measure.definitions import Instrument, Item
from gezien.measure.result_format import result_json
from gezien.measure.scoring import score

MAX_PAYLOAD_BYTES = 64 * 1024


class InputError(ValueError):
    """Answers that cannot be scored; the message is one line, fit to show as is."""


class _DuplicateKey(Exception):
    def __init__(self, key: str):
        self.key = key


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen.add(key)
    return dict(pairs)


def _refuse_constant(name: str) -> None:
    raise InputError(f"invalid JSON: {name} is not allowed")


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 20 else text[:17] + "..."


def parse_answers(instrument: Instrument, raw_json: str) -> dict[str, int | None]:
    """Every item id of the instrument mapped to its checked answer, or None when unanswered."""
    size = len(raw_json.encode("utf-8", "surrogatepass"))
    if size > MAX_PAYLOAD_BYTES:
        raise InputError(
            f"the answers are {size} bytes; the limit is {MAX_PAYLOAD_BYTES} bytes (64 KB)"
        )
    try:
        data = json.loads(
            raw_json, object_pairs_hook=_refuse_duplicates, parse_constant=_refuse_constant
        )
    except _DuplicateKey as error:
        raise InputError(f"item '{error.key}' is given twice") from None
    except json.JSONDecodeError as error:
        raise InputError(
            f"invalid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    except InputError:
        raise
    except ValueError:
        # json raises a plain ValueError for integers longer than Python converts.
        raise InputError("invalid JSON: a number has too many digits") from None
    items = {item.id: item for item in instrument.items}
    answers: dict[str, int | None] = dict.fromkeys(items)
    pairs: Iterable[tuple[str, Any]]
    if isinstance(data, list):
        if len(data) != len(items):
            raise InputError(
                f"{instrument.id} has {len(items)} items, so give {len(items)} answers in "
                f"published order (null for a skipped item); got {len(data)}"
            )
        pairs = zip(items, data, strict=True)
    elif isinstance(data, dict):
        for key in data:
            if key not in items:
                raise InputError(
                    f"{instrument.id} has no item {_shown(key)}; its items are {', '.join(items)}"
                )
        pairs = data.items()
    else:
        raise InputError(
            "give a JSON array of answers in published item order, "
            "or an object of item id to answer"
        )
    for item_id, value in pairs:
        answers[item_id] = _answer(items[item_id], value)
    return answers


def _answer(item: Item, value: Any) -> int | None:
    allowed = ", ".join(str(option) for option in item.options.values)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        kind = {
            bool: "true/false",
            float: "a decimal number",
            str: "text",
            list: "a list",
            dict: "an object",
        }
        raise InputError(
            f"{item.id}: {kind[type(value)]} is not an answer; use one of {allowed} or null"
        )
    if value not in item.options.values:
        raise InputError(
            f"{item.id}: {_shown(value)} is not an answer value; use one of {allowed} or null"
        )
    return value


def score_json(
    instrument_id: str, raw_json: str, instruments: Mapping[str, Instrument]
) -> dict[str, Any]:
    instrument = instruments.get(instrument_id)
    if instrument is None:
        raise InputError(
            f"unknown questionnaire {_shown(instrument_id)}; "
            f"known: {', '.join(sorted(instruments))}"
        )
    return result_json(instrument, score(instrument, parse_answers(instrument, raw_json)))


def _text(text: Text) -> dict[str, str | None]:
    return {"en": text.en, "nl": text.nl}


def instruments_json(instruments: Mapping[str, Instrument]) -> list[dict[str, Any]]:
    """Every instrument with its items, answer options, subscales, bands and flags."""
    return [
        {
            "id": instrument.id,
            "version": instrument.version,
            "short_name": instrument.short_name,
            "name": _text(instrument.name),
            "dutch_available": instrument.dutch_available,
            "english_available": all(item.text.en for item in instrument.items),
            "licence": {
                "who": _text(instrument.licence.who),
                "commercial": instrument.licence.commercial,
                "ask_first": instrument.licence.ask_first,
                "notice": instrument.licence.notice,
                "source": instrument.licence.source,
            },
            "direction": instrument.direction,
            "scoring": {
                "method": instrument.scoring.method,
                "range": list(instrument.scoring.range) if instrument.scoring.range else None,
                "unit": instrument.scoring.unit,
            },
            "items": [
                {
                    "id": item.id,
                    "number": item.number,
                    "role": item.role,
                    "options": [
                        {"value": option.value, "label": _text(option.label)}
                        for option in item.options.options
                    ],
                }
                for item in instrument.items
            ],
            "subscales": [
                {"id": sub.id, "items": list(sub.items), "range": list(sub.range)}
                for sub in instrument.subscales
            ],
            "bands": [
                {"id": band.id, "min": band.min, "max": band.max, "label": _text(band.label)}
                for band in instrument.bands.levels
            ],
            "flags": [flag.id for flag in instrument.flags],
        }
        for instrument in sorted(instruments.values(), key=lambda instrument: instrument.id)
    ]
