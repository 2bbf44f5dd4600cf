"""The optional second step: an authenticator app with single-use backup codes."""

import re
import time

import pyotp
from django.test import Client

from gezien.accounts import sessions
from gezien.accounts.models import Account, BackupCode, TotpDevice
from gezien.accounts.testing import PASSPHRASE, logged_in_client


def _enable(client: Client) -> tuple[str, list[str]]:
    page = client.get("/account/tweede-stap/toevoegen/").content.decode()
    secret = re.search(r'<code lang="en">([A-Z2-7]+)</code>', page).group(1)
    assert "<svg" in page  # the QR code is drawn here, not fetched
    wrong = client.post("/account/tweede-stap/toevoegen/", {"code": "000000"})
    assert "klopt niet" in wrong.content.decode()
    done = client.post("/account/tweede-stap/toevoegen/", {"code": pyotp.TOTP(secret).now()})
    shown = re.findall(r"<li><code>(.*?)</code></li>", done.content.decode())
    codes = [re.sub(r"<[^>]+>", "", code) for code in shown]  # in groups that never break
    return secret, codes


def _password_step(username: str = "merel") -> Client:
    client = Client()
    response = client.post("/account/inloggen/", {"username": username, "passphrase": PASSPHRASE})
    assert response["Location"].startswith("/account/inloggen/code/")
    return client


def test_with_the_second_step_on_login_needs_a_code_that_works_once() -> None:
    owner = logged_in_client()
    secret, backup = _enable(owner)
    assert len(backup) == 10 and len(set(backup)) == 10
    assert secret.encode() not in bytes(TotpDevice.objects.get().sealed_secret)

    client = _password_step()
    assert client.get("/account/").status_code == 302  # not logged in yet
    # The code of the current 30 seconds was just used to turn the step on; the next one works.
    code = pyotp.TOTP(secret).at(time.time() + 30)
    assert client.post("/account/inloggen/code/", {"code": code}).status_code == 302
    assert client.get("/account/").status_code == 200
    replay = _password_step()
    assert "klopt niet" in replay.post("/account/inloggen/code/", {"code": code}).content.decode()


def test_a_backup_code_works_once() -> None:
    owner = logged_in_client()
    _secret, backup = _enable(owner)
    client = _password_step()
    assert client.post("/account/inloggen/code/", {"code": backup[0].lower()}).status_code == 302
    again = _password_step()
    assert again.post("/account/inloggen/code/", {"code": backup[0]}).status_code == 200
    assert BackupCode.objects.filter(used_at__isnull=True).count() == 9
    html = owner.get("/account/tweede-stap/").content.decode()
    assert "9 reservecodes" in html


def test_removing_the_second_step_asks_for_the_passphrase_again() -> None:
    owner = logged_in_client()
    _enable(owner)
    session = owner.session
    session[sessions.PASSPHRASE_AT] = time.time() - 3600
    session.save()
    response = owner.post("/account/tweede-stap/verwijderen/", {"back": "/account/tweede-stap/"})
    assert response["Location"].startswith("/account/bevestigen/")
    assert TotpDevice.objects.exists()
    owner.post("/account/bevestigen/", {"passphrase": PASSPHRASE})
    owner.post("/account/tweede-stap/verwijderen/")
    assert not TotpDevice.objects.exists() and not BackupCode.objects.exists()
    assert (
        Client().post("/account/inloggen/", {"username": "merel", "passphrase": PASSPHRASE})[
            "Location"
        ]
        == "/account/"
    )


def test_a_sealed_secret_moved_to_another_account_gives_a_calm_error_page() -> None:
    thief = logged_in_client("vink")
    owner = logged_in_client("merel")
    _enable(owner)
    _enable(thief)
    stolen = TotpDevice.objects.get(account__username="merel").sealed_secret
    TotpDevice.objects.filter(account__username="vink").update(sealed_secret=stolen)
    client = _password_step("vink")
    response = client.post("/account/inloggen/code/", {"code": "123456"})
    assert response.status_code == 500
    html = response.content.decode()
    assert "kan niet worden geopend" in html and 'href="tel:113"' in html
    assert "Traceback" not in html
    assert Account.objects.count() == 2


def test_a_recovery_code_alone_does_not_get_past_the_second_step() -> None:
    from gezien.accounts import services

    unlocked, code = services.create_account("lijster", PASSPHRASE)
    owner = logged_in_client("lijster")
    secret, _backup = _enable(owner)
    without = Client().post(
        "/account/vergeten/",
        {
            "username": "lijster",
            "recovery_code": code,
            "new_passphrase": "nieuw begin vandaag hier",
        },
    )
    assert without.status_code == 200 and "klopt niet" in without.content.decode()
    assert services.authenticate("lijster", PASSPHRASE) is not None  # nothing changed
    with_code = Client().post(
        "/account/vergeten/",
        {
            "username": "lijster",
            "recovery_code": code,
            "second_step_code": pyotp.TOTP(secret).at(time.time() + 30),
            "new_passphrase": "nieuw begin vandaag hier",
        },
    )
    assert with_code["Location"] == "/account/herstelcode/"


def test_a_half_finished_login_expires_after_five_minutes() -> None:
    owner = logged_in_client()
    secret, _backup = _enable(owner)
    client = _password_step()
    session = client.session
    session["second_step_for_at"] = time.time() - 6 * 60
    session.save()
    response = client.post(
        "/account/inloggen/code/", {"code": pyotp.TOTP(secret).at(time.time() + 30)}
    )
    assert response["Location"] == "/account/inloggen/"
    assert client.get("/account/").status_code == 302
