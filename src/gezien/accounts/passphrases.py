"""Passphrase rules: long enough, not common, not containing the username or 'gezien'.
No composition rules (OWASP ASVS 6.2.5)."""

from __future__ import annotations

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MIN_LENGTH = 8
MAX_LENGTH = 1024  # generous, and a bound on the work one login can cause
CONTEXT_WORDS = ("gezien",)
_common = CommonPasswordValidator()


def problems(passphrase: str, username: str) -> list[str]:
    """What is wrong with a new passphrase, in plain words; empty when it is fine."""
    found = []
    if len(passphrase) < MIN_LENGTH:
        found.append(_("Use at least %(n)d characters. A few words in a row are easy to remember.") % {"n": MIN_LENGTH})
    if len(passphrase) > MAX_LENGTH:
        found.append(_("Use at most %(n)d characters.") % {"n": MAX_LENGTH})
    folded = passphrase.casefold()
    if username and username.casefold() in folded:
        found.append(_("Do not use your username in your passphrase."))
    if any(word in folded for word in CONTEXT_WORDS):
        found.append(_("Do not use the word “gezien” in your passphrase."))
    try:
        _common.validate(passphrase)
    except ValidationError:
        found.append(_("This passphrase is used by many people, so it is easy to guess. Choose another one."))
    return found
