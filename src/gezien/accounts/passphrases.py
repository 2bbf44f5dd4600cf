"""Passphrase rules: long enough, not common, not containing the username or 'gezien'.
No composition rules (OWASP ASVS 6.2.5)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MIN_LENGTH = 8
MAX_LENGTH = 1024  # generous, and a bound on the work one login can cause
CONTEXT_WORDS = ("gezien",)
_common = CommonPasswordValidator()
_TRAILING = re.compile(r"[\d\W_]+$")


@cache
def _common_dutch() -> frozenset[str]:
    lines = Path(__file__).with_name("common-nl.txt").read_text().splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _is_common(passphrase: str) -> bool:
    folded = passphrase.casefold().strip()
    base = _TRAILING.sub("", folded)
    if folded in _common_dutch() or base in _common_dutch():
        return True
    try:
        _common.validate(passphrase)
        _common.validate(base)
    except ValidationError:
        return True
    return False


def problems(passphrase: str, username: str) -> list[str]:
    """What is wrong with a new passphrase, in plain words; empty when it is fine."""
    found = []
    if len(passphrase) < MIN_LENGTH:
        found.append(
            _("Use at least %(n)d characters. A few words in a row are easy to remember.")
            % {"n": MIN_LENGTH}
        )
    if len(passphrase) > MAX_LENGTH:
        found.append(_("Use at most %(n)d characters.") % {"n": MAX_LENGTH})
    folded = passphrase.casefold()
    if username and username.casefold() in folded:
        found.append(_("Do not use your username in your passphrase."))
    if any(word in folded for word in CONTEXT_WORDS):
        found.append(_("Do not use the word “gezien” in your passphrase."))
    if _is_common(passphrase):
        found.append(
            _("This passphrase is used by many people, so it is easy to guess. Choose another one.")
        )
    return found
