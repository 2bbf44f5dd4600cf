"""One form for a journal entry. The guided path uses parts of it (`only=`), so every
field is defined once."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from gezien.drafts.service import clean_text
from gezien.journal import entries, meter
from gezien.journal.content import SCALE_FIELDS, TEXT_FIELDS, derived_quadrant, is_empty
from gezien.journal.emotions import SCALE_MAX, SCALE_MIN
from gezien.journal.entries import INTENSITY, LABELS, MAX_TEXT, name
from gezien.lib.text import current_language

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

TOO_LONG = _(
    "This is longer than %(limit_value)s characters (it has %(show_value)s). Make it shorter, or "
    "split it over two entries."
)
OUT_OF_SCALE = _("Choose one of the values shown.")


class TextField(forms.CharField):
    """Free text: invisible control characters are dropped, the length is capped."""

    def __init__(self, label: StrOrPromise, rows: int = 4, **kwargs: Any) -> None:
        super().__init__(
            label=label,
            required=False,
            max_length=MAX_TEXT,
            error_messages={"max_length": TOO_LONG},
            widget=forms.Textarea(
                attrs={"rows": rows, "autocomplete": "off", "dir": "auto", "spellcheck": "true"}
            ),
            **kwargs,
        )
        # The browser would cut pasted text at maxlength without a word; the server says why.
        self.widget.attrs.pop("maxlength", None)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs

    def to_python(self, value: Any) -> str:
        text = super().to_python(value)
        assert text is not None  # empty_value is ""
        return clean_text(text)


def _scale(field_name: str) -> forms.TypedChoiceField:
    """One axis of the mood meter (its text version). Every value from -5 to +5 is valid,
    because entries from before the meter hold any of them (see journal.meter)."""
    return forms.TypedChoiceField(
        label=LABELS[field_name],
        choices=[(str(v), str(v)) for v in range(SCALE_MIN, SCALE_MAX + 1)],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": OUT_OF_SCALE},
    )


class MoodField(forms.Field):
    """The mood meter's grid: one group of radio buttons whose values are
    "pleasantness,energy", or "" for "I don't know". Cleans to a pair of ints or None."""

    default_error_messages = {"invalid": OUT_OF_SCALE}
    widget = forms.RadioSelect  # drawn by journal/parts/meter.html

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)

    def to_python(self, value: Any) -> tuple[int, int] | None:
        if value in self.empty_values:
            return None
        spot = meter.parse(str(value))
        if spot is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return spot


def _intensity(word_name: str) -> forms.IntegerField:
    # A number field, not a choice field: the form has 136 of these, and normalising twelve
    # choices per field on every request cost more than the rest of the form.
    return forms.IntegerField(
        label=_("How strong is “%(word)s”? (0 to 10)") % {"word": word_name},
        min_value=0,
        max_value=10,
        required=False,
        widget=forms.Select,
        error_messages={key: OUT_OF_SCALE for key in ("invalid", "min_value", "max_value")},
    )


@lru_cache(maxsize=8)
def _strength_fields(language: str | None) -> dict[str, forms.IntegerField]:
    """The strength field of every word, built once per language. Building 136 fields took
    half of every journal form's time; nothing changes a field after it is built, so every
    form can share them."""
    return {f"{INTENSITY}{w.id}": _intensity(name(w)) for w in entries.vocabulary().words}


def _many(field_name: str, items: Iterable[Any]) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=LABELS[field_name],
        choices=[(item.id, name(item)) for item in items],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": OUT_OF_SCALE},
    )


class EntryForm(forms.Form):
    """Every part is optional, but at least one must be filled in (the date and time do
    not count: the date is filled in for you). `only` keeps a subset of the fields (a
    step of the guided path); `word_ids` limits the words offered (the suggestions)."""

    def __init__(
        self,
        *args: Any,
        only: Iterable[str] | None = None,
        word_ids: Iterable[str] | None = None,
        require_something: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        vocab = entries.vocabulary()
        self.require_something = require_something
        offered = None if word_ids is None else set(word_ids)
        words = [w for w in vocab.words if offered is None or w.id in offered]
        self.word_ids = [w.id for w in words]
        keep = None if only is None else set(only)
        # The 136 strength fields are most of the form's cost; steps without words skip them.
        strengths = {}
        if keep is None or "words" in keep:
            shared = _strength_fields(current_language())
            strengths = {f"{INTENSITY}{w.id}": shared[f"{INTENSITY}{w.id}"] for w in words}
        self.fields.update(
            {
                "date": forms.DateField(
                    label=LABELS["date"],
                    required=False,
                    widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                    error_messages={"invalid": _("Enter a date like 24-11-2026.")},
                ),
                "time": forms.TimeField(
                    label=LABELS["time"],
                    required=False,
                    widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                    error_messages={"invalid": _("Enter a time like 14:30.")},
                ),
                "happened": TextField(LABELS["happened"], rows=3),
                "body_areas": _many("body_areas", vocab.body_areas),
                "sensations": _many("sensations", vocab.sensations),
                "body_note": TextField(LABELS["body_note"], rows=2),
                # Entries from before the mood meter may hold a chosen corner; the meter
                # carries it along (hidden) so that an edit keeps it.
                "quadrant": forms.ChoiceField(
                    label=LABELS["quadrant"],
                    required=False,
                    widget=forms.HiddenInput,
                    choices=[(q.id, name(q)) for q in vocab.quadrants] + [("", "")],
                    error_messages={"invalid_choice": OUT_OF_SCALE},
                ),
                "mood": MoodField(label=LABELS["mood"]),
                "pleasantness": _scale("pleasantness"),
                "energy": _scale("energy"),
                "words": forms.MultipleChoiceField(
                    label=LABELS["words"],
                    choices=[(w.id, name(w)) for w in words],
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                    error_messages={"invalid_choice": OUT_OF_SCALE},
                ),
                **strengths,
                "feeling_note": TextField(LABELS["feeling_note"], rows=2),
                "thoughts": TextField(LABELS["thoughts"], rows=3),
                "needs": TextField(LABELS["needs"], rows=2),
                "did": TextField(LABELS["did"], rows=2),
                "helpers": _many("helpers", entries.helpers()),
                "helped": TextField(LABELS["helped"], rows=2),
            }
        )
        if keep is not None:
            for field_name in list(self.fields):
                if field_name not in keep and not (
                    field_name.startswith(INTENSITY) and "words" in keep
                ):
                    del self.fields[field_name]

    def clean_date(self) -> date | None:
        value = self.cleaned_data.get("date")
        if value is not None and not date(1900, 1, 1) <= value <= timezone.localdate() + timedelta(
            days=1
        ):
            raise forms.ValidationError(_("Choose a date between 1900 and today."))
        return value

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        if self.require_something and not self.errors and is_empty(self.content()):
            raise forms.ValidationError(
                _(
                    "Fill in at least one part. Every part is optional, but an empty entry cannot "
                    "be saved."
                )
            )
        return cleaned

    def content(self) -> dict[str, Any]:
        """The sealed content of an entry, from the cleaned form."""
        data = self.cleaned_data
        moment_date, moment_time = data.get("date"), data.get("time")
        pleasantness, energy = meter.combine(
            data.get("mood"), data.get("pleasantness"), data.get("energy")
        )
        quadrant = data.get("quadrant") or derived_quadrant(pleasantness, energy)
        if self.is_bound and self.data.get("mood") == "" and pleasantness is energy is None:
            quadrant = ""  # "I don't know" also clears a corner chosen before the meter
        return {
            "date": moment_date.isoformat() if moment_date else None,
            "time": moment_time.strftime("%H:%M") if moment_time else None,
            **{field_name: data.get(field_name) or "" for field_name in TEXT_FIELDS},
            "body_areas": data.get("body_areas") or [],
            "sensations": data.get("sensations") or [],
            "quadrant": quadrant,
            "pleasantness": pleasantness,
            "energy": energy,
            "words": [
                {"id": word_id, "intensity": data.get(f"{INTENSITY}{word_id}")}
                for word_id in data.get("words") or []
            ],
            "helpers": data.get("helpers") or [],
        }


def meter_choices(form: EntryForm) -> dict[str, Any]:
    """What journal/parts/meter.html draws: the 25 cells of the grid, the two questions of
    its text version, and a corner chosen before the meter existed (carried along hidden).

    The cell that holds the current answer is checked and carries its exact values, so an
    entry from before the meter (any value from -5 to +5) keeps them when it is saved again
    unchanged. The text version shows what was answered in it, and what the grid cannot
    show: one question answered without the other (possible before the meter)."""

    def raw(field_name: str) -> str:
        value = form[field_name].value()
        if isinstance(value, list | tuple):
            value = value[0] if value else ""
        return "" if value is None else str(value)

    fields = {field_name: [raw(field_name)] for field_name in ("mood", *SCALE_FIELDS)}
    pleasantness, energy = entries.spot_in(fields)
    spot = (pleasantness, energy) if pleasantness is not None and energy is not None else None
    whole = spot is not None
    cells = []
    for index, cell in enumerate(meter.grid()):
        holds = spot is not None and cell.holds(*spot)
        cells.append(
            {
                "id": f"id_mood_{index}",
                "value": meter.value(spot if spot is not None and holds else cell.values),
                "name": entries.cell_name(cell),
                "corner": cell.corner or "middle",
                "checked": holds,
            }
        )
    questions = []
    text_open = any(form[field_name].errors for field_name in SCALE_FIELDS)
    for axis, (field_name, names) in enumerate(
        (("pleasantness", entries.PLEASANTNESS_LEVELS), ("energy", entries.ENERGY_LEVELS))
    ):
        answered = entries.spot_in({field_name: fields[field_name]})[axis]
        shown = answered if form.is_bound else None if whole else (pleasantness, energy)[axis]
        chosen = None if shown is None else meter.level(shown)
        text_open = text_open or chosen is not None
        questions.append(
            {
                "field": form[field_name],
                "options": [
                    {
                        "id": f"id_{field_name}_{index}",
                        "value": shown if chosen == level else meter.VALUES[level],
                        "name": capfirst(names[level]),
                        "checked": chosen == level,
                    }
                    for index, level in enumerate(meter.LEVELS)
                ],
            }
        )
    corner = raw("quadrant")
    carried = corner if corner and corner != derived_quadrant(pleasantness, energy) else ""
    return {
        "cells": cells,
        "unknown": form.is_bound and form.data.get("mood") == "",
        "questions": questions,
        "text_open": text_open,
        "corner": carried,
        "corner_name": entries.names_of("quadrant", [carried])[0] if carried else "",
        "errors": [*form["mood"].errors, *form["pleasantness"].errors, *form["energy"].errors],
    }


@lru_cache(maxsize=1)
def entry_field_names() -> tuple[str, ...]:
    """The whole form's field names (the vocabulary is fixed once loaded)."""
    return tuple(EntryForm().fields)
