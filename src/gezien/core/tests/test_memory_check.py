"""`gezien check` warns when the workers' logins at once would not fit in the machine's
memory (each Argon2id run takes 64 MiB)."""

from __future__ import annotations

import argparse

from gezien import cli
from gezien.core import checks

MIB = 1024 * 1024


def test_check_warns_when_logins_at_once_would_not_fit_in_memory(monkeypatch, capsys) -> None:
    monkeypatch.setattr(checks, "machine_memory", lambda: 1024 * MIB)
    cli._check(argparse.Namespace(workers=8))
    out = capsys.readouterr().out
    assert "warning gezien.W003" in out and "8 workers" in out and "1024 MiB" in out
    assert "what to do: Start fewer workers" in out


def test_no_memory_warning_when_it_fits(monkeypatch, capsys) -> None:
    monkeypatch.setattr(checks, "machine_memory", lambda: 64 * 1024 * MIB)
    cli._check(argparse.Namespace(workers=8))
    assert "gezien.W003" not in capsys.readouterr().out
