from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gezien.recognise.statements import Statements

# Only a changed or forged form can send a statement that is not on it.
NOT_ON_THE_FORM = _("This answer is not one of the choices. Choose again from the list.")


class ReflectionForm(forms.Form):
    """The statements a person recognises (any, or none) and, with an account, whether to keep
    the reflection."""

    def __init__(self, loaded: Statements, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["statements"] = forms.MultipleChoiceField(
            choices=[(statement_id, statement_id) for statement_id in loaded.by_id],
            required=False,
            error_messages={"invalid_choice": NOT_ON_THE_FORM, "invalid_list": NOT_ON_THE_FORM},
        )
        self.fields["action"] = forms.ChoiceField(
            choices=[("show", "show"), ("keep", "keep")],
            required=False,
            error_messages={"invalid_choice": NOT_ON_THE_FORM},
        )

    def chosen(self) -> list[str]:
        return list(dict.fromkeys(self.cleaned_data["statements"]))
