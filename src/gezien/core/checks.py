"""Gezien's own system checks, run by `gezien check` next to Django's deployment checks.
Each message says in plain words what is wrong and what to do."""

from __future__ import annotations

import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.db import connection


@register(Tags.security, deploy=True)
def check_secret_key_file(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    path = settings.DATA_DIR / "secret_key"
    if not path.exists():
        return []
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        return [
            Error(
                f"The secret key file {path} can be read by other users of this machine.",
                hint=f"Run: chmod 600 {path}",
                id="gezien.E001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_allowed_hosts(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    if "*" in settings.ALLOWED_HOSTS:
        return [
            Error(
                "GEZIEN_ALLOWED_HOSTS contains '*', so any host name is accepted.",
                hint="List the host names people use to reach Gezien, separated by commas.",
                id="gezien.E002",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_tls_for_public_hosts(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    local = {"127.0.0.1", "localhost", "[::1]", "::1"}
    public = [host for host in settings.ALLOWED_HOSTS if host not in local]
    if public and not settings.BEHIND_TLS:
        return [
            Warning(
                "Gezien accepts the public host name(s) "
                + ", ".join(public)
                + " but GEZIEN_BEHIND_TLS is off, so cookies are not marked Secure.",
                hint="Put Gezien behind a proxy with HTTPS and set GEZIEN_BEHIND_TLS=true.",
                id="gezien.W001",
            )
        ]
    return []


@register(Tags.database, deploy=True)
def check_sqlite_journal(
    app_configs: Sequence[AppConfig] | None = None,
    databases: Sequence[str] | None = None,
    **kwargs: Any,
) -> list[CheckMessage]:
    if connection.vendor != "sqlite" or not databases:
        return []
    with connection.cursor() as cursor:
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    if mode.lower() != "wal":
        return [
            Warning(
                f"The SQLite database uses journal mode {mode!r} instead of WAL.",
                hint="Start Gezien once with `gezien serve`; it switches the database to WAL.",
                id="gezien.W002",
            )
        ]
    return []


MIB = 1024 * 1024
# What one worker uses without any login running (measured: about 120 MiB each).
WORKER_BASE = 128 * MIB


def machine_memory() -> int | None:
    """The memory Gezien may use: the machine's, or a container's limit when lower; None
    where it cannot be read (not Linux)."""
    found = []
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                found.append(int(line.split()[1]) * 1024)
    except (OSError, ValueError):
        pass
    for limit in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            found.append(int(Path(limit).read_text().strip()))
        except (OSError, ValueError):  # absent, or "max"
            continue
    return min(found) if found else None


def login_memory(workers: int, threads: int) -> list[CheckMessage]:
    """A warning when `workers` workers of `threads` threads, each running its Argon2id
    turns at once, would need more memory than the machine has."""
    from gezien.vault import crypto

    total = machine_memory()
    runs = min(threads, crypto.ARGON2_AT_ONCE)
    argon2 = crypto.KdfParams().memory_kib * 1024
    needed = workers * (WORKER_BASE + runs * argon2)
    if total is None or needed <= total:
        return []
    return [
        Warning(
            f"With {workers} workers, a burst of logins needs up to {needed // MIB} MiB "
            f"({workers} x ({WORKER_BASE // MIB} MiB + {runs} Argon2id runs "
            f"x {argon2 // MIB} MiB)), "
            f"but this machine has {total // MIB} MiB.",
            hint="Start fewer workers (gezien serve --workers N), or give the machine more memory.",
            id="gezien.W003",
        )
    ]


@register(deploy=True)
def check_theme(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """A theme that breaks a rule stops start-up (and `gezien check`) with its file and field;
    one that loads says so, so the operator knows it is the one in use."""
    from django.core.checks import Info

    from gezien.core import theme

    loaded = theme.load()
    if loaded is None:
        return []
    return [
        Info(
            f"The theme “{loaded.name}” from {settings.DATA_DIR / theme.FILE_NAME} is in use; "
            "its colours reach the contrast Gezien needs in the light and the dark scheme.",
            id="gezien.I020",
        )
    ]
