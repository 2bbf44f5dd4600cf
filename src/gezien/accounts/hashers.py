from django.contrib.auth.hashers import Argon2PasswordHasher


class GezienArgon2Hasher(Argon2PasswordHasher):
    """Argon2id above the OWASP ASVS 5.0 minimum (t=3 with 12 MiB, or t=2 with 19 MiB):
    3 passes over 64 MiB, one lane, so two logins at once fit a small server."""

    time_cost = 3
    memory_cost = 65536
    parallelism = 1
