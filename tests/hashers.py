from gezien.accounts.hashers import GezienArgon2Hasher


class LightArgon2Hasher(GezienArgon2Hasher):
    """Argon2id at a test-only cost (see tests/settings.py)."""

    time_cost = 1
    memory_cost = 8192
