"""{% choice_input %} writes the same <input> as Django's own widget templates."""

import pytest
from django import forms

from gezien.core.templatetags.choices import choice_input


class Choices(forms.Form):
    corner = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    parts = forms.MultipleChoiceField(
        choices=[(1, "één"), (2, "twee")], widget=forms.CheckboxSelectMultiple, required=False
    )


@pytest.mark.parametrize(
    "form",
    [
        Choices(),
        Choices(initial={"corner": "b", "parts": [2]}),
        Choices({"corner": "z", "parts": ["1"]}),
    ],
    ids=["empty", "chosen", "with errors"],
)
def test_every_option_is_the_input_django_would_write(form) -> None:
    form.is_valid()
    for name in ("corner", "parts"):
        for option in form[name]:
            assert choice_input(option) == option.tag()
