from django.contrib.auth.hashers import Argon2PasswordHasher

from gezien.vault import crypto


class GezienArgon2Hasher(Argon2PasswordHasher):
    """Argon2id above the OWASP ASVS 5.0 minimum (t=3 with 12 MiB, or t=2 with 19 MiB):
    3 passes over 64 MiB, one lane. Every run waits for one of the process's Argon2 turns
    (vault.crypto.ARGON2_AT_ONCE), so a burst of logins cannot take all the memory."""

    time_cost = 3
    memory_cost = 65536
    parallelism = 1

    def encode(self, password: str, salt: str) -> str:
        with crypto.argon2_turn():
            return super().encode(password, salt)

    def verify(self, password: str, encoded: str) -> bool:
        with crypto.argon2_turn():
            return super().verify(password, encoded)
