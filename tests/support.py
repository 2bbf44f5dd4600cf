"""Helpers for tests that start Gezien as separate processes."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit


def fresh_postgres_database(url: str) -> tuple[str, Callable[[], None]]:
    """A new, empty database on the PostgreSQL server of `url`, and a function to drop it."""
    import psycopg

    name = f"gezien_t_{secrets.token_hex(4)}"
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunsplit(parts._replace(path=f"/{name}")), drop


class Installation:
    """A Gezien installation of its own: a data folder and, when the suite runs on
    PostgreSQL, a database of its own on the same server."""

    def __init__(self) -> None:
        self.data_dir = tempfile.mkdtemp(prefix="gezien-install-")
        self.env = {
            k: v for k, v in os.environ.items() if not k.startswith("GEZIEN_") and k != "DJANGO_SETTINGS_MODULE"
        }
        self.env["GEZIEN_DATA_DIR"] = self.data_dir
        self._drop = None
        given = os.environ.get("GEZIEN_DATABASE_URL", "")
        if given.startswith("postgres"):
            self.env["GEZIEN_DATABASE_URL"], self._drop = fresh_postgres_database(given)

    def gezien(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "gezien", *args], env=self.env, input=stdin, capture_output=True,
            text=True, timeout=300,
        )

    def python(self, code: str) -> subprocess.CompletedProcess:
        """Run Python with Django set up for this installation."""
        setup = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='gezien.settings'; django.setup()\n"
        return subprocess.run(
            [sys.executable, "-c", setup + code], env=self.env, capture_output=True, text=True, timeout=300
        )

    def remove(self) -> None:
        if self._drop:
            self._drop()
