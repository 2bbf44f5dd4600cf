"""The journal's glue between Django and the plain logic: the vocabulary and the helper
list (loaded once), names in the current language, opening a person's entries, an entry
as it is shown, and converting an entry's content to and from form fields (for drafts
and conflicts)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from gezien.drafts import service as drafts
from gezien.journal import emotions, meter
from gezien.journal import helpers as helper_list
from gezien.journal.content import LIST_FIELDS, SCALE_FIELDS, TEXT_FIELDS, Entry, chosen_day
from gezien.journal.emotions import SCALE_MAX, SCALE_MIN
from gezien.journal.models import JournalEntry
from gezien.lib.text import Text, current_language
from gezien.vault.person import Person

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# The drafts of a new entry: one for the one-page form, one for the guided path.
NEW = "journal:new"
STEPS_DRAFT = "journal:steps"
INTENSITY = "intensity_"
MAX_TEXT = 20_000

LABELS = {
    "date": _("Date"),
    "time": _("Time"),
    "happened": _("What happened"),
    "body_areas": _("Where in my body"),
    "sensations": _("What I feel in my body"),
    "body_note": _("More about my body"),
    "quadrant": _("Pleasant or unpleasant, much or little energy"),
    "mood": _("Pleasant or unpleasant, much or little energy"),
    "pleasantness": _("How pleasant it feels"),
    "energy": _("How much energy"),
    "words": _("Words for the feeling"),
    "feeling_note": _("In my own words"),
    "thoughts": _("What I think"),
    "needs": _("What I need"),
    "did": _("What I did"),
    "helpers": _("What helped"),
    "helped": _("What helped, in my own words"),
}


# The five levels of each axis of the mood meter (see journal.meter).
PLEASANTNESS_LEVELS = {
    1: _("very unpleasant"),
    2: _("unpleasant"),
    3: _("neutral"),
    4: _("pleasant"),
    5: _("very pleasant"),
}
ENERGY_LEVELS = {
    1: _("very little energy"),
    2: _("little energy"),
    3: _("medium energy"),
    4: _("much energy"),
    5: _("very much energy"),
}


def cell_name(cell: meter.Cell) -> str:
    """ "Unpleasant, much energy": both axes, as the mood meter's radio buttons are named."""
    return capfirst(
        _("%(pleasantness)s, %(energy)s")
        % {
            "pleasantness": PLEASANTNESS_LEVELS[cell.pleasantness],
            "energy": ENERGY_LEVELS[cell.energy],
        }
    )


def spot_in(fields: drafts.Fields) -> tuple[int | None, int | None]:
    """The pleasantness and energy that form fields (a draft, a posted form) hold, by the
    same rule as a saved entry (meter.combine); either may be None."""
    found = []
    for field_name in SCALE_FIELDS:
        try:
            value: int | None = int((fields.get(field_name) or [""])[0])
        except ValueError:
            value = None
        found.append(value if value is not None and SCALE_MIN <= value <= SCALE_MAX else None)
    return meter.combine(meter.parse((fields.get("mood") or [""])[0]), *found)


@functools.cache
def vocabulary() -> emotions.Vocabulary:
    return emotions.load()


@functools.cache
def helpers() -> tuple[helper_list.Helper, ...]:
    return helper_list.load()


class Named(Protocol):
    """A body area, sensation, quadrant, word or helper."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> Text: ...


def name(item: Named) -> str:
    """An item's name in the current language."""
    return item.name.get()


@functools.cache
def _names(kind: str, language: str) -> dict[str, str]:
    vocab = vocabulary()
    kinds: dict[str, Sequence[Named]] = {
        "body_areas": vocab.body_areas,
        "sensations": vocab.sensations,
        "words": vocab.words,
        "quadrant": vocab.quadrants,
        "helpers": helpers(),
    }
    items = kinds[kind]
    return {item.id: item.name.get(language) for item in items}


def word(word_id: str) -> emotions.Word:
    return emotions.by_id(vocabulary().words, word_id)


def word_names() -> dict[str, str]:
    return _names("words", current_language())


def names_of(kind: str, ids: list[str]) -> list[str]:
    """Readable names for stored ids; an id that is no longer known is shown as is."""
    known = _names(kind, current_language())
    return [known.get(item_id, item_id) for item_id in ids]


# ---------------------------------------------------------------- entries


def opened(record: JournalEntry, key: bytes) -> Entry:
    return _entry(record, record.open_content(key))


def _entry(record: JournalEntry, content: dict[str, Any]) -> Entry:
    return Entry(
        str(record.pk), chosen_day(content) or timezone.localtime(record.created_at).date(), content
    )


def all_entries(person: Person) -> list[Entry]:
    """Every entry of this person, opened in memory (once per request). Search and patterns
    need them all, because the day an entry is about is sealed too."""
    return [_entry(o.record, o.content) for o in person.records(JournalEntry)]


# ---------------------------------------------------------------- an entry as shown


def shown(entry: Entry) -> dict[str, Any]:
    """An entry ready for the overview and the delete page: its day as words, its links,
    and its parts. Built here rather than in a template because the overview shows a
    month of entries, and template tags per entry were most of that page's time."""
    day = date_format(entry.day, "j F")
    return {
        "id": entry.id,
        "day": entry.day,
        "time": entry.time,
        "label": f"{day}, {entry.time}" if entry.time else day,
        "edit_url": reverse("journal:edit", args=[entry.id]),
        "delete_url": reverse("journal:delete", args=[entry.id]),
        "parts": parts(entry.content),
    }


def parts(content: dict[str, Any]) -> list[tuple[StrOrPromise, SafeString]]:
    """(heading, value) for each part of an entry that has something in it, in the order
    of the form. Free text keeps its line breaks and is escaped; names are escaped."""
    found: list[tuple[StrOrPromise, SafeString]] = []

    def add(heading: StrOrPromise, *pieces: SafeString) -> None:
        kept = [piece for piece in pieces if piece]
        if kept:
            found.append((heading, mark_safe("<br>".join(kept))))

    def text(field_name: str) -> SafeString:
        value = content.get(field_name)
        return linebreaksbr(value, autoescape=True) if value else mark_safe("")

    def names(kind: str, ids: list[str]) -> SafeString:
        return conditional_escape(", ".join(names_of(kind, ids)))

    add(_("What happened"), text("happened"))
    body = [
        names("body_areas", content.get("body_areas") or []),
        names("sensations", content.get("sensations") or []),
    ]
    add(_("In my body"), mark_safe(": ".join(piece for piece in body if piece)), text("body_note"))
    feel = [conditional_escape(text) for text in feeling(content)]
    add(_("How it feels"), mark_safe(" · ".join(feel)))
    words = content.get("words") or []
    felt = [
        format_html("{} ({}/10)", name_, w["intensity"])
        if w.get("intensity") is not None
        else conditional_escape(name_)
        for w, name_ in zip(words, names_of("words", [w["id"] for w in words]), strict=True)
    ]
    add(_("Words for the feeling"), mark_safe(", ".join(felt)), text("feeling_note"))
    add(_("What I think"), text("thoughts"))
    add(_("What I need"), text("needs"))
    add(_("What I did"), text("did"))
    add(_("What helped"), names("helpers", content.get("helpers") or []), text("helped"))
    return found


def feeling(content: dict[str, Any]) -> list[str]:
    """Where an entry is on the mood meter, in words: the cell, for old and new entries
    alike (an old value from -5 to +5 shows as the cell it falls in). An entry from before
    the meter may have only a corner, or one of the two scales."""
    pleasantness, energy = content.get("pleasantness"), content.get("energy")
    if pleasantness is not None and energy is not None:
        return [cell_name(meter.cell_of(pleasantness, energy))]
    found = names_of("quadrant", [content["quadrant"]]) if content.get("quadrant") else []
    if pleasantness is not None:
        found.append(str(PLEASANTNESS_LEVELS[meter.level(pleasantness)]))
    if energy is not None:
        found.append(str(ENERGY_LEVELS[meter.level(energy)]))
    return found


def feeling_in(fields: drafts.Fields) -> list[str]:
    """`feeling` of form fields (a draft)."""
    return feeling(dict(zip(SCALE_FIELDS, spot_in(fields), strict=True)))


def searchable_names(entry: Entry) -> str:
    content = entry.content
    parts = names_of("words", [w["id"] for w in content.get("words") or []])
    for kind in ("body_areas", "sensations", "helpers"):
        parts += names_of(kind, content.get(kind) or [])
    return "\n".join(parts)


# ---------------------------------------------------------------- form fields


def as_fields(content: dict[str, Any]) -> drafts.Fields:
    """An entry's content as form fields (name -> values), as a draft holds them."""
    fields: drafts.Fields = {}
    for name_ in ("date", "time", "quadrant", *TEXT_FIELDS):
        if content.get(name_):
            fields[name_] = [content[name_]]
    for name_ in SCALE_FIELDS:
        if content.get(name_) is not None:
            fields[name_] = [str(content[name_])]
    for name_ in LIST_FIELDS:
        if content.get(name_):
            fields[name_] = list(content[name_])
    words = content.get("words") or []
    if words:
        fields["words"] = [w["id"] for w in words]
    for word in words:
        if word.get("intensity") is not None:
            fields[f"{INTENSITY}{word['id']}"] = [str(word["intensity"])]
    return fields


def field_label(field_name: str) -> StrOrPromise | None:
    if field_name.startswith(INTENSITY):
        word_id = field_name[len(INTENSITY) :]
        if word_id not in word_names():
            return None
        return _("How strong: %(word)s") % {"word": word_names()[word_id]}
    return LABELS.get(field_name)


def describe(field_name: str, values: list[str]) -> str:
    if field_name in ("mood", "pleasantness", "energy"):
        return ", ".join(feeling_in({field_name: values}))
    if field_name in ("body_areas", "sensations", "words", "quadrant", "helpers"):
        return ", ".join(names_of(field_name, values))
    return ", ".join(values)


def register_drafts() -> None:
    drafts.register(
        "journal",
        fields=field_label,
        hidden={"entry_version"},
        texts=set(TEXT_FIELDS),
        lists={"body_areas", "sensations", "words", "helpers"},
        describe=describe,
        max_chars=MAX_TEXT,
    )


def entry_key(entry_id: object) -> str:
    return f"journal:{entry_id}"
