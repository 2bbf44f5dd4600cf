"""`gezien serve` as an operator uses it: it prepares the data folder, serves with the
production server and stops cleanly on Ctrl-C."""

import gzip
import stat
import urllib.request
from pathlib import Path

import pytest

from tests.support import Server

pytestmark = pytest.mark.browser


def test_it_prepares_the_data_folder_serves_and_stops_cleanly_on_ctrl_c() -> None:
    server = Server()
    server.start()
    try:
        with urllib.request.urlopen(server.url + "/") as response:
            assert response.headers["Server"].startswith("gunicorn")
            assert "Snel weg" in response.read().decode()
        data = Path(server.data_dir)
        key = data / "secret_key"
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
        if "GEZIEN_DATABASE_URL" not in server.env:
            database = data / "gezien.sqlite3"
            assert database.exists()
            assert stat.S_IMODE(database.stat().st_mode) & 0o077 == 0
        assert (data / "static" / "staticfiles.json").exists()
    finally:
        assert server.stop() == 0


def test_static_files_are_compressed_and_cached_for_long(server) -> None:
    with urllib.request.urlopen(server.url + "/") as response:
        html = response.read().decode()
    css_path = html.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert ".css" in css_path and css_path.count(".") >= 2, "hashed file name expected"
    request = urllib.request.Request(server.url + css_path, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert "immutable" in response.headers["Cache-Control"]
        assert gzip.decompress(response.read()).startswith(b"/* Gezien")
