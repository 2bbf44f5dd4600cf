"""Key derivation, key wrapping and sealing (AES-256-GCM), as plain functions.

An account has one random 256-bit data key. It is stored only wrapped (encrypted) by keys
derived with Argon2id from the passphrase and from the recovery code. Content is sealed
with the data key; the associated data binds each ciphertext to its account, kind of
record and record id, so a ciphertext moved to another row or account fails to open.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
# The first byte of every sealed value; a future format gets a new number.
VERSION = b"\x01"
# Every Argon2id run holds its memory cost (64 MiB) while it runs. One process runs at most
# this many at once (login checks, new hashes and key derivations together); other threads
# wait their turn. With gunicorn's 8 threads per worker, a burst of logins then needs at
# most 2 x 64 = 128 MiB per worker instead of 8 x 64 = 512 MiB, and two runs per worker
# still keep every core busy (the README's workers = cores + 1).
ARGON2_AT_ONCE = 2
_argon2_turns = threading.BoundedSemaphore(ARGON2_AT_ONCE)


class VaultError(Exception):
    """A value could not be opened: wrong key, tampered, or moved to another record."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored with each wrapped key so they can be raised later."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 1

    def as_dict(self) -> dict[str, int]:
        return {"t": self.time_cost, "m": self.memory_kib, "p": self.parallelism}

    @classmethod
    def from_dict(cls, data: dict[str, int]) -> KdfParams:
        return cls(time_cost=data["t"], memory_kib=data["m"], parallelism=data["p"])


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


@contextmanager
def argon2_turn() -> Iterator[None]:
    """Wait for one of the process's ARGON2_AT_ONCE turns, and hold it."""
    with _argon2_turns:
        yield


def derive_key(secret: str, salt: bytes, params: KdfParams) -> bytes:
    """A key-encryption key from a passphrase or recovery code."""
    with argon2_turn():
        return hash_secret_raw(
            secret=secret.encode("utf-8"),
            salt=salt,
            time_cost=params.time_cost,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )


def seal(key: bytes, plaintext: bytes, associated_data: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return VERSION + nonce + AESGCM(key).encrypt(nonce, plaintext, VERSION + associated_data)


def open_sealed(key: bytes, sealed: bytes | memoryview, associated_data: bytes) -> bytes:
    # A BinaryField reads as memoryview on PostgreSQL.
    sealed = bytes(sealed)
    if len(sealed) < 1 + NONCE_BYTES + 16 or sealed[:1] != VERSION:
        raise VaultError("unknown or damaged format")
    nonce, body = sealed[1 : 1 + NONCE_BYTES], sealed[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, body, VERSION + associated_data)
    except InvalidTag:
        raise VaultError("cannot open: wrong key, or the value was changed or moved") from None


def record_aad(account_id: object, kind: str, record_id: object) -> bytes:
    return f"gezien:record:{account_id}:{kind}:{record_id}".encode()


def wrap_aad(account_id: object, purpose: str) -> bytes:
    return f"gezien:wrap:{account_id}:{purpose}".encode()
