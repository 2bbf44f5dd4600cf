"""Helpers for tests that start Gezien as separate processes: an installation of its own,
`gezien serve` on it, and a plain HTTP client that fills in forms as a browser would."""

from __future__ import annotations

import http.cookiejar
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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
            k: v
            for k, v in os.environ.items()
            if not k.startswith("GEZIEN_") and k != "DJANGO_SETTINGS_MODULE"
        }
        self.env["GEZIEN_DATA_DIR"] = self.data_dir
        self._drop = None
        given = os.environ.get("GEZIEN_DATABASE_URL", "")
        if given.startswith("postgres"):
            self.env["GEZIEN_DATABASE_URL"], self._drop = fresh_postgres_database(given)

    def gezien(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "gezien", *args],
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def python(self, code: str) -> subprocess.CompletedProcess:
        """Run Python with Django set up for this installation."""
        setup = (
            "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='gezien.settings'; "
            "django.setup()\n"
        )
        return subprocess.run(
            [sys.executable, "-c", setup + code],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def remove(self) -> None:
        if self._drop:
            self._drop()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _NeutralSite(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<!doctype html><title>Weer</title><p>Het weer</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def _start_neutral_site() -> str:
    site = ThreadingHTTPServer(("127.0.0.1", 0), _NeutralSite)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{site.server_address[1]}/"


EXIT_URL = _start_neutral_site()


class Server:
    def __init__(
        self, same_data_as: Server | None = None, installation: Installation | None = None
    ) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.drop_database = None
        if same_data_as is not None:
            # A second server process on the same data: another machine behind a proxy.
            self.installation = same_data_as.installation
        elif installation is not None:
            self.installation = installation  # prepared by the test, which also removes it
        else:
            self.installation = Installation()
            self.drop_database = self.installation.remove
        self.env, self.data_dir = self.installation.env, self.installation.data_dir
        self.env["GEZIEN_EXIT_URL"] = EXIT_URL
        # Every questionnaire's pages are checked, also those an operator must switch on.
        self.env.setdefault("GEZIEN_INSTRUMENTS", "all")
        self.process: subprocess.Popen | None = None
        self.first_line = ""

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gezien", "serve", "--port", str(self.port), "--workers", "2"],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # its own process group, so crash() reaches the workers too
        )
        self.first_line = self.process.stdout.readline().strip()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gezien serve did not start: {self.first_line}")

    def crash(self) -> None:
        """kill -9 the server and its workers at once, as a power cut or the OOM killer would."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> int:
        """Stop the way a person does, with Ctrl-C (SIGINT); return the exit status."""
        assert self.process is not None
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=30)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            if self.drop_database:
                self.drop_database()


def http_client() -> urllib.request.OpenerDirector:
    """A plain HTTP client with its own cookies, for tests that need no browser. Cookies are
    not bound to a port, so one client can carry a session from one server to another."""
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )


def post_form(
    client: urllib.request.OpenerDirector, url: str, fields: dict, timeout: float = 30
) -> str:
    """Open the form page at `url`, send it with `fields` and the hidden fields the page has
    (the CSRF token, a draft's state) as a browser would; return the URL it ended on."""
    page = client.open(url, timeout=timeout).read().decode()
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    data = urllib.parse.urlencode({**hidden, **fields}).encode()
    request = urllib.request.Request(url, data=data, headers={"Referer": url})
    with client.open(request, timeout=timeout) as response:
        return response.geturl()
