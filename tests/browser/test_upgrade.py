"""Upgrading an installation: a database made and filled by the previous release is
migrated by this code, and the person logs in (passphrase and second step) and reads every
kind of record they stored, and a professional still opens the link they shared.

The previous release is taken from git (PREVIOUS_RELEASE) and run from a copy of its
source with this environment's packages: its own pages and its own canary writers store
one record of every kind, as a person would. Move PREVIOUS_RELEASE to each new release."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyotp
import pytest

from tests.support import Installation, Server, http_client, post_form

pytestmark = pytest.mark.browser

# The last commit on main before the hardening of issue 19 (no release is tagged yet).
PREVIOUS_RELEASE = "038475992c14137325884c6915f62a204af7063a"
ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "lamp rivier brood herfst kanarie"
MARKER = "opwaardering-merel"

# Runs inside the previous release: signs up through its pages and stores every kind of
# record with its canary writers (the same flows a person uses), plus what those writers
# did not cover yet; then checks that every kind of sealed record has a row.
WRITE_WITH_THE_PREVIOUS_RELEASE = f"""
import json, re, sys
import django
django.setup()
from django.apps import apps
from django.test import Client
from gezien.accounts.models import Account
from gezien.accounts.tests.test_canary import CANARY_WRITERS
from gezien.vault.records import SealedRecord

client = Client()
signup = {{"username": "merel", "new_passphrase": {PASSPHRASE!r}, "understood": "on"}}
response = client.post("/account/aanmelden/", signup)
assert response.status_code == 302, response.status_code
page = client.get("/account/herstelcode/").content.decode()
code = re.search(r"<code>([0-9A-Z-]+)</code>", page).group(1)
client.post("/account/herstelcode/", {{"last_part": code[-9:]}})
client.account = Account.objects.get(username="merel")
client.canary_secrets = []
texts = {{writer.__name__: writer(client, {MARKER!r}) for writer in CANARY_WRITERS}}
if "_exercise_rating" not in texts:
    rating = {{"before": "7", "after": "3", "pattern": "4-7-8"}}
    assert client.post("/oefeningen/ademhaling/", rating).status_code == 302
kinds = [m for m in apps.get_models() if issubclass(m, SealedRecord)]
empty = [m.__name__ for m in kinds if not m.objects.exists()]
assert not empty, f"no record of these kinds was made: {{empty}}"
json.dump({{"texts": texts, "secrets": client.canary_secrets}}, sys.stdout)
"""


def _previous_source(folder: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", PREVIOUS_RELEASE, "src"],
        capture_output=True,
        check=False,
    )
    assert archive.returncode == 0, (
        f"the previous release is not in this clone: {archive.stderr.decode()}"
    )
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def _run(env: dict, *args: str, code: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "gezien", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)


def _post(client, url: str, referer: str, fields: dict) -> bytes:
    page = client.open(referer, timeout=60).read().decode()
    token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
    return client.open(
        urllib.request.Request(url, data=data, headers={"Referer": referer}), timeout=120
    ).read()


def test_a_database_of_the_previous_release_is_migrated_and_everything_reads() -> None:
    installation = Installation()
    server = None
    try:
        with tempfile.TemporaryDirectory(prefix="gezien-previous-") as folder:
            previous = {
                **installation.env,
                "PYTHONPATH": str(_previous_source(Path(folder))),
                "DJANGO_SETTINGS_MODULE": "gezien.settings",
                "GEZIEN_ALLOWED_HOSTS": "testserver,127.0.0.1",
            }
            # What the previous `gezien serve` did before serving: migrate, collect static files.
            for step in (("migrate",), ("collectstatic", "--noinput")):
                done = _run(previous, "manage", *step)
                assert done.returncode == 0, done.stderr
            written = _run(previous, code=WRITE_WITH_THE_PREVIOUS_RELEASE)
            assert written.returncode == 0, written.stderr[-3000:]
        stored = json.loads(written.stdout.strip().splitlines()[-1])

        # The upgrade: this release migrates the database, then serves it.
        upgraded = _run(installation.env, "manage", "migrate")
        assert upgraded.returncode == 0, upgraded.stderr
        server = Server(installation=installation)
        server.start()

        person = http_client()
        landed = post_form(
            person,
            f"{server.url}/account/inloggen/",
            {"username": "merel", "passphrase": PASSPHRASE},
        )
        assert "/account/inloggen/code/" in landed, landed
        code = pyotp.TOTP(stored["secrets"][0]).at(time.time() + 30)
        assert post_form(person, landed, {"code": code}).endswith("/account/")

        export = _post(
            person,
            f"{server.url}/account/mijn-gegevens/export/",
            f"{server.url}/account/mijn-gegevens/",
            {},
        )
        exported = json.dumps(json.loads(export), ensure_ascii=False, indent=0).replace("\n", " ")
        for writer, text in stored["texts"].items():
            assert text is None or text in exported, f"{writer}: not readable after the upgrade"
        data = json.loads(export)
        for section in (
            "journal",
            "drafts",
            "story",
            "questionnaires",
            "safety_plan",
            "exercise_ratings",
        ):
            assert data[section], f"{section} is empty after the upgrade"
        pages = {
            "/veiligheidsplan/": MARKER,
            "/mijn-verhaal/kindertijd/": MARKER,
            "/vragenlijsten/uitslagen/": "PHQ-9",
            "/mijn-verhaal/delen/": f"Voor {MARKER}",
            "/dagboek/": MARKER,
        }
        for path, expected in pages.items():
            assert expected in person.open(f"{server.url}{path}", timeout=60).read().decode(), path

        # The link shared before the upgrade still opens, with its code, as page and PDF.
        link_id, key, access_code = stored["secrets"][-3:]
        shared = f"{server.url}/gedeeld/?{urllib.parse.urlencode({'id': link_id, 'key': key})}"
        professional = http_client()
        post_form(professional, shared, {"code": access_code})
        assert f"Mijn hulpvraag: {MARKER}" in professional.open(shared, timeout=60).read().decode()
        pdf = professional.open(shared.replace("/gedeeld/", "/gedeeld/pdf/"), timeout=120).read()
        assert pdf.startswith(b"%PDF")
    finally:
        if server is not None:
            server.stop()
        installation.remove()
