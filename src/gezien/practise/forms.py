"""The ladder's forms: choosing situations, rating them, and the two halves of a try.
Choices are checked against the data file and the 0 to 10 scale; texts have a limit."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from gezien.practise import ladder, store

OWN_FIELDS = ("own_1", "own_2", "own_3")
SCALE = [(str(n), str(n)) for n in range(ladder.LOWEST, ladder.HIGHEST + 1)]
SCALE_ERRORS = {
    "required": _("Choose a number from 0 to 10."),
    "invalid_choice": _("Choose a number from 0 to 10."),
}


def distress(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages=SCALE_ERRORS,
    )


def _own(number: int) -> forms.CharField:
    return forms.CharField(
        label=format_lazy("{} {}", _("Your own situation"), number),
        required=False,
        max_length=store.MAX_SITUATION,
    )


class ChooseForm(forms.Form):
    """Step 1 of making a ladder: examples to tick, and up to three situations of one's own."""

    examples = forms.MultipleChoiceField(
        label=_("Examples"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose from the examples on this page.")},
    )
    own_1 = _own(1)
    own_2 = _own(2)
    own_3 = _own(3)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["examples"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(e.id, e.text.get()) for e in ladder.load().examples]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and not self.chosen(cleaned):
            raise forms.ValidationError(
                _("Tick an example or write a situation of your own."), code="empty"
            )
        return cleaned

    def chosen(self, cleaned: dict[str, Any] | None = None) -> list[ladder.Step]:
        """The situations chosen, as steps without an id and without a rating yet."""
        cleaned = self.cleaned_data if cleaned is None else cleaned
        catalogue = ladder.load()
        steps = []
        for example_id in cleaned.get("examples", []):
            example = catalogue.example(example_id)
            if example is not None:
                steps.append(ladder.Step("", example.text.get(), 0, example=example.id))
        for name in OWN_FIELDS:
            text = " ".join(cleaned.get(name, "").split())
            if text:
                steps.append(ladder.Step("", text, 0))
        return steps


class StepForm(forms.Form):
    """One situation of a ladder that is not stored: it travels in the form."""

    example = forms.CharField(required=False, widget=forms.HiddenInput)
    situation = forms.CharField(max_length=store.MAX_SITUATION, widget=forms.HiddenInput)
    expected = distress(_("How much distress do you expect?"))

    def clean_example(self) -> str:
        value: str = self.cleaned_data["example"]
        if value and ladder.load().example(value) is None:
            raise forms.ValidationError(_("This example does not exist."), code="unknown")
        return value

    def step(self) -> ladder.Step:
        data = self.cleaned_data
        example = ladder.load().example(data["example"]) if data["example"] else None
        text = example.text.get() if example else " ".join(data["situation"].split())
        return ladder.Step("", text, data["expected"], example=data["example"])


MAX_NEW = len(OWN_FIELDS) + 20  # every example and three of one's own, with room to spare
StepFormSet = forms.formset_factory(
    StepForm,
    extra=0,
    min_num=1,
    max_num=MAX_NEW,
    absolute_max=MAX_NEW,
    validate_min=True,
    validate_max=True,
)


def step_formset(
    data: Any = None, steps: list[ladder.Step] | None = None, rated: bool = True
) -> Any:
    """The situations of a ladder that is not stored, from the posted form (`data`) or from
    `steps` (without their rating while `rated` is False, so no number is chosen for them)."""
    initial = [
        {
            "example": s.example,
            "situation": s.situation,
            **({"expected": s.expected} if rated else {}),
        }
        for s in steps or []
    ]
    return StepFormSet(data, initial=None if data is not None else initial, prefix="step")


class BeforeForm(forms.Form):
    expected = distress(_("How much distress do you expect now?"))


class AfterForm(forms.Form):
    actual = distress(_("How much distress did you feel?"))
    happened = forms.CharField(
        label=_("What happened?"),
        help_text=_("You may leave this open."),
        required=False,
        max_length=store.MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    helped = forms.CharField(
        label=_("What helped?"),
        help_text=_("You may leave this open."),
        required=False,
        max_length=store.MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    next = forms.ChoiceField(
        label=_("How do you want to go on?"),
        choices=[
            ("again", _("I want to practise this step again")),
            ("next", _("I go on to the next step")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how you want to go on."),
            "invalid_choice": _("Choose how you want to go on."),
        },
    )
