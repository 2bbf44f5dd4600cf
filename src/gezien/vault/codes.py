"""Human-friendly random codes (recovery and backup codes), in Crockford's base32: no
I, L, O or U, so nothing is confused when it is copied by hand."""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})


def new_code(groups: int) -> str:
    """`groups` groups of four characters, 20 random bits each."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(groups * 4))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def canonical(typed: str) -> str:
    """What the person typed, without spaces or dashes, in capitals, look-alikes mapped."""
    kept = "".join(c for c in typed.upper() if c.isalnum())
    return kept.translate(_READ_AS)


def code_hash(code: str) -> str:
    return hashlib.sha256(canonical(code).encode()).hexdigest()
