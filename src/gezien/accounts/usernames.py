"""Usernames: normalised, limited to one writing system, and compared by a 'skeleton' so a
look-alike of an existing name (Cyrillic 'а' for Latin 'a', '0' for 'o', 'rn' for 'm')
cannot be registered next to it."""

from __future__ import annotations

import unicodedata

MIN_LENGTH = 3
MAX_LENGTH = 40
ALLOWED_PUNCTUATION = "-_."

# Characters that look like Latin letters, and Latin sequences that look like one letter.
# Small on purpose: usernames are one script only, so this covers digits and the common
# Greek/Cyrillic look-alikes that a mixed-script check cannot catch in an all-Cyrillic name.
_LOOKALIKES = str.maketrans(
    {
        "0": "o",
        "1": "l",
        "i": "l",
        "|": "l",
        "5": "s",
        "8": "b",
        "а": "a",
        "в": "b",
        "е": "e",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "п": "n",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "ѕ": "s",
        "і": "l",
        "ј": "j",
        "ԁ": "d",
        "α": "a",
        "β": "b",
        "ε": "e",
        "η": "n",
        "ι": "l",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "_": "-",
        ".": "-",
    }
)
_SEQUENCES = (("rn", "m"), ("vv", "w"), ("cl", "d"))


class UsernameError(ValueError):
    pass


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def normalise(raw: str) -> str:
    """The form stored and shown; raises UsernameError with a reason in plain words."""
    name = unicodedata.normalize("NFKC", raw).strip()
    if len(name) < MIN_LENGTH:
        raise UsernameError("too_short")
    if len(name) > MAX_LENGTH:
        raise UsernameError("too_long")
    scripts = set()
    for char in name:
        if char in ALLOWED_PUNCTUATION:
            continue
        category = unicodedata.category(char)
        if not (category.startswith("L") or category == "Nd"):
            raise UsernameError("characters")
        if category.startswith("L"):
            scripts.add(_script(char))
    if len(scripts) > 1:
        raise UsernameError("mixed_scripts")
    return name


def skeleton(name: str) -> str:
    """The key two usernames share when they look alike; unique in the database."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(c for c in folded if not unicodedata.combining(c))
    bare = bare.translate(_LOOKALIKES)
    for sequence, letter in _SEQUENCES:
        bare = bare.replace(sequence, letter)
    return bare
