"""`gezien backup PATH` and `gezien restore PATH`: a consistent copy of the database while
Gezien keeps running, and putting one back.

SQLite uses its online backup API (a consistent snapshot, page by page, with progress);
PostgreSQL uses pg_dump/pg_restore in their custom format. Personal content in a backup is
ciphertext, exactly as in the database."""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from django.db import connection

SQLITE_HEADER = b"SQLite format 3\x00"
PGDUMP_HEADER = b"PGDMP"
PAGES_PER_STEP = 256


class BackupError(Exception):
    """Something an operator must fix; the message says what."""


def _progress(label: str) -> Callable[[int, int, int], None]:
    def report(status: int, remaining: int, total: int) -> None:
        done = total - remaining
        sys.stderr.write(f"\r{label}: {100 * done // max(total, 1):3d}% ({done}/{total} pages)")
        if remaining == 0:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return report


def _pg_tool(name: str) -> str:
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if not found:
        raise BackupError(f"{name} is needed for PostgreSQL; install the PostgreSQL client tools")
    return found


def _pg_env() -> dict[str, str]:
    params = connection.settings_dict
    return {
        **os.environ,
        "PGHOST": params.get("HOST") or "localhost",
        "PGPORT": str(params.get("PORT") or 5432),
        "PGUSER": params.get("USER") or "",
        "PGPASSWORD": params.get("PASSWORD") or "",
        "PGDATABASE": params["NAME"],
    }


def _run(command: list[str]) -> None:
    try:
        subprocess.run(command, env=_pg_env(), check=True)
    except subprocess.CalledProcessError as error:
        raise BackupError(
            f"{Path(command[0]).name} failed with exit status {error.returncode}"
        ) from None


def backup(target: Path) -> None:
    if target.exists():
        raise BackupError(f"{target} exists already; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        source = sqlite3.connect(connection.settings_dict["NAME"])
        destination = sqlite3.connect(target)
        try:
            source.backup(destination, pages=PAGES_PER_STEP, progress=_progress("backup"))
        finally:
            destination.close()
            source.close()
    else:
        _run(
            [_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--verbose", f"--file={target}"]
        )
    target.chmod(0o600)


def _has_data() -> bool:
    tables = connection.introspection.table_names()
    if "accounts_account" not in tables:
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM accounts_account LIMIT 1")
        return cursor.fetchone() is not None


def restore(source: Path, replace: bool) -> None:
    if not source.is_file():
        raise BackupError(f"{source} is not a file")
    header = source.open("rb").read(16)
    if _has_data() and not replace:
        raise BackupError(
            "this Gezien already holds accounts; add --replace to overwrite them with the backup"
        )
    if connection.vendor == "sqlite":
        if not header.startswith(SQLITE_HEADER):
            raise BackupError(f"{source} is not a SQLite backup of Gezien")
        connection.close()
        backup_db = sqlite3.connect(source)
        live = sqlite3.connect(connection.settings_dict["NAME"])
        try:
            backup_db.backup(live, pages=PAGES_PER_STEP, progress=_progress("restore"))
        finally:
            live.close()
            backup_db.close()
    else:
        if not header.startswith(PGDUMP_HEADER):
            raise BackupError(
                f"{source} is not a PostgreSQL backup (pg_dump custom format) of Gezien"
            )
        connection.close()
        _run(
            [
                _pg_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--verbose",
                f"--dbname={_pg_env()['PGDATABASE']}",
                str(source),
            ]
        )
