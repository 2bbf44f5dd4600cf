from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gezien.checkup import plan
from gezien.checkup.store import MAX_REFLECTION_CHARS
from gezien.core.lookups import QuestionnaireForm

TOO_LONG = _("This is too long: at most %(limit_value)d characters. Make it shorter.")


class PlanForm(forms.Form):
    questionnaires = forms.MultipleChoiceField(
        label=_("Which questionnaires?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose from the questionnaires on the list.")},
    )
    reflections = forms.BooleanField(
        label=_(
            "Also three short questions of my own: what went better, what was hard, what I need"
        ),
        required=False,
    )
    every_weeks = forms.TypedChoiceField(
        label=_("How often?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how often."),
            "invalid_choice": _("Choose how often."),
        },
    )

    def __init__(self, *args: Any, offered: dict[str, QuestionnaireForm], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offered = list(offered)
        self._choices("questionnaires").choices = [(i, f.name) for i, f in offered.items()]
        self._choices("every_weeks").choices = [
            (weeks, _("Every %(n)d weeks") % {"n": weeks}) for weeks in plan.rules().intervals
        ]

    def _choices(self, name: str) -> forms.ChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        return field

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("questionnaires") and not cleaned.get("reflections"):
            raise forms.ValidationError(
                _("Choose at least one questionnaire, or the three short questions.")
            )
        return cleaned

    def plan(self) -> plan.Plan:
        chosen = self.cleaned_data["questionnaires"]
        # In the order of the list, whatever order the form sent them in.
        ordered = tuple(i for i in self.offered if i in chosen)
        return plan.Plan(
            ordered, self.cleaned_data["reflections"], self.cleaned_data["every_weeks"]
        )


class ReflectionsForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for reflection in plan.rules().reflections:
            self.fields[reflection.id] = forms.CharField(
                label=reflection.question.get(),
                help_text=reflection.hint.get(),
                required=False,
                max_length=MAX_REFLECTION_CHARS,
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"max_length": TOO_LONG},
            )


class ReminderForm(forms.Form):
    title = forms.CharField(
        label=_("Title in your calendar"),
        help_text=_(
            "Choose a title that tells nobody what it is for. So not “check-up” or “Gezien”."
        ),
        max_length=60,
        error_messages={
            "required": _("Type a title, for example: A moment for myself."),
            "max_length": TOO_LONG,
        },
    )
    first_day = forms.DateField(
        label=_("First time on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Choose a day."),
            "invalid": _("Type a date, for example 2027-03-05."),
        },
    )
    at = forms.TimeField(
        label=_("At"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("Choose a time, for example 19:00."),
            "invalid": _("Type a time, for example 19:00."),
        },
    )
    with_address = forms.BooleanField(
        label=_("Put the address of your check-up in it"),
        help_text=_(
            "Handy: you tap it in your calendar. But someone who sees your calendar, also sees "
            "the address. Without it, the file holds only the title and the time."
        ),
        required=False,
    )
    keep_title = forms.BooleanField(
        label=_("I want this title all the same"),
        required=False,
    )

    def clean_first_day(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["first_day"]
        today = timezone.localdate()
        if not today <= day <= today + datetime.timedelta(days=366):
            raise forms.ValidationError(_("Choose a day from today to a year from now."))
        return day

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        words = plan.telling_words_in(cleaned.get("title", ""))
        if words and not cleaned.get("keep_title"):
            self.add_error(
                "title",
                _(
                    "The title contains “%(word)s”. Someone who sees your calendar may understand "
                    "what it is about. Choose another title, or tick the box below to keep it."
                )
                % {"word": words[0]},
            )
        return cleaned
