from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gezien.story import helpquestion
from gezien.story.periods import Period
from gezien.story.store import MAX_PART_CHARS

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

TEXT_LIMIT = _(
    "This is too long: at most %(limit_value)d characters. Nothing was saved; make it shorter."
)


def _text(label: StrOrPromise, hint: StrOrPromise = "", limit: int = 4000) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        required=False,
        max_length=limit,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": TEXT_LIMIT},
    )


class PeriodForm(forms.Form):
    """The questions of one period; every one may stay empty. Field names are
    "<period>_<question>", so a draft's fields can be named on the conflict page."""

    story_version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        error_messages={"required": _("This page is too old. Open this part of your story again.")},
    )

    def __init__(self, *args: Any, period: Period, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.period = period
        for question in period.questions:
            self.fields[field_name(period, question.key)] = _text(
                question.label, question.hint, MAX_PART_CHARS
            )
            self.fields[field_name(period, question.key)].widget.attrs["rows"] = 6

    def parts(self) -> dict[str, str]:
        return {
            q.key: self.cleaned_data[field_name(self.period, q.key)] for q in self.period.questions
        }


def field_name(period: Period, question: str) -> str:
    return f"{period.key}_{question}"


class HelpQuestionForm(forms.Form):
    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        phrases = helpquestion.load()

        def one(group: str, label: StrOrPromise) -> forms.ChoiceField:
            return forms.ChoiceField(
                label=label,
                required=False,
                widget=forms.RadioSelect,
                choices=phrases.choices(group, language),
            )

        def several(group: str, label: StrOrPromise) -> forms.MultipleChoiceField:
            return forms.MultipleChoiceField(
                label=label,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=phrases.choices(group, language),
            )

        self.fields.update(
            {
                "bothers": _text(
                    _("What bothers you most at the moment?"),
                    _(
                        "In your own words. For example: I often feel empty, or I get angry "
                        "quickly."
                    ),
                ),
                "since": one("since", _("Since when has this been going on?")),
                "tried": several("tried", _("What have you tried already?")),
                "tried_other": forms.CharField(
                    label=_("Something else you tried"),
                    required=False,
                    max_length=300,
                    error_messages={"max_length": TEXT_LIMIT},
                ),
                "goal": _text(
                    _("What would you like to reach?"),
                    _("For example: I want to feel what I need, or I want to sleep better."),
                ),
                "pace": one("pace", _("What pace suits you?")),
                "approach": several("approach", _("How would you like to work in therapy?")),
                "setting": one("setting", _("On your own or in a group?")),
                "gender": one("gender", _("Do you prefer a man or a woman as therapist?")),
                "not_wanted": _text(
                    _("What do you not want?"),
                    _(
                        "For example: no group, no homework, no talking about my parents right "
                        "away."
                    ),
                ),
                "practical": _text(
                    _("Practical matters"),
                    _("For example: times that suit you, travel, online or in person, costs."),
                ),
            }
        )


class HelpQuestionTextForm(forms.Form):
    text = _text(_("Your help question"), _("Change anything you like. These are your words."))
