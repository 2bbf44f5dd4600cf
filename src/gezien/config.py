"""Reading Gezien's configuration from the environment.

Every value has a safe default. A wrong value raises ConfigError with a one-line message
that names the variable, so the command line can print it instead of a traceback.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url


class ConfigError(Exception):
    """A configuration value in the environment is wrong."""


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in ("true", "1", "yes"):
        return True
    if raw in ("false", "0", "no"):
        return False
    raise ConfigError(f"{name}: use true or false, not {raw!r}")


def env_int(name: str, default: int, minimum: int, maximum: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}: must be a whole number, not {raw!r}") from None
    if not minimum <= value <= maximum:
        raise ConfigError(f"{name}: must be between {minimum} and {maximum}, not {value}")
    return value


def env_list(name: str) -> tuple[str, ...]:
    """A comma-separated list; empty when the variable is not set."""
    raw = os.environ.get(name, "")
    return tuple(part.strip() for part in raw.split(",") if part.strip())


def data_dir() -> Path:
    """The folder that holds all of Gezien's state; created when missing."""
    raw = os.environ.get("GEZIEN_DATA_DIR", "").strip()
    if raw:
        path = Path(raw).expanduser()
    else:
        base = os.environ.get("XDG_DATA_HOME", "").strip() or Path.home() / ".local" / "share"
        path = Path(base) / "gezien"
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(f"GEZIEN_DATA_DIR: cannot create {path}: {error.strerror}") from None
    if not os.access(path, os.W_OK):
        raise ConfigError(f"GEZIEN_DATA_DIR: {path} is not writable")
    return path.resolve()


def secret_key(folder: Path) -> str:
    """GEZIEN_SECRET_KEY, or a key kept in the data folder (created once, mode 0600)."""
    given = os.environ.get("GEZIEN_SECRET_KEY", "")
    if given:
        if len(given) < 50:
            raise ConfigError("GEZIEN_SECRET_KEY: must be at least 50 characters long")
        return given
    path = folder / "secret_key"
    try:
        # O_EXCL: two workers starting at once must not write two different keys.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text().strip()
        if len(key) < 50:
            raise ConfigError(f"GEZIEN_DATA_DIR: the key file {path} is damaged") from None
        return key
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secrets.token_urlsafe(64))
    return path.read_text().strip()


def database(folder: Path) -> dj_database_url.DBConfig:
    raw = os.environ.get("GEZIEN_DATABASE_URL", "").strip()
    if not raw:
        raw = f"sqlite:///{folder / 'gezien.sqlite3'}"
    scheme = urlsplit(raw).scheme
    if scheme not in ("sqlite", "postgres", "postgresql"):
        raise ConfigError(
            "GEZIEN_DATABASE_URL: use sqlite:///path/to/file.sqlite3 or postgres://user:pass@host/name"
        )
    try:
        config = dj_database_url.parse(raw)
    except ValueError as error:
        raise ConfigError(f"GEZIEN_DATABASE_URL: {error}") from None
    if scheme == "sqlite":
        name = config.get("NAME") or ""
        if not name or name == ":memory:":
            raise ConfigError("GEZIEN_DATABASE_URL: give the SQLite file as sqlite:///path/file")
        config["OPTIONS"] = {
            # WAL lets readers and one writer work at once; synchronous=FULL makes an
            # acknowledged write survive a power loss; IMMEDIATE takes the write lock at the
            # start of a transaction so concurrent writers wait (busy timeout) instead of failing.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    else:
        if not config.get("NAME"):
            raise ConfigError("GEZIEN_DATABASE_URL: the database name is missing")
        config["CONN_MAX_AGE"] = 60
        config["CONN_HEALTH_CHECKS"] = True
    return config


def allowed_hosts() -> list[str]:
    raw = os.environ.get("GEZIEN_ALLOWED_HOSTS", "").strip()
    if not raw:
        return ["127.0.0.1", "localhost", "[::1]"]
    hosts = [host.strip() for host in raw.split(",") if host.strip()]
    for host in hosts:
        bare = host if host.startswith("[") else host.replace(":", "/")
        if "/" in bare or " " in bare:
            raise ConfigError(
                f"GEZIEN_ALLOWED_HOSTS: {host!r} is not a host name (no scheme, port or path)"
            )
    return hosts


def exit_url() -> str:
    raw = os.environ.get("GEZIEN_EXIT_URL", "").strip() or "https://www.buienradar.nl/"
    parts = urlsplit(raw)
    # Plain http is accepted only for a site on this machine (used by the browser tests).
    loopback = parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost")
    if not (parts.scheme == "https" or loopback) or not parts.netloc:
        raise ConfigError("GEZIEN_EXIT_URL: must be a full https:// address of a neutral site")
    return raw
