from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gezien.partner import checkin, letter
from gezien.partner.store import MAX_TEXT_CHARS, Written

TOO_LONG = _("This is too long: at most %(limit_value)d characters. Make it shorter.")
WENT_WRONG = _("Something went wrong with this page. Nothing was kept. Please start again.")


class LetterForm(forms.Form):
    pages = forms.MultipleChoiceField(
        label=_("Pages your partner can read"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose pages from the list.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for part in letter.letter().parts:
            self.fields[part.id] = forms.CharField(
                label=part.title.get(),
                help_text=_("%(hint)s For example: “%(example)s”")
                % {"hint": part.hint.get(), "example": part.example.get()},
                required=False,
                max_length=MAX_TEXT_CHARS,
                widget=forms.Textarea(attrs={"rows": 4}),
                error_messages={"max_length": TOO_LONG},
            )
        # The page choices last, as on the partner's page.
        pages = self.fields.pop("pages")
        assert isinstance(pages, forms.MultipleChoiceField)
        pages.choices = [(page.id, page.title) for page in letter.pages()]
        self.fields["pages"] = pages

    def written(self) -> Written:
        texts = {
            part.id: self.cleaned_data[part.id].strip()
            for part in letter.letter().parts
            if self.cleaned_data[part.id].strip()
        }
        return Written(texts, tuple(self.cleaned_data["pages"]))


ACTIONS = ("next", "back", "build", "keep")
NAME_CHARS, PIECE_CHARS, AGREEMENT_CHARS = 40, 200, 300


class ConversationForm(forms.Form):
    """Where the two are in the conversation, and the few words typed so far: they travel in
    the form (POST), never in the address, and are stored nowhere unless kept as a note."""

    screen = forms.IntegerField(min_value=0, error_messages={"required": WENT_WRONG})
    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS], required=False)
    name_1 = forms.CharField(
        label=_("Name of the first person"),
        help_text=_("Only to say whose turn it is. You may leave it empty."),
        required=False,
        max_length=NAME_CHARS,
    )
    name_2 = forms.CharField(
        label=_("Name of the second person"),
        help_text=_("Only to say whose turn it is. You may leave it empty."),
        required=False,
        max_length=NAME_CHARS,
    )
    agreement = forms.CharField(
        label=_("Our agreement"),
        required=False,
        max_length=AGREEMENT_CHARS,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": TOO_LONG},
    )
    keep_agreement = forms.BooleanField(label=_("Our agreement"), required=False)
    keep_statements = forms.BooleanField(label=_("Our I-statements"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = {
            "feeling": _("I feel …"),
            "situation": _("when …"),
            "need": _("What I need: …"),
        }
        for turn in (1, 2):
            for piece in checkin.PIECES:
                self.fields[f"{piece}_{turn}"] = forms.CharField(
                    label=labels[piece],
                    required=False,
                    max_length=PIECE_CHARS,
                    error_messages={"max_length": TOO_LONG},
                )

    def clean_screen(self) -> int:
        screen: int = self.cleaned_data["screen"]
        if screen > len(checkin.screens()) + 1:
            raise forms.ValidationError(WENT_WRONG)
        return screen

    def pieces(self, turn: int) -> dict[str, str]:
        return {piece: self.cleaned_data.get(f"{piece}_{turn}", "") for piece in checkin.PIECES}
