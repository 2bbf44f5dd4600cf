"""Reading a filled-in questionnaire from a web form.

The form is plain radio buttons, so a browser only ever sends known item names with one of
their option values. Anything else was made by hand or by a tool: it is refused as a whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from gezien.measure.definitions import DIFFICULTY, Instrument, Item

# The form's other fields: the CSRF token, the "keep this result" box and the token that
# makes a form sent twice store one result.
OTHER_FIELDS = frozenset({"csrfmiddlewaretoken", "keep", "submit_token"})
# Far more than any questionnaire's form needs (about 1 KB for the ITQ); larger is tampering.
MAX_BODY_BYTES = 16 * 1024


class Tampered(ValueError):
    """The form data cannot come from the questionnaire's own form."""


def read_answers(
    instrument: Instrument, data: Mapping[str, Sequence[str]]
) -> tuple[dict[str, int | None], list[Item]]:
    """The answers (item id -> value, None when not answered) and the required items that
    are still unanswered. `data` maps each field name to all values sent for it."""
    items = {item.id: item for item in instrument.items}
    for name, values in data.items():
        if name not in items and name not in OTHER_FIELDS:
            raise Tampered(f"unknown field {name[:40]!r}")
        if len(values) != 1:
            raise Tampered(f"field {name[:40]!r} sent {len(values)} times")
    if "keep" in data and data["keep"][0] != "on":
        raise Tampered("keep is not a check box value")
    answers: dict[str, int | None] = {}
    for item in instrument.items:
        sent = data.get(item.id)
        answers[item.id] = None if sent is None else _value(item, sent[0])
    missing = [
        item for item in instrument.items if answers[item.id] is None and item.role != DIFFICULTY
    ]
    return answers, missing


def _value(item: Item, sent: str) -> int:
    # Compare as text, so " 1", "1.0", "01" and "true" are all refused.
    for value in item.options.values:
        if sent == str(value):
            return value
    raise Tampered(f"{item.id}: not one of its answer values")
