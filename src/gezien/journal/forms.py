"""One form for a journal entry. The guided path uses parts of it (`only=`), so every
field is defined once."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gezien.drafts.service import clean_text
from gezien.journal import entries
from gezien.journal.content import SCALE_FIELDS, TEXT_FIELDS, derived_quadrant, is_empty
from gezien.journal.entries import INTENSITY, LABELS, MAX_TEXT, name
from gezien.lib.text import current_language

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

TOO_LONG = _(
    "This is longer than %(limit_value)s characters (it has %(show_value)s). Make it shorter, or "
    "split it over two entries."
)
SCALE_ENDS = {
    "pleasantness": {-5: _("very unpleasant"), 0: _("neutral"), 5: _("very pleasant")},
    "energy": {-5: _("very little energy"), 0: _("in between"), 5: _("very much energy")},
}
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
    ends = SCALE_ENDS[field_name]
    choices = [
        (
            str(v),
            f"{v:+d}".replace("+0", "0").replace("-", "−") + (f": {ends[v]}" if v in ends else ""),
        )
        for v in range(-5, 6)
    ]
    return forms.TypedChoiceField(
        label=LABELS[field_name],
        choices=choices,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": OUT_OF_SCALE},
    )


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
                "happened": TextField(LABELS["happened"], rows=5),
                "body_areas": _many("body_areas", vocab.body_areas),
                "sensations": _many("sensations", vocab.sensations),
                "body_note": TextField(LABELS["body_note"], rows=2),
                "quadrant": forms.ChoiceField(
                    label=LABELS["quadrant"],
                    required=False,
                    widget=forms.RadioSelect,
                    choices=[(q.id, name(q)) for q in vocab.quadrants] + [("", _("I don’t know"))],
                    error_messages={"invalid_choice": OUT_OF_SCALE},
                ),
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
                "thoughts": TextField(LABELS["thoughts"]),
                "needs": TextField(LABELS["needs"], rows=3),
                "did": TextField(LABELS["did"], rows=3),
                "helpers": _many("helpers", entries.helpers()),
                "helped": TextField(LABELS["helped"], rows=3),
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
        pleasantness, energy = data.get("pleasantness"), data.get("energy")
        return {
            "date": moment_date.isoformat() if moment_date else None,
            "time": moment_time.strftime("%H:%M") if moment_time else None,
            **{field_name: data.get(field_name) or "" for field_name in TEXT_FIELDS},
            "body_areas": data.get("body_areas") or [],
            "sensations": data.get("sensations") or [],
            "quadrant": data.get("quadrant") or derived_quadrant(pleasantness, energy),
            **{field_name: data.get(field_name) for field_name in SCALE_FIELDS},
            "words": [
                {"id": word_id, "intensity": data.get(f"{INTENSITY}{word_id}")}
                for word_id in data.get("words") or []
            ],
            "helpers": data.get("helpers") or [],
        }


@lru_cache(maxsize=1)
def entry_field_names() -> tuple[str, ...]:
    """The whole form's field names (the vocabulary is fixed once loaded)."""
    return tuple(EntryForm().fields)
