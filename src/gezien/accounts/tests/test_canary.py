"""The canary: a unique marker stored through every feature that stores text must appear
nowhere in the clear: not in the database file (or a pg_dump), not in the logs, not in a
backup. The same holds for the passphrase, the recovery code and the data key.

When a feature starts storing text, add a writer to CANARY_WRITERS: a function that takes
a logged-in client (with `.account`) and the marker, and stores the marker through the
feature's own pages (the way a person would). Every kind of sealed record needs a writer,
also one without free text: the key-replacement test (vault/tests/test_rotation.py) uses
these writers and fails for a kind none of them stores."""

from __future__ import annotations

import base64
import glob
import io
import json
import logging
import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test import Client
from pypdf import PdfReader

from gezien.accounts.testing import shown_recovery_code
from gezien.core import backup
from gezien.sharing.tests.support import share
from gezien.vault import session as vault_session

PASSPHRASE_BASE = "lamp rivier brood herfst"
# Unusual characters in the shared story: making its PDF must not put their glyph names
# (which spell out what was written) into the log.
UNUSUAL = "Ω ß Ж € ½"
GLYPH_NAMES = ["Omega", "germandbls", "uni0416", "Euro", "onehalf"]


def _second_step(client: Client, marker: str) -> str | None:
    # The authenticator secret is personal: it is sealed, never stored in the clear.
    import pyotp

    page = client.get("/account/tweede-stap/toevoegen/").content.decode()
    secret = re.search(r'<code lang="en">([A-Z2-7]+)</code>', page).group(1)
    client.post("/account/tweede-stap/toevoegen/", {"code": pyotp.TOTP(secret).now()})
    client.canary_secrets.append(secret)
    return None  # the export's "second_step" shows it was stored


def _safety_plan(client: Client, marker: str) -> str | None:
    response = client.post("/veiligheidsplan/", {"action": "save", "warning_signs_1": marker})
    assert response.status_code == 302
    return marker


def _questionnaire(client: Client, marker: str) -> str | None:
    # Answers are numbers, so the marker cannot be typed in; an item id that exists only
    # inside the sealed answers shows whether they were ever stored or logged in the clear.
    answers = {f"phq9_{n}": "2" for n in range(1, 10)}
    response = client.post("/vragenlijsten/phq9/", {**answers, "keep": "on"})
    assert response.status_code == 302
    client.canary_secrets.append("phq9_9")
    return '"phq9_9": 2'


def _form_state(client: Client, path: str) -> dict:
    page = client.get(path).content.decode()
    return {
        name: re.search(rf'name="{name}" value="([^"]*)"', page).group(1)
        for name in ("draft_key", "draft_version", "submit_token")
    }


def _journal_entry(client: Client, marker: str) -> str | None:
    state = _form_state(client, "/dagboek/nieuw/")
    response = client.post(
        "/dagboek/nieuw/", {**state, "happened": f"Vandaag {marker}", "feeling_note": marker}
    )
    assert response.status_code == 302
    return f"Vandaag {marker}"


def _draft(client: Client, marker: str) -> str | None:
    # What the autosave script sends while a person types.
    state = _form_state(client, "/dagboek/stap/verder/")
    response = client.post(
        "/concepten/bewaren/", {**state, "thoughts": marker}, HTTP_X_REQUESTED_WITH="fetch"
    )
    assert response.json()["status"] == "saved"
    return marker


def _story(client: Client, marker: str) -> str | None:
    text = f"Thuis {marker} {UNUSUAL}"
    data = {"story_version": 0, "childhood_happened": text}
    response = client.post("/mijn-verhaal/kindertijd/", data)
    assert response.status_code == 302
    return text


def _help_question(client: Client, marker: str) -> str | None:
    response = client.post(
        "/mijn-verhaal/hulpvraag/", {"bothers": f"Last van {marker}", "practical": marker}
    )
    assert response.status_code == 302
    response = client.post("/mijn-verhaal/hulpvraag/tekst/", {"text": f"Mijn hulpvraag: {marker}"})
    assert response.status_code == 302
    return f"Mijn hulpvraag: {marker}"


def _share(client: Client, marker: str) -> str | None:
    # The link's id and key and the access code are secrets too: only hashes may be stored.
    made = share(
        client,
        ["help.question", "story.childhood.happened"],
        with_code=True,
        label=f"Voor {marker}",
    )
    query = parse_qs(urlsplit(made["path"]).query)
    client.shared_link = (query["id"][0], query["key"][0], made["code"])
    client.canary_secrets += list(client.shared_link)
    professional = Client()
    professional.post(made["path"], {"code": made["code"]})
    page = professional.get(made["path"]).content.decode()
    assert f"Mijn hulpvraag: {marker}" in page
    fhir = professional.get(made["path"].replace("/gedeeld/", "/gedeeld/fhir/")).content.decode()
    assert f"Mijn hulpvraag: {marker}" in fhir
    pdf = professional.get(made["path"].replace("/gedeeld/", "/gedeeld/pdf/"))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert marker in " ".join(text.split()).replace("- ", ""), "the marker is not in the shared PDF"
    return f"Voor {marker}"


def _exercise_rating(client: Client, marker: str) -> str | None:
    # Numbers only: the export shows the rating was stored.
    rating = {"before": "7", "after": "3", "pattern": "4-7-8"}
    response = client.post("/oefeningen/ademhaling/", rating)
    assert response.status_code == 302
    return None


def _reflection(client: Client, marker: str) -> str | None:
    # What a person recognises is a list of statement ids: one that exists only inside the
    # sealed reflection shows whether it was ever stored or logged in the clear.
    chosen = {"statements": ["no-room-for-feelings"], "action": "keep"}
    response = client.post("/herkennen/", chosen)
    assert response.status_code == 302
    client.canary_secrets.append("no-room-for-feelings")
    return '"no-room-for-feelings"'


def _ladder_step(client: Client, marker: str) -> str | None:
    from gezien.practise.models import LadderStep
    from gezien.practise.tests.support import make_ladder, try_step

    assert make_ladder(client, [("", f"Nee zeggen {marker}", 4)]).status_code == 302
    step = LadderStep.objects.get(owner=client.account).pk
    response = try_step(
        client, step, expected=4, actual=2, happened=marker, helped=f"Adem {marker}"
    )
    assert response.status_code == 302
    return f"Adem {marker}"


def _session_reflection(client: Client, marker: str) -> str | None:
    from gezien.therapyfit.tests.support import reflect

    response = reflect(client, "2026-12-01", "bit", with_whom=marker, note=f"Bespreken {marker}")
    assert response.status_code == 302
    return f"Bespreken {marker}"


CANARY_WRITERS = [
    _second_step,
    _safety_plan,
    _questionnaire,
    _journal_entry,
    _draft,
    _story,
    _help_question,
    _exercise_rating,
    _share,
    _reflection,
    _ladder_step,
    _session_reflection,
]


def _database_bytes() -> bytes:
    if connection.vendor == "sqlite":
        name = connection.settings_dict["NAME"]
        return b"".join(Path(path).read_bytes() for path in glob.glob(f"{name}*"))
    dump = shutil.which("pg_dump") or next(
        iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_dump"))), None
    )
    assert dump, "pg_dump is needed for the canary test on PostgreSQL"
    params = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": params.get("PASSWORD") or ""}
    command = [
        dump,
        "-h",
        params["HOST"] or "localhost",
        "-p",
        str(params["PORT"] or 5432),
        "-U",
        params["USER"],
        "--data-only",
        params["NAME"],
    ]
    return subprocess.run(command, env=env, capture_output=True, check=True).stdout


def _backup_bytes(folder: Path) -> bytes:
    """A backup made with `gezien backup`'s own code, as text a search can look into: the
    SQLite copy as it is, a pg_dump archive (compressed) turned back into SQL."""
    target = folder / "canary.backup"
    backup.backup(target)
    if connection.vendor == "sqlite":
        return target.read_bytes()
    command = [backup._pg_tool("pg_restore"), "--data-only", "--file=-", str(target)]
    return subprocess.run(command, capture_output=True, check=True).stdout


@pytest.mark.django_db(transaction=True)
def test_nothing_personal_is_stored_logged_or_backed_up_in_the_clear(
    caplog, tmp_path, monkeypatch
) -> None:
    caplog.set_level(logging.DEBUG)
    # On a machine without libharfbuzz-subset, WeasyPrint subsets fonts with fontTools,
    # which reports the glyph names of what it subsets: the PDFs here are made that way.
    import weasyprint.pdf.fonts

    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    marker = f"kanarie-{uuid.uuid4().hex}"
    passphrase = f"{PASSPHRASE_BASE} {marker}"
    client = Client()
    response = client.post(
        "/account/aanmelden/",
        {"username": "vink", "new_passphrase": passphrase, "understood": "on"},
    )
    assert response.status_code == 302
    recovery_code = shown_recovery_code(client)
    client.post("/account/herstelcode/", {"last_part": recovery_code[-9:]})
    from gezien.accounts.models import Account

    client.account = Account.objects.get(username="vink")
    client.canary_secrets = []
    stored_by = {writer.__name__: writer(client, marker) for writer in CANARY_WRITERS}
    # The data key of this session, taken from the running app, to look for it too.
    request = type("R", (), {})()
    request.session = client.session
    request.COOKIES = {vault_session.COOKIE: client.cookies[vault_session.COOKIE].value}
    data_key = vault_session.data_key(request)

    # Every writer's text really was stored: the person's own export shows each decrypted.
    client.post("/account/bevestigen/", {"passphrase": passphrase})
    export = json.loads(client.post("/account/mijn-gegevens/export/").content)
    assert export["account"]["username"] == "vink" and export["account"]["second_step"] is True
    exported = json.dumps(export, ensure_ascii=False, indent=0).replace("\n", " ")
    for writer, text in stored_by.items():
        assert text is None or text in exported, f"{writer} stored nothing that the export shows"

    stored = _database_bytes()
    backed_up = _backup_bytes(tmp_path)
    assert b"vink" in backed_up, "the backup cannot be searched (the username is stored as it is)"
    logged = caplog.text.encode()
    secrets = [
        marker,
        passphrase,
        recovery_code,
        recovery_code.replace("-", ""),
        *client.canary_secrets,
    ]
    for secret in secrets:
        assert secret.encode() not in stored, f"{secret[:12]}… is in the database"
        assert secret.encode() not in logged, f"{secret[:12]}… is in the log"
        assert secret.encode() not in backed_up, f"{secret[:12]}… is in the backup"
    for glyph in GLYPH_NAMES:
        assert glyph.encode() not in logged, f"the glyph name {glyph} is in the log"
    for form in (
        data_key,
        data_key.hex().encode(),
        base64.b64encode(data_key),
        base64.urlsafe_b64encode(data_key),
    ):
        assert form not in stored, "the data key is in the database"
        assert form not in backed_up, "the data key is in the backup"


# --- the check-up and the partner's side (issue 18) -------------------------------------


def _checkup(client: Client, marker: str) -> str | None:
    # The plan (its own sealed kind), a check-up whose K10 answers are kept by the measure
    # app, and the reflections in the check-up's own record.
    from gezien.checkup.tests.support import answers, set_up, take

    set_up(client, ["k10"], weeks=6)
    take(client, {"k10": answers("k10", 3, 10)}, {"better": f"Beter {marker}", "need": marker})
    return f"Beter {marker}"


def _partner_view(client: Client, marker: str) -> str | None:
    # What the person writes for their partner, shared with a code; the partner's link id,
    # key and code are secrets like a professional's.
    from gezien.partner.tests.support import share_with_partner, write

    write(client, helps=f"Helpt {marker}", pages=["voor-partners"])
    made = share_with_partner(client, ["partner.helps", "partner.pages"], with_code=True)
    query = parse_qs(urlsplit(made["path"]).query)
    client.canary_secrets += [query["id"][0], query["key"][0], made["code"]]
    partner = Client()
    partner.post(made["path"], {"code": made["code"]})
    assert f"Helpt {marker}" in partner.get(made["path"]).content.decode()
    return f"Helpt {marker}"


def _checkin_note(client: Client, marker: str) -> str | None:
    from gezien.partner.tests.support import hidden, walk

    end = walk(client, agreement=f"Afspraak {marker}")
    response = client.post(
        "/samen-praten/", {**hidden(end), "action": "keep", "keep_agreement": "on"}
    )
    assert response.status_code == 302
    return f"Afspraak {marker}"


CANARY_WRITERS += [_checkup, _partner_view, _checkin_note]
