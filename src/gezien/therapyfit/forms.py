"""The reflection after a session: the click question, the points (each may be left open),
the day of the session, with whom and a note. Answers are checked against the data file."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gezien.therapyfit import reflection, store

EARLIEST = datetime.date(2000, 1, 1)


def point_field(point_id: str) -> str:
    return f"point_{point_id}"


class ReflectionForm(forms.Form):
    date = forms.DateField(
        label=_("Date of the session"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Fill in the date of the session."),
            "invalid": _("Fill in a date, for example 2026-12-07."),
        },
    )
    with_whom = forms.CharField(
        label=_("With whom? (you may leave this open)"),
        help_text=_(
            "For example a first name. When you start with a new therapist, the sessions are "
            "counted again."
        ),
        required=False,
        max_length=store.MAX_NAME,
    )
    click = forms.ChoiceField(widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Is there something you want to bring up next time? (you may leave this open)"),
        required=False,
        max_length=store.MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        loaded = reflection.load()
        choices = [(option.id, option.label.get()) for option in loaded.options]
        click = self.fields["click"]
        assert isinstance(click, forms.ChoiceField)
        click.label = loaded.click.get()
        click.choices = choices
        click.error_messages = {
            "required": _("Choose an answer about the click."),
            "invalid_choice": _("Choose one of the answers."),
        }
        for point in loaded.points:
            self.fields[point_field(point.id)] = forms.ChoiceField(
                label=point.text.get(),
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose one of the answers.")},
            )

    def clean_date(self) -> datetime.date:
        value: datetime.date = self.cleaned_data["date"]
        if value > timezone.localdate() + datetime.timedelta(days=1):
            raise forms.ValidationError(_("This date is in the future."), code="future")
        if value < EARLIEST:
            raise forms.ValidationError(_("Fill in a date after 2000."), code="past")
        return value

    def point_fields(self) -> list[forms.BoundField]:
        return [self[point_field(point.id)] for point in reflection.load().points]

    def session(self) -> reflection.Session:
        cleaned = self.cleaned_data
        return reflection.Session(
            id="",
            date=cleaned["date"].isoformat(),
            click=cleaned["click"],
            points={
                point.id: cleaned[point_field(point.id)]
                for point in reflection.load().points
                if cleaned.get(point_field(point.id))
            },
            with_whom=" ".join(cleaned["with_whom"].split()),
            note=cleaned["note"].strip(),
        )
