from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gezien.accounts import passphrases, usernames

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

USERNAME_MESSAGES = {
    "too_short": _("Use at least %(n)d characters."),
    "too_long": _("Use at most %(n)d characters."),
    "characters": _("Use only letters, digits, and - _ or ."),
    "mixed_scripts": _("Use letters from one alphabet only."),
}


def _username_field() -> forms.CharField:
    return forms.CharField(
        label=_("Username"),
        max_length=200,
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


def _passphrase_field(
    label: StrOrPromise, autocomplete: str, help_text: StrOrPromise = ""
) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        strip=False,
        max_length=passphrases.MAX_LENGTH * 4,
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}),
    )


def _code_field(label: StrOrPromise, help_text: StrOrPromise = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=100,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


NEW_PASSPHRASE_HELP = _(
    "At least 8 characters. Tip: four loose words, such as “lamp river bread autumn”, are strong "
    "and easy to remember."
)


class NewPassphraseMixin(forms.Form):
    """Checks the new passphrase against the rules and the username it belongs to."""

    def username_for_check(self) -> str:
        username: str = self.cleaned_data.get("username", "")
        return username

    def clean_new_passphrase(self) -> str:
        value: str = self.cleaned_data["new_passphrase"]
        for problem in passphrases.problems(value, self.username_for_check()):
            self.add_error("new_passphrase", problem)
        return value


class SignupForm(NewPassphraseMixin, forms.Form):
    username = _username_field()
    new_passphrase = _passphrase_field(_("Passphrase"), "new-password", NEW_PASSPHRASE_HELP)
    understood = forms.BooleanField(
        label=_(
            "I understand: without my passphrase or recovery code, nobody can open my data. Not "
            "even the people who run Gezien."
        ),
    )
    field_order = ["username", "new_passphrase", "understood"]

    def clean_username(self) -> str:
        try:
            return usernames.normalise(self.cleaned_data["username"])
        except usernames.UsernameError as error:
            limit = usernames.MIN_LENGTH if str(error) == "too_short" else usernames.MAX_LENGTH
            raise forms.ValidationError(
                USERNAME_MESSAGES[str(error)], params={"n": limit}
            ) from None


class LoginForm(forms.Form):
    username = _username_field()
    passphrase = _passphrase_field(_("Passphrase"), "current-password")


class SecondStepForm(forms.Form):
    code = _code_field(
        _("Code"),
        _("The 6 digits from your authenticator app, or one of your backup codes."),
    )


class ConfirmRecoveryForm(forms.Form):
    last_part = _code_field(
        _("The last 8 characters of your recovery code"),
        _("This checks that you saved the code well. Dashes and spaces do not matter."),
    )


class ChangePassphraseForm(NewPassphraseMixin, forms.Form):
    current_passphrase = _passphrase_field(_("Current passphrase"), "current-password")
    new_passphrase = _passphrase_field(_("New passphrase"), "new-password", NEW_PASSPHRASE_HELP)

    def __init__(self, *args: Any, username: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._username = username

    def username_for_check(self) -> str:
        return self._username


class ResetForm(NewPassphraseMixin, forms.Form):
    username = _username_field()
    recovery_code = _code_field(_("Recovery code"))
    second_step_code = forms.CharField(
        label=_("Code from your authenticator app (only if you turned on the second step)"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    new_passphrase = _passphrase_field(_("New passphrase"), "new-password", NEW_PASSPHRASE_HELP)


class PassphraseForm(forms.Form):
    passphrase = _passphrase_field(_("Passphrase"), "current-password")


class DeleteAccountForm(forms.Form):
    passphrase = _passphrase_field(_("Passphrase"), "current-password")
    sure = forms.BooleanField(label=_("Yes, delete my account and everything in it for good."))


class TotpConfirmForm(forms.Form):
    code = _code_field(_("The 6 digits your app shows now"))
