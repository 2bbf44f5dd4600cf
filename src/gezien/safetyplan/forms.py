from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gezien.safetyplan.plan import MAX_ENTRY, STEPS, Plan, Step, field_name

ACTIONS = ("show", "download", "save", "edit")


class SafetyPlanForm(forms.Form):
    """A few lines per step, all optional. Fields that are not on the form are ignored."""

    action = forms.ChoiceField(
        choices=[(action, action) for action in ACTIONS],
        widget=forms.HiddenInput,
        error_messages={
            "required": _(
                "Something went wrong with this form. Nothing was saved. Please try again."
            ),
            "invalid_choice": _(
                "Something went wrong with this form. Nothing was saved. Please try again."
            ),
        },
    )

    def __init__(self, *args: Any, plan: Plan | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for step in STEPS:
            entries = (plan or {}).get(step.id, [])
            for number in range(1, step.lines + 1):
                self.fields[field_name(step, number)] = forms.CharField(
                    label=str(number),
                    max_length=MAX_ENTRY,
                    required=False,
                    initial=entries[number - 1] if number <= len(entries) else "",
                    widget=forms.TextInput(attrs={"aria-describedby": f"hint-{step.id}"}),
                    error_messages={
                        "max_length": _("Use at most %(limit_value)d characters on one line.")
                    },
                )

    def steps(self) -> list[tuple[Step, list[forms.BoundField]]]:
        return [
            (step, [self[field_name(step, n)] for n in range(1, step.lines + 1)]) for step in STEPS
        ]

    def error_links(self) -> list[tuple[str, str]]:
        """The error summary's lines, as (id to link to, text): the form's own errors first,
        then each line's, named by its step."""
        links = [("", str(error)) for error in [*self.non_field_errors(), *self["action"].errors]]
        for step, fields in self.steps():
            for field in fields:
                links += [
                    (field.id_for_label, f"{step.title}, {field.label}: {error}")
                    for error in field.errors
                ]
        return links

    def plan(self) -> Plan:
        return {
            step.id: [
                text
                for n in range(1, step.lines + 1)
                if (text := self.cleaned_data[field_name(step, n)])
            ]
            for step in STEPS
        }
