"""Accounts without identity, the vault behind them, and logging in safely."""

from __future__ import annotations

import re
import time

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from gezien.accounts import services, sessions, throttle
from gezien.accounts.models import Account, SessionRecord, Throttle
from gezien.accounts.testing import (
    PASSPHRASE,
    logged_in_client,
    make_account,
    shown_recovery_code,
)
from gezien.vault import crypto
from gezien.vault import session as vault_session


def _signup(client: Client, username: str = "merel", passphrase: str = PASSPHRASE):
    return client.post(
        "/account/aanmelden/",
        {"username": username, "new_passphrase": passphrase, "understood": "on"},
    )


def _errors(response) -> list[str]:
    return re.findall(r'class="error-message">([^<]*)', response.content.decode())


def test_the_password_hash_meets_the_asvs_minimum_for_argon2id() -> None:
    # The production settings and classes, not the faster ones the test settings use.
    from gezien import settings as production
    from gezien.accounts.hashers import GezienArgon2Hasher

    assert production.PASSWORD_HASHERS == ["gezien.accounts.hashers.GezienArgon2Hasher"]
    hasher = GezienArgon2Hasher()
    assert hasher.algorithm == "argon2"
    params = hasher.params()
    assert params.type.name == "ID"
    memory_mib = params.memory_cost / 1024
    assert (
        (params.time_cost >= 3 and memory_mib >= 12)
        or (params.time_cost >= 2 and memory_mib >= 19)
        or (params.time_cost >= 1 and memory_mib >= 46)
    )
    kdf = crypto.KdfParams()
    assert kdf.time_cost >= 3 and kdf.memory_kib >= 12 * 1024
    assert not hasattr(production, "GEZIEN_TEST_KDF")


def test_signup_asks_nothing_but_a_username_and_a_passphrase(client: Client) -> None:
    html = client.get("/account/aanmelden/").content.decode()
    inputs = set(re.findall(r'<input[^>]+name="([^"]+)"', html)) - {"csrfmiddlewaretoken"}
    assert inputs == {"username", "new_passphrase", "understood"}
    assert 'autocomplete="new-password"' in html
    assert "niemand" in html.lower()  # says plainly that nobody can open lost data


def test_signup_shows_the_recovery_code_once_and_asks_to_confirm_it(client: Client) -> None:
    response = _signup(client)
    assert response["Location"] == "/account/herstelcode/"
    code = shown_recovery_code(client)
    assert client.get("/account/").status_code == 302  # confirm first
    download = client.get("/account/herstelcode/bestand/")
    assert code in download.content.decode()
    wrong = client.post("/account/herstelcode/", {"last_part": "AAAA-AAAA"})
    assert _errors(wrong)
    right = client.post("/account/herstelcode/", {"last_part": code[-9:].lower()})
    assert right["Location"] == "/account/"
    assert client.get("/account/").status_code == 200
    assert client.get("/account/herstelcode/").status_code == 302  # never shown again


@pytest.mark.parametrize(
    "passphrase,accepted",
    [
        ("kort123", False),  # 7 characters
        ("acht8888", True),
        ("correct horse battery staple", True),
        ("wachtwoord123", False),  # common
        ("password", False),
        ("ikbenmerel!!", False),  # contains the username
        ("mijn gezien wachtwoord", False),
        ("ö" * 128 + " ✓ spaties", True),  # long Unicode, kept as typed
        ("x" * 1025, False),
    ],
)
def test_passphrase_rules(client: Client, passphrase: str, accepted: bool) -> None:
    response = _signup(client, "merel", passphrase)
    assert (response.status_code == 302) is accepted, _errors(response)
    assert Account.objects.exists() is accepted


def test_a_long_unicode_passphrase_works_exactly_as_typed(client: Client) -> None:
    passphrase = "zeeën en bergen 🌊 " * 6
    make_account("zee", passphrase)
    assert services.authenticate("zee", passphrase) is not None
    assert services.authenticate("zee", passphrase[:-2] + "x ") is None
    assert services.authenticate("zee", passphrase.upper()) is None


def test_a_taken_or_lookalike_username_is_refused_and_nothing_is_stored(client: Client) -> None:
    make_account("merel")
    for name in ("merel", "Merel", "mere1", "ｍｅｒｅｌ"):
        response = _signup(Client(), name, "een heel ander wachtwoord")
        assert "taken" in str(_errors(response)) or "bezet" in str(_errors(response))
    assert Account.objects.count() == 1


@pytest.mark.parametrize("username", ["", "ab", "x" * 300, "a b c", "<script>", "mеrel"])
def test_bad_usernames_get_a_clear_message(client: Client, username: str) -> None:
    response = _signup(client, username)
    assert response.status_code == 200
    assert _errors(response)
    assert not Account.objects.exists()


def test_wrong_passphrase_and_unknown_user_look_the_same(client: Client) -> None:
    make_account("merel")
    unknown = Client().post("/account/inloggen/", {"username": "qwxz", "passphrase": PASSPHRASE})
    wrong = Client().post(
        "/account/inloggen/", {"username": "merel", "passphrase": "verkeerd wachtwoord"}
    )
    assert unknown.status_code == wrong.status_code == 200

    def page(response) -> str:
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
        return re.sub(r'value="(qwxz|merel)"', "", html)

    assert page(unknown) == page(wrong)


def test_login_gives_a_new_session_id_and_unlocks_the_vault() -> None:
    make_account("merel")
    client = Client()
    client.get("/")
    client.session.save()
    before = client.session.session_key
    response = client.post("/account/inloggen/", {"username": "merel", "passphrase": PASSPHRASE})
    assert response.status_code == 302
    assert client.session.session_key != before
    assert vault_session.COOKIE in client.cookies
    assert client.cookies[vault_session.COOKIE]["httponly"]


def test_the_session_table_alone_does_not_reveal_the_data_key() -> None:
    client = logged_in_client()
    stored = Session.objects.get(session_key=client.session.session_key).session_data
    unlocked = services.authenticate("merel", PASSPHRASE)
    import base64

    for form in (unlocked.data_key.hex(), base64.b64encode(unlocked.data_key).decode()):
        assert form not in stored
    # Without the cookie the sealed key in the session does not open.
    client.cookies.pop(vault_session.COOKIE)
    assert client.get("/account/").status_code == 302


def test_repeated_failures_slow_down_but_never_lock_out_for_long() -> None:
    make_account("merel")
    client = Client()
    for _ in range(throttle.ACCOUNT_FREE + 3):
        client.post("/account/inloggen/", {"username": "merel", "passphrase": "fout fout fout"})
    response = client.post("/account/inloggen/", {"username": "merel", "passphrase": PASSPHRASE})
    assert response.status_code == 200  # the right passphrase also waits
    assert "seconden" in response.content.decode() or "seconds" in response.content.decode()
    blocked = Throttle.objects.exclude(blocked_until=None)
    waits = [(row.blocked_until - timezone.now()).total_seconds() for row in blocked]
    assert waits and 0 < max(waits) <= throttle.LONGEST_WAIT.total_seconds()
    # Throttle rows hold no usernames or addresses.
    for row in Throttle.objects.all():
        assert "merel" not in row.key and "127.0.0.1" not in row.key
    Throttle.objects.update(blocked_until=None)
    assert (
        Client()
        .post("/account/inloggen/", {"username": "merel", "passphrase": PASSPHRASE})
        .status_code
        == 302
    )


def test_logout_makes_the_old_session_useless() -> None:
    client = logged_in_client()
    key = client.session.session_key
    client.post("/account/uitloggen/")
    assert not Session.objects.filter(session_key=key).exists()
    replay = Client()
    replay.cookies["sessionid"] = key
    assert replay.get("/account/").status_code == 302


def test_idle_and_absolute_expiry_end_the_session(settings) -> None:
    client = logged_in_client()
    session = client.session
    session[sessions.SEEN_AT] = time.time() - settings.SESSION_IDLE_SECONDS - 5
    session.save()
    response = client.get("/account/")
    assert (
        response["Location"].startswith("/account/inloggen/")
        and "verlopen=1" in response["Location"]
    )
    assert "verlopen" in client.get(response["Location"]).content.decode()

    client = logged_in_client()
    session = client.session
    session[sessions.AUTH_AT] = time.time() - settings.SESSION_MAX_SECONDS - 5
    session.save()
    assert client.get("/account/").status_code == 302


def test_extending_the_session_resets_the_idle_clock() -> None:
    client = logged_in_client()
    session = client.session
    session[sessions.SEEN_AT] = time.time() - 600
    session.save()
    assert client.post("/account/verlengen/", HTTP_X_REQUESTED_WITH="fetch").status_code == 204
    assert time.time() - client.session[sessions.SEEN_AT] < 5


def test_changing_the_passphrase_needs_the_current_one_and_keeps_the_data() -> None:
    client = logged_in_client()
    account = client.account
    before = services.authenticate("merel", PASSPHRASE).data_key
    wrong = client.post(
        "/account/wachtwoord/",
        {"current_passphrase": "niet goed", "new_passphrase": "vier nieuwe losse woorden"},
    )
    assert _errors(wrong)
    other = logged_in_client()
    ok = client.post(
        "/account/wachtwoord/",
        {"current_passphrase": PASSPHRASE, "new_passphrase": "vier nieuwe losse woorden"},
    )
    assert ok.status_code == 302
    assert services.authenticate("merel", PASSPHRASE) is None
    assert services.authenticate("merel", "vier nieuwe losse woorden").data_key == before
    assert other.get("/account/").status_code == 302  # logged out elsewhere
    assert client.get("/account/").status_code == 200
    account.refresh_from_db()
    assert account.credentials_changed_at is not None


def test_the_next_login_shows_a_notice_after_a_credential_change() -> None:
    client = logged_in_client()
    client.post(
        "/account/wachtwoord/",
        {"current_passphrase": PASSPHRASE, "new_passphrase": "vier nieuwe losse woorden"},
    )
    later = Client()
    later.post(
        "/account/inloggen/", {"username": "merel", "passphrase": "vier nieuwe losse woorden"}
    )
    html = later.get("/account/").content.decode()
    assert "gewijzigd" in html


def test_a_recovery_code_resets_the_passphrase_once_and_is_replaced() -> None:
    unlocked, code = services.create_account("merel", PASSPHRASE)
    elsewhere = logged_in_client()
    client = Client()
    response = client.post(
        "/account/vergeten/",
        {
            "username": "merel",
            "recovery_code": code.lower(),
            "new_passphrase": "nieuw begin vandaag hier",
        },
    )
    assert response["Location"] == "/account/herstelcode/"
    new_code = shown_recovery_code(client)
    assert new_code != code
    assert services.authenticate("merel", "nieuw begin vandaag hier").data_key == unlocked.data_key
    assert elsewhere.get("/account/").status_code == 302
    again = Client().post(
        "/account/vergeten/",
        {"username": "merel", "recovery_code": code, "new_passphrase": "nog een keer anders"},
    )
    assert again.status_code == 200 and "herstelcode" in again.content.decode().lower()
    assert services.reset_with_recovery_code("merel", new_code, "nog een keer anders") is not None


def test_the_session_list_shows_browsers_and_ends_one_or_all() -> None:
    phone = logged_in_client()
    laptop = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0")
    laptop.post("/account/inloggen/", {"username": "merel", "passphrase": PASSPHRASE})
    html = phone.get("/account/sessies/").content.decode()
    assert "Firefox op Linux" in html
    record = SessionRecord.objects.get(browser__startswith="Firefox")
    phone.post(f"/account/sessies/{record.pk}/beeindigen/")
    assert laptop.get("/account/").status_code == 302
    laptop.post("/account/inloggen/", {"username": "merel", "passphrase": PASSPHRASE})
    phone.post("/account/sessies/andere-beeindigen/")
    assert laptop.get("/account/").status_code == 302
    assert phone.get("/account/").status_code == 200


def test_export_asks_for_the_passphrase_again_after_a_while_then_gives_the_file_at_once() -> None:
    client = logged_in_client()
    session = client.session
    session[sessions.PASSPHRASE_AT] = time.time() - 600
    session.save()
    page = client.get("/account/mijn-gegevens/").content.decode()
    assert 'name="export-passphrase"' in page
    refused = client.post("/account/mijn-gegevens/export/", {"export-passphrase": "fout"})
    assert refused.status_code == 400 and "Content-Disposition" not in refused
    assert "Dit wachtwoord klopt niet." in refused.content.decode()
    export = client.post("/account/mijn-gegevens/export/", {"export-passphrase": PASSPHRASE})
    assert export["Content-Disposition"].startswith("attachment;")
    data = export.json()
    assert data["account"]["username"] == "merel"
    assert data["account"]["sessions"]
    # Entered just now: the next download needs no passphrase.
    assert 'name="export-passphrase"' not in client.get("/account/mijn-gegevens/").content.decode()
    assert client.post("/account/mijn-gegevens/export/").json()["account"]["username"] == "merel"


def test_deleting_the_account_needs_the_passphrase_and_removes_everything() -> None:
    client = logged_in_client()
    other = logged_in_client()
    refused = client.post("/account/verwijderen/", {"passphrase": "fout", "sure": "on"})
    assert refused.status_code == 400 and Account.objects.exists()
    done = client.post("/account/verwijderen/", {"passphrase": PASSPHRASE, "sure": "on"})
    assert done.status_code == 200
    assert not Account.objects.exists()
    assert not SessionRecord.objects.exists()
    assert other.get("/account/").status_code == 302


def test_a_tampered_wrapped_key_never_opens_and_the_login_fails_cleanly() -> None:
    account = make_account("merel")
    other = make_account("vink")
    # Swap the wrapped keys between two accounts: each is bound to its own account.
    Account.objects.filter(pk=account.pk).update(key_by_passphrase=other.key_by_passphrase)
    response = Client().post("/account/inloggen/", {"username": "merel", "passphrase": PASSPHRASE})
    assert response.status_code == 200
    assert "klopt niet" in response.content.decode() or "not right" in response.content.decode()


def test_forms_without_a_csrf_token_change_nothing() -> None:
    client = logged_in_client()
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    response = strict.post("/account/verwijderen/", {"passphrase": PASSPHRASE, "sure": "on"})
    assert response.status_code == 403
    assert Account.objects.exists()


def test_a_replayed_signup_does_not_create_a_second_account() -> None:
    data = {"username": "merel", "new_passphrase": PASSPHRASE, "understood": "on"}
    Client().post("/account/aanmelden/", data)
    Client().post("/account/aanmelden/", data)
    assert Account.objects.count() == 1


def test_logins_and_failures_are_logged_without_secrets(caplog) -> None:
    caplog.set_level("INFO")
    make_account("merel")
    Client().post("/account/inloggen/", {"username": "merel", "passphrase": "fout fout fout"})
    Client().post("/account/inloggen/", {"username": "merel", "passphrase": PASSPHRASE})
    assert "login failed" in caplog.text and "login ok" in caplog.text
    assert PASSPHRASE not in caplog.text and "fout fout fout" not in caplog.text


def test_a_sealed_value_copied_to_another_account_gives_a_calm_error_page() -> None:
    from gezien.journal.models import JournalEntry

    owner = logged_in_client("merel")
    thief = logged_in_client("vink")
    owner.post("/dagboek/nieuw/", {"happened": "Van merel"})
    thief.post("/dagboek/nieuw/", {"happened": "Van vink"})
    stolen = JournalEntry.objects.get(owner=owner.account).sealed
    JournalEntry.objects.filter(owner=thief.account).update(sealed=stolen)
    response = thief.get("/dagboek/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Dit kan niet worden geopend</h1>" in page
    assert "Van merel" not in page and "Traceback" not in page
    assert owner.get("/dagboek/").status_code == 200


def test_confirming_the_passphrase_gives_a_new_session_id() -> None:
    client = logged_in_client()
    before = client.session.session_key
    client.post("/account/bevestigen/", {"passphrase": PASSPHRASE})
    assert client.session.session_key != before
    assert SessionRecord.objects.filter(session_key=client.session.session_key).exists()
    assert client.get("/account/").status_code == 200


def test_logout_asks_the_browser_to_forget_cache_cookies_and_storage() -> None:
    client = logged_in_client()
    response = client.post("/account/uitloggen/")
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'


def test_behind_proxies_the_throttle_uses_the_forwarded_address(settings, rf) -> None:
    from gezien.accounts.services import client_address as _client

    request = rf.get("/", HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.9", REMOTE_ADDR="10.0.0.2")
    assert _client(request) == "10.0.0.2"
    settings.PROXY_COUNT = 1
    assert _client(request) == "203.0.113.9"  # the address the trusted proxy saw
    settings.PROXY_COUNT = 2
    assert _client(request) == "198.51.100.7"


def test_wrong_current_passphrases_are_throttled_too() -> None:
    client = logged_in_client()
    for _ in range(throttle.ACCOUNT_FREE + 1):
        client.post(
            "/account/wachtwoord/",
            {"current_passphrase": "fout", "new_passphrase": "vier nieuwe losse woorden"},
        )
    response = client.post(
        "/account/wachtwoord/",
        {"current_passphrase": PASSPHRASE, "new_passphrase": "vier nieuwe losse woorden"},
    )
    assert "seconden" in response.content.decode()
    assert services.authenticate("merel", PASSPHRASE) is not None
