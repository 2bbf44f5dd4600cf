"""Drafts: what a person typed is kept, sealed, never silently overwritten, and survives an
ended session; a form submitted twice stores once."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from gezien.accounts.testing import PASSPHRASE, logged_in_client
from gezien.drafts import service
from gezien.drafts.models import Draft, SubmitToken

KEY = "proef:nieuw"
FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


@pytest.fixture(autouse=True)
def test_kind(monkeypatch):
    monkeypatch.setattr(service, "_kinds", dict(service._kinds))
    service.register(
        "proef",
        fields={"tekst": "Tekst", "kleuren": "Kleuren", "stemming": "Stemming"},
        hidden={"versie"},
        texts={"tekst"},
        lists={"kleuren"},
        max_chars=100,
    )


@pytest.fixture
def client() -> Client:
    return logged_in_client()


def _form(client: Client, version: int = 0, key: str = KEY, **fields) -> dict:
    ref = service.FormRef(key, str(client.account.pk), "/terug/")
    return {"draft_key": ref.sign(), "draft_version": str(version), **fields}


def _draft(client: Client, key: str = KEY) -> service.Saved | None:
    response = client.get("/")  # any page: gives us a request with the session
    request = response.wsgi_request
    request.user = client.account
    return service.load(request, key)


def test_an_autosave_keeps_the_text_and_counts_versions(client) -> None:
    first = client.post("/concepten/bewaren/", _form(client, tekst="Ik was moe."), **FETCH)
    assert first.status_code == 200
    assert first.json()["status"] == "saved" and first.json()["version"] == 1
    second = client.post("/concepten/bewaren/", _form(client, 1, tekst="Ik was heel moe."), **FETCH)
    assert second.json()["version"] == 2
    assert _draft(client).fields == {"tekst": ["Ik was heel moe."]}


def test_the_text_is_sealed_not_stored_in_the_clear(client) -> None:
    client.post("/concepten/bewaren/", _form(client, tekst="geheim-woord-123"), **FETCH)
    record = Draft.objects.get(owner=client.account)
    assert b"geheim-woord-123" not in bytes(record.sealed)
    assert "proef" not in record.slot


def test_a_save_from_an_older_page_shows_both_versions_and_overwrites_nothing(client) -> None:
    client.post("/concepten/bewaren/", _form(client, tekst="Versie van tab A"), **FETCH)
    stale = client.post("/concepten/bewaren/", _form(client, 0, tekst="Versie van tab B"), **FETCH)
    assert stale.status_code == 409
    panel = stale.json()["panel"]
    assert "Versie van tab A" in panel and "Versie van tab B" in panel
    assert _draft(client).fields == {"tekst": ["Versie van tab A"]}


def test_the_same_text_from_an_older_page_is_no_conflict(client) -> None:
    client.post("/concepten/bewaren/", _form(client, tekst="Zelfde"), **FETCH)
    again = client.post("/concepten/bewaren/", _form(client, 0, tekst="Zelfde"), **FETCH)
    assert again.status_code == 200 and again.json()["version"] == 1


@pytest.mark.parametrize(
    ("choice", "expected"),
    [("mine", ["Van B"]), ("theirs", ["Van A"]), ("both", ["Van B\n\nVan A"])],
)
def test_the_choice_between_two_versions_becomes_the_draft(client, choice, expected) -> None:
    client.post("/concepten/bewaren/", _form(client, tekst="Van A"), **FETCH)
    form = _form(client, tekst="Van B")
    assert client.post("/concepten/bewaren/", form, **FETCH).status_code == 409
    response = client.post(
        "/concepten/kiezen/",
        {
            "draft_key": form["draft_key"],
            "base_version": "1",
            "mine:tekst": "Van B",
            "theirs:tekst": "Van A",
            "choice:tekst": choice,
        },
    )
    assert response.status_code == 302 and response["Location"] == "/terug/"
    assert _draft(client).fields["tekst"] == expected


def test_keeping_both_lists_takes_every_value_once(client) -> None:
    client.post("/concepten/bewaren/", _form(client, kleuren=["rood", "blauw"]), **FETCH)
    form = _form(client, kleuren=["blauw", "geel"])
    client.post(
        "/concepten/kiezen/",
        {
            "draft_key": form["draft_key"],
            "base_version": "1",
            "mine:kleuren": ["blauw", "geel"],
            "theirs:kleuren": ["rood", "blauw"],
            "choice:kleuren": "both",
        },
    )
    assert _draft(client).fields["kleuren"] == ["blauw", "geel", "rood"]


def test_a_conflict_without_javascript_gets_a_page_to_choose(client) -> None:
    client.post("/concepten/bewaren/", _form(client, tekst="Eerste"), **FETCH)
    page = client.post("/concepten/bewaren/", _form(client, tekst="Tweede", draft_action="save"))
    assert page.status_code == 409
    html = page.content.decode()
    assert "Eerste" in html and "Tweede" in html and 'name="choice:tekst"' in html


def test_a_step_replaces_only_its_own_fields(client) -> None:
    client.post("/concepten/bewaren/", _form(client, tekst="Blijft", kleuren=["rood"]), **FETCH)
    client.post(
        "/concepten/bewaren/",
        _form(client, 1, draft_fields="kleuren stemming", stemming="rustig"),
        **FETCH,
    )
    assert _draft(client).fields == {"tekst": ["Blijft"], "stemming": ["rustig"]}


def test_unknown_fields_and_control_characters_are_not_kept(client) -> None:
    client.post(
        "/concepten/bewaren/", _form(client, tekst="a\x00b\x1bc\r\nd", wachtwoord="x"), **FETCH
    )
    assert _draft(client).fields == {"tekst": ["abc\nd"]}


def test_too_long_text_is_refused_with_the_limit_and_nothing_changes(client) -> None:
    client.post("/concepten/bewaren/", _form(client, tekst="kort"), **FETCH)
    response = client.post("/concepten/bewaren/", _form(client, 1, tekst="x" * 101), **FETCH)
    assert response.status_code == 413
    assert "100" in response.json()["message"] and "101" in response.json()["message"]
    assert _draft(client).fields == {"tekst": ["kort"]}
    page = client.post("/concepten/bewaren/", _form(client, 1, tekst="y" * 101))
    assert page.status_code == 413 and "y" * 101 in page.content.decode()


def test_a_tampered_form_key_is_refused(client) -> None:
    form = _form(client, tekst="x")
    form["draft_key"] = form["draft_key"][:-2] + "xx"
    assert client.post("/concepten/bewaren/", form, **FETCH).status_code == 400
    assert not Draft.objects.exists()


def test_a_page_of_another_account_saves_nothing_there(client) -> None:
    other = logged_in_client("ander")
    response = other.post("/concepten/bewaren/", _form(client, tekst="van merel"), **FETCH)
    assert response.status_code == 401 and response.json()["status"] == "expired"
    assert not Draft.objects.exists()


def test_after_the_session_ended_the_text_comes_back_after_login(client, settings) -> None:
    client.post("/concepten/bewaren/", _form(client, tekst="Eerder bewaard"), **FETCH)
    stored = _stored(client)
    form = _form(client, 1, tekst="Getypt na het verlopen")
    settings.SESSION_IDLE_SECONDS = -1
    response = client.post("/concepten/bewaren/", {**form, "draft_action": "save"})
    assert response.status_code == 401
    assert "Getypt na het verlopen" in response.content.decode()
    assert _stored(client) == stored, "the saved draft changed while the session had ended"
    settings.SESSION_IDLE_SECONDS = 1500
    login = client.post(
        "/account/inloggen/?next=/concepten/terug/", {"username": "merel", "passphrase": PASSPHRASE}
    )
    assert login["Location"] == "/concepten/terug/"
    back = client.get("/concepten/terug/")
    assert back.status_code == 302 and back["Location"] == "/terug/"
    assert _draft(client).fields == {"tekst": ["Getypt na het verlopen"]}


def _stored(client: Client) -> tuple[int, bytes]:
    record = Draft.objects.get(owner=client.account)
    return record.version, bytes(record.sealed)


def test_an_autosave_after_the_session_ended_says_so(client, settings) -> None:
    settings.SESSION_IDLE_SECONDS = -1
    response = client.post("/concepten/bewaren/", _form(client, tekst="hallo"), **FETCH)
    assert response.status_code == 401
    data = response.json()
    assert data["status"] == "expired" and data["login_url"].startswith("/account/inloggen/")
    status = client.get("/concepten/status/").json()
    assert status["logged_in"] is False and status["csrf"]


def test_the_stash_opens_only_in_the_browser_that_made_it(client, settings) -> None:
    form = _form(client, tekst="alleen hier")
    settings.SESSION_IDLE_SECONDS = -1
    client.post("/concepten/bewaren/", form)
    settings.SESSION_IDLE_SECONDS = 1500
    client.cookies.pop(service.STASH_COOKIE)
    client.post("/account/inloggen/", {"username": "merel", "passphrase": PASSPHRASE})
    client.get("/concepten/terug/")
    assert not Draft.objects.exists()


def test_a_form_submitted_twice_stores_once_and_drops_the_draft(client) -> None:
    client.post("/concepten/bewaren/", _form(client, tekst="bijna klaar"), **FETCH)
    request = client.get("/").wsgi_request
    request.user = client.account
    created = []

    def create() -> str:
        created.append(1)
        return f"/ding/{len(created)}/"

    request.POST = request.POST.copy()
    request.POST["submit_token"] = "7d0c3d63-58d9-4b55-a2a4-3a3a0fbd1b1e"
    assert service.submit_once(request, create, draft=KEY) == "/ding/1/"
    assert service.submit_once(request, create, draft=KEY) == "/ding/1/"
    assert created == [1]
    assert not Draft.objects.exists()
    # A late autosave from the submitted page does not bring the draft back.
    late = client.post(
        "/concepten/bewaren/",
        {**_form(client, 1, tekst="bijna klaar"), "submit_token": request.POST["submit_token"]},
        **FETCH,
    )
    assert late.json()["status"] == "submitted"
    assert not Draft.objects.exists()


def test_a_form_without_a_valid_token_is_simply_submitted(client) -> None:
    request = client.get("/").wsgi_request
    request.user = client.account
    assert service.submit_once(request, lambda: "/x/") == "/x/"
    assert not SubmitToken.objects.exists()


def test_discarding_a_draft(client) -> None:
    form = _form(client, tekst="weg ermee")
    client.post("/concepten/bewaren/", form, **FETCH)
    response = client.post("/concepten/weggooien/", {"draft_key": form["draft_key"]})
    assert response.status_code == 302
    assert not Draft.objects.exists()


def test_prunedrafts_deletes_only_old_drafts(client, capsys) -> None:
    client.post("/concepten/bewaren/", _form(client, tekst="oud"), **FETCH)
    client.post("/concepten/bewaren/", _form(client, key="proef:ander", tekst="nieuw"), **FETCH)
    old = Draft.objects.order_by("created_at").first()
    Draft.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=31))
    call_command("prunedrafts", "--days", "30")
    assert "Deleted 1 drafts" in capsys.readouterr().out
    assert list(Draft.objects.values_list("pk", flat=True)) != [old.pk]
    assert Draft.objects.count() == 1


def test_drafts_are_in_the_export_and_go_with_the_account(client) -> None:
    client.post("/concepten/bewaren/", _form(client, tekst="in de export"), **FETCH)
    client.post("/account/bevestigen/", {"passphrase": PASSPHRASE})
    export = json.loads(client.post("/account/mijn-gegevens/export/").content)
    assert export["drafts"][0]["form"] == KEY
    assert export["drafts"][0]["fields"] == {"tekst": ["in de export"]}
    client.post("/account/verwijderen/", {"passphrase": PASSPHRASE, "sure": "on"})
    assert not Draft.objects.exists()


def test_a_form_key_must_be_registered_and_well_formed() -> None:
    with pytest.raises(ValueError):
        service.kind_of("onbekend:nieuw")
    with pytest.raises(ValueError):
        service.kind_of("proef:Met Spaties")


def test_the_form_includes_carry_the_state_and_a_button_that_works_without_javascript(
    client,
) -> None:
    from django.template.loader import render_to_string

    client.post("/concepten/bewaren/", _form(client, tekst="terug"), **FETCH)
    request = client.get("/").wsgi_request
    request.user = client.account
    state = service.form_state(request, KEY, "/terug/", ["tekst", "kleuren"])
    assert state.initial() == {"tekst": "terug"}
    html = render_to_string(
        "drafts/form_state.html", {"draft_state": state}, request
    ) + render_to_string("drafts/save_status.html", {"draft_state": state}, request)
    assert 'name="draft_version" value="1"' in html
    assert 'name="draft_fields" value="tekst kleuren"' in html
    assert 'role="status"' in html and 'formaction="/concepten/bewaren/"' in html
    assert service.unsign(state.key_token) == state.ref
