"""Benchmark (not a test): how long a login and sealing a record take on this machine.

    .venv/bin/python benchmarks/vault.py

A login is the password check plus the key derivation (two Argon2id runs); a wrong passphrase
and an unknown username must cost the same (the difference is printed); sealing and opening
are AES-256-GCM on a 1 KB record."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

os.environ["GEZIEN_DATA_DIR"] = tempfile.mkdtemp(prefix="gezien-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gezien.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from gezien.accounts import services  # noqa: E402
from gezien.vault import crypto  # noqa: E402


def _measure(label: str, run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    median = statistics.median(times)
    print(f"{label:<32} median {median:8.3f} ms   p95 {p95:8.3f} ms   (n={repeat})")
    return median


def main() -> int:
    call_command("migrate", verbosity=0)
    services.create_account("benchmark", "lamp rivier brood herfst")
    params = services.DEFAULT_KDF
    print(
        f"Argon2id: t={params.time_cost}, m={params.memory_kib // 1024} MiB, p={params.parallelism}"
    )
    _measure(
        "login (right passphrase)",
        lambda: services.authenticate("benchmark", "lamp rivier brood herfst"),
        20,
    )
    wrong = _measure(
        "login (wrong passphrase)", lambda: services.authenticate("benchmark", "verkeerd"), 20
    )
    unknown = _measure(
        "login (unknown username)", lambda: services.authenticate("niemand", "verkeerd"), 20
    )
    # Both run the same two Argon2 computations, so timing must not tell whether a username
    # exists; the aim is a difference well under half of either.
    print(
        f"{'unknown vs wrong, difference':<32} "
        f"{abs(unknown - wrong) / max(unknown, wrong):8.1%}   (aim: under 50%)"
    )
    key = crypto.new_key()
    record = os.urandom(1024)
    aad = crypto.record_aad("account", "kind", "record")
    sealed = crypto.seal(key, record, aad)
    _measure("seal 1 KB", lambda: crypto.seal(key, record, aad), 2000)
    _measure("open 1 KB", lambda: crypto.open_sealed(key, sealed, aad), 2000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
