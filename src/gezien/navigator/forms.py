from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gezien.navigator import engine

# Only a changed or forged form can send an answer that is not on it.
NOT_ON_THE_FORM = _("This answer is not one of the choices. Choose again from the list.")


class AnswersForm(forms.Form):
    """What bothers the person (tick any) and what they prefer (one answer per question,
    all optional: an open question counts as 'no preference')."""

    def __init__(self, rules: engine.Rules, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rules = rules
        self.fields["concerns"] = forms.MultipleChoiceField(
            label=_("What is true for you?"),
            choices=[(concern.id, concern.text.get()) for concern in rules.concerns],
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": NOT_ON_THE_FORM, "invalid_list": NOT_ON_THE_FORM},
        )
        for preference in rules.preferences:
            self.fields[preference.id] = forms.ChoiceField(
                label=preference.question.get(),
                choices=[(option.id, option.label.get()) for option in preference.options],
                required=False,
                initial=preference.default,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": NOT_ON_THE_FORM},
            )

    def concern_field(self) -> forms.BoundField:
        return self["concerns"]

    def preference_fields(self) -> list[forms.BoundField]:
        return [self[preference.id] for preference in self.rules.preferences]

    def answers(self) -> tuple[list[str], dict[str, str]]:
        preferences = {
            preference.id: self.cleaned_data[preference.id]
            for preference in self.rules.preferences
            if self.cleaned_data.get(preference.id)
        }
        return self.cleaned_data["concerns"], preferences
