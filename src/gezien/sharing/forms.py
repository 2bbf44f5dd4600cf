from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gezien.core.summary import AUDIENCES, PROFESSIONAL, Section
from gezien.sharing import links

TEXT_LIMIT = _(
    "This is too long: at most %(limit_value)d characters. Nothing was saved; make it shorter."
)


class ChooseForm(forms.Form):
    """Which parts go into the summary. Checkboxes are drawn per section in the template."""

    parts = forms.MultipleChoiceField(
        required=True,
        error_messages={"required": _("Choose at least one part to put in the summary.")},
    )

    def __init__(self, *args: Any, sections: list[Section], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parts = self.fields["parts"]
        assert isinstance(parts, forms.MultipleChoiceField)
        parts.choices = [(p.key, p.title) for s in sections for p in s.parts]


class ShareForm(ChooseForm):
    label = forms.CharField(
        label=_("Who is this link for? (only you see this)"),
        help_text=_("For example: my GP. You may leave this empty."),
        required=False,
        max_length=60,
        error_messages={"max_length": TEXT_LIMIT},
    )
    days = forms.IntegerField(
        label=_("How many days may the link work?"),
        min_value=links.MIN_DAYS,
        max_value=links.MAX_DAYS,
        initial=7,
        error_messages={
            "min_value": _("Choose at least %(limit_value)s day."),
            "max_value": _("Choose at most %(limit_value)s days."),
            "invalid": _("Type a number of days, for example 7."),
            "required": _("Type a number of days, for example 7."),
        },
    )
    with_code = forms.BooleanField(
        label=_("Also protect the link with an access code"),
        help_text=_(
            "Gezien makes a code. Give it to the professional separately, for example by phone."
        ),
        required=False,
    )
    digest = forms.CharField(widget=forms.HiddenInput, max_length=64)
    audience = forms.ChoiceField(
        widget=forms.HiddenInput,
        choices=[(a, a) for a in AUDIENCES],
        initial=PROFESSIONAL,
        required=False,
    )
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The parts were chosen on the page before; here they ride along unseen.
        self.fields["parts"].widget = forms.MultipleHiddenInput()
        self.fields["days"].help_text = _(
            "From %(min)d to %(max)d days. After that the link stops and the summary is deleted."
        ) % {"min": links.MIN_DAYS, "max": links.MAX_DAYS}


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Access code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        help_text=_("The person gave you this code separately. Dashes and spaces do not matter."),
        error_messages={"required": _("Type the access code.")},
    )
