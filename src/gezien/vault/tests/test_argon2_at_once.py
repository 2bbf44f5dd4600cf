"""Bounded memory for key derivation: every Argon2id run takes 64 MiB, so one process runs
at most ARGON2_AT_ONCE of them at a time (passphrase checks, new hashes and key derivations
together); the others wait their turn and then finish normally."""

from __future__ import annotations

import threading
import time

import argon2
from django.contrib.auth.hashers import check_password, make_password

from gezien.vault import crypto


def test_at_most_a_few_argon2_runs_at_once_in_one_process(monkeypatch) -> None:
    lock = threading.Lock()
    running = {"now": 0, "most": 0}

    def counted(function):
        def run(*args, **kwargs):
            with lock:
                running["now"] += 1
                running["most"] = max(running["most"], running["now"])
            try:
                time.sleep(0.05)  # long enough for every thread to try at the same time
                return function(*args, **kwargs)
            finally:
                with lock:
                    running["now"] -= 1

        return run

    # The three places where argon2-cffi allocates its memory.
    monkeypatch.setattr(crypto, "hash_secret_raw", counted(crypto.hash_secret_raw))
    monkeypatch.setattr(argon2.low_level, "hash_secret", counted(argon2.low_level.hash_secret))
    monkeypatch.setattr(
        argon2._password_hasher, "verify_secret", counted(argon2._password_hasher.verify_secret)
    )
    stored = make_password("lamp rivier brood herfst")
    running["most"] = 0
    salt = crypto.new_salt()
    jobs = [
        lambda: crypto.derive_key(
            "lamp rivier brood herfst", salt, crypto.KdfParams(time_cost=1, memory_kib=8192)
        ),
        lambda: check_password("lamp rivier brood herfst", stored),
        lambda: make_password("een ander wachtwoord"),
    ] * 4
    results: list = [None] * len(jobs)
    start = threading.Barrier(len(jobs))

    def work(n: int) -> None:
        start.wait()
        results[n] = jobs[n]()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert 1 < running["most"] <= crypto.ARGON2_AT_ONCE
    # Those that waited finished normally.
    assert all(len(results[n]) == crypto.KEY_BYTES for n in range(0, len(jobs), 3))
    assert all(results[n] is True for n in range(1, len(jobs), 3))
    assert all(results[n].startswith("argon2$") for n in range(2, len(jobs), 3))
