"""Sharing on the person's terms: what is shared, who can open it, for how long."""

from __future__ import annotations

import io
import json
import logging
import re
import time
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pypdf
import pytest
from django.test import Client
from django.utils import timezone
from fhir.resources.bundle import Bundle

from gezien.accounts import sessions
from gezien.accounts.models import Account, Throttle
from gezien.accounts.testing import PASSPHRASE, logged_in_client
from gezien.sharing import links as sharing
from gezien.sharing.models import Share, ShareOpening
from gezien.sharing.tests.support import preview, share
from gezien.story.models import HelpQuestion, StoryPeriod
from gezien.story.tests.support import make_help_question, write_period

SHARED = "Op school was ik altijd de stille."
NOT_SHARED = "Niemand vroeg hoe het met mij ging."


@pytest.fixture
def person() -> Client:
    client = logged_in_client()
    write_period(client, "jeugd", "youth", happened=SHARED, missed=NOT_SHARED)
    make_help_question(client, bothers="Ik slaap slecht", pace="slow")
    return client


def _pdf_text(body: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(body)).pages)


def _professional(path: str) -> dict:
    browser = Client()
    page = browser.get(path)
    return {
        "page": page,
        "pdf": browser.get(path.replace("/gedeeld/", "/gedeeld/pdf/")),
        "fhir": browser.get(path.replace("/gedeeld/", "/gedeeld/fhir/")),
    }


def test_the_professional_reads_exactly_the_chosen_parts_in_html_pdf_and_fhir(person) -> None:
    made = share(person, ["story.youth.happened", "help.question"])
    assert made["response"].status_code == 200
    seen = _professional(made["path"])
    html = seen["page"].content.decode()
    pdf_text = _pdf_text(seen["pdf"].content)
    fhir_json = seen["fhir"].content.decode()
    for shown in (html, pdf_text, fhir_json):
        assert SHARED in shown and "Ik slaap slecht" in shown
        assert NOT_SHARED not in shown and "Rustig, met veel tijd" not in shown
    Bundle.parse_obj(json.loads(fhir_json))
    assert seen["pdf"]["Content-Type"] == "application/pdf"
    assert seen["fhir"]["Content-Type"].startswith("application/fhir+json")
    for download in (seen["pdf"], seen["fhir"]):
        assert download["Content-Disposition"].startswith('attachment; filename="document-')


def test_every_professional_answer_is_private_and_not_indexed(person) -> None:
    made = share(person, ["help.question"])
    responses = [*_professional(made["path"]).values(), Client().get("/gedeeld/?id=x&key=y")]
    for response in responses:
        assert response["X-Robots-Tag"].startswith("noindex")
        assert response["Cache-Control"] == "no-store"
        assert response["Referrer-Policy"] == "no-referrer"


def test_switching_language_on_the_shared_page_comes_back_to_it(person) -> None:
    made = share(person, ["help.question"])
    browser = Client()
    page = browser.get(made["path"]).content.decode()
    switch = unescape(re.search(r'class="language-switch" href="([^"]+)"', page).group(1))
    back = browser.get(switch)
    assert back.status_code == 302 and back["Location"] == made["path"]
    assert "Summary for a professional" in browser.get(back["Location"]).content.decode()


def test_the_link_has_128_plus_bits_and_the_database_keeps_only_a_hash_of_the_id(person) -> None:
    made = share(person, ["help.question"])
    query = parse_qs(urlsplit(made["path"]).query)
    link_id, key = query["id"][0], query["key"][0]
    assert len(link_id) == 22 and len(key) == 43  # 16 and 32 random bytes
    row = Share.objects.values().get()
    stored = json.dumps(
        {
            k: (bytes(v).hex() if isinstance(v, (bytes, memoryview)) else str(v))
            for k, v in row.items()
        }
    )
    assert link_id not in stored and key not in stored
    assert row["link_hash"] == sharing.link_hash(link_id)


@pytest.mark.parametrize(
    "alter",
    [
        lambda link_id, key: f"?id={link_id}",
        lambda link_id, key: f"?key={key}",
        lambda link_id, key: (
            f"?id={link_id}&key={key[:-1]}B" if key[-1] != "B" else f"?id={link_id}&key={key[:-1]}C"
        ),
        lambda link_id, key: f"?id={link_id}&key={'A' * 43}",
        lambda link_id, key: f"?id={link_id[:-2]}AA&key={key}",
        lambda link_id, key: f"?id={link_id}&key={key}==",
        lambda link_id, key: "?id=%C3%A9%00&key=%FF",
        lambda link_id, key: f"?id={link_id}&key={key * 50}",
    ],
    ids=[
        "no-key",
        "no-id",
        "altered-key",
        "wrong-key",
        "altered-id",
        "padded-key",
        "garbage",
        "huge",
    ],
)
def test_a_broken_link_shows_the_calm_page_and_nothing_else(person, alter) -> None:
    made = share(person, ["help.question"])
    query = parse_qs(urlsplit(made["path"]).query)
    suffix = alter(query["id"][0], query["key"][0])
    for base in ("/gedeeld/", "/gedeeld/pdf/", "/gedeeld/fhir/"):
        response = Client().get(base + suffix)
        assert response.status_code == 404
        body = response.content.decode()
        assert "Deze link werkt niet meer" in body and "slaap" not in body


def test_expired_and_revoked_links_stop_and_their_snapshot_is_deleted(person) -> None:
    expired = share(person, ["help.question"], days=1)
    revoked = share(person, ["help.question"], days=30)
    Share.objects.filter(pk=Share.objects.order_by("created_at").first().pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    stop = Share.objects.order_by("created_at").last()
    assert person.post(f"/mijn-verhaal/delen/{stop.pk}/stoppen/").status_code == 302
    for made in (expired, revoked):
        response = Client().get(made["path"])
        assert (
            response.status_code == 404 and "Deze link werkt niet meer" in response.content.decode()
        )
    assert list(Share.objects.values_list("snapshot", flat=True)) == [None, None]
    overview = person.get("/mijn-verhaal/delen/").content.decode()
    assert "Gestopt op" in overview and "Verlopen op" in overview


def test_an_access_code_is_asked_first_then_everything_opens(person) -> None:
    made = share(person, ["help.question"], with_code=True)
    assert made["code"] and len(made["code"]) == 9
    browser = Client()
    asked = browser.get(made["path"])
    assert "slaap" not in asked.content.decode() and 'name="code"' in asked.content.decode()
    locked_pdf = browser.get(made["path"].replace("/gedeeld/", "/gedeeld/pdf/"))
    assert locked_pdf.status_code == 404 and locked_pdf["Content-Type"].startswith("text/html")
    typed = made["code"].lower().replace("-", " ")
    answer = browser.post(made["path"], {"code": typed})
    assert answer.status_code == 303
    assert "Ik slaap slecht" in browser.get(made["path"]).content.decode()
    assert browser.get(made["path"].replace("/gedeeld/", "/gedeeld/pdf/")).status_code == 200


def test_wrong_access_codes_are_slowed_down_and_then_lock_the_share_for_good(person) -> None:
    made = share(person, ["help.question"], with_code=True)
    guesser = Client()
    statuses = [guesser.post(made["path"], {"code": "AAAA-AAAA"}).status_code for _ in range(5)]
    assert statuses[: sharing.CODE_FREE_FAILURES] == [400] * sharing.CODE_FREE_FAILURES
    assert 429 in statuses
    while Share.objects.get().locked_at is None:
        Throttle.objects.update(blocked_until=None)  # as if the guesser waited each time
        response = guesser.post(made["path"], {"code": "AAAA-AAAA"})
        assert response.status_code in (400, 404)
    assert Share.objects.get().failed_codes == sharing.MAX_CODE_FAILURES
    assert Share.objects.get().snapshot is None
    Throttle.objects.all().delete()
    right = Client().post(made["path"], {"code": made["code"]})
    assert right.status_code == 404 and "slaap" not in right.content.decode()
    assert "te vaak verkeerd" in person.get("/mijn-verhaal/delen/").content.decode()


def test_the_person_sees_when_and_how_the_link_was_opened_and_no_ip_is_kept(person) -> None:
    made = share(person, ["help.question"], label="Huisarts")
    _professional(made["path"])
    assert sorted(ShareOpening.objects.values_list("what", flat=True)) == ["fhir", "page", "pdf"]
    fields = {f.name for f in ShareOpening._meta.get_fields()}
    assert fields == {"id", "share", "opened_at", "what", "count"}
    overview = person.get("/mijn-verhaal/delen/").content.decode()
    assert "Huisarts" in overview and "3 keer" in overview and "PDF gedownload" in overview
    assert b"Huisarts" not in bytes(Share.objects.get().sealed)


@pytest.mark.parametrize("days", [0, 31, "x"])
def test_the_expiry_must_be_one_to_thirty_days(person, days) -> None:
    form = preview(person, ["help.question"])
    response = person.post(
        "/mijn-verhaal/delen/nieuw/",
        {
            "parts": ["help.question"],
            "days": days,
            "digest": form["digest"],
            "form_token": form["form_token"],
        },
    )
    assert response.status_code == 400 and "error-summary" in response.content.decode()
    assert not Share.objects.exists()


def test_sharing_asks_for_the_passphrase_again_after_a_while(person) -> None:
    form = preview(person, ["help.question"])
    session = person.session
    session[sessions.PASSPHRASE_AT] = time.time() - 3600
    session.save()
    response = person.post(
        "/mijn-verhaal/delen/nieuw/",
        {
            "parts": ["help.question"],
            "days": 7,
            "digest": form["digest"],
            "form_token": form["form_token"],
            "back": "/mijn-verhaal/samenvatting/",
        },
    )
    assert response.status_code == 302 and response["Location"].startswith("/account/bevestigen/")
    assert not Share.objects.exists()
    person.post("/account/bevestigen/", {"passphrase": PASSPHRASE})
    chosen = person.get("/mijn-verhaal/samenvatting/").content.decode()
    assert 'value="help.question" id="part-1-1" checked' in chosen


def test_the_same_share_form_sent_twice_makes_one_link(person) -> None:
    made = share(person, ["help.question"])
    again = person.post("/mijn-verhaal/delen/nieuw/", made["data"])
    assert again.status_code == 302 and again["Location"] == "/mijn-verhaal/delen/"
    assert Share.objects.count() == 1


def test_a_change_after_the_preview_is_shown_again_before_sharing(person) -> None:
    form = preview(person, ["story.youth.happened"])
    write_period(person, "jeugd", "youth", version=1, happened="Iets anders", missed=NOT_SHARED)
    response = person.post(
        "/mijn-verhaal/delen/nieuw/",
        {
            "parts": ["story.youth.happened"],
            "days": 7,
            "digest": form["digest"],
            "form_token": form["form_token"],
        },
    )
    assert response.status_code == 409 and "Iets anders" in response.content.decode()
    assert not Share.objects.exists()


def test_nothing_chosen_or_unknown_parts_give_a_clear_message(person) -> None:
    for parts in ([], ["story.youth.secret"]):
        response = person.post("/mijn-verhaal/samenvatting/bekijken/", {"parts": parts})
        assert response.status_code == 400 and "error-summary" in response.content.decode()


def test_the_person_downloads_their_own_pdf_of_the_chosen_parts(person) -> None:
    response = person.post("/mijn-verhaal/samenvatting/pdf/", {"parts": ["story.youth.missed"]})
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="document-{timezone.localdate().isoformat()}.pdf"'
    )
    text = _pdf_text(response.content)
    assert NOT_SHARED in text and SHARED not in text and "Gemaakt op" in text


def test_the_link_id_and_key_are_never_logged(person, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    made = share(person, ["help.question"], with_code=True)
    query = parse_qs(urlsplit(made["path"]).query)
    browser = Client()
    browser.post(made["path"], {"code": "WRONG"})
    browser.post(made["path"], {"code": made["code"]})
    _professional(made["path"])
    Client().get(made["path"].replace("key=", "key=x"))
    assert caplog.text
    for secret in (query["id"][0], query["key"][0], made["code"]):
        assert secret not in caplog.text


def test_story_help_question_and_shares_are_exported_and_erased_with_the_account(person) -> None:
    share(person, ["help.question"], label="Praktijkondersteuner")
    _professional(share(person, ["story.youth.happened"])["path"])
    person.post("/account/bevestigen/", {"passphrase": PASSPHRASE})
    exported = json.loads(person.post("/account/mijn-gegevens/export/").content)["story"]
    assert exported["story"]["youth"]["missed"] == NOT_SHARED
    assert "Ik slaap slecht" in exported["help_question"]["text"]
    labels = [s["label"] for s in exported["shares"]]
    assert "Praktijkondersteuner" in labels
    assert any(s["openings"] for s in exported["shares"])
    person.post("/account/verwijderen/", {"passphrase": PASSPHRASE, "sure": "on"})
    assert not Account.objects.exists()
    for model in (StoryPeriod, HelpQuestion, Share, ShareOpening):
        assert not model.objects.exists()
