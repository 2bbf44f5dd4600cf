"""Limits that hold when the attempts arrive all at once: twenty requests in parallel from
one client may not slip past a limit that one request after another cannot pass. Each test
counts the work that was really done (a passphrase, code or recovery code checked; an
account created) while twenty threads send their requests at the same moment."""

from __future__ import annotations

import re
import threading

import pyotp
import pytest
from django.db import connections
from django.test import Client

from gezien.accounts import second_factor, services, throttle
from gezien.accounts.models import Account
from gezien.accounts.testing import PASSPHRASE, logged_in_client, make_account
from gezien.sharing.models import Share
from gezien.sharing.tests.support import share
from gezien.story.tests.support import make_help_question

PARALLEL = 20
# On the test itself (not the module): the closest marker wins over the one conftest.py adds.
parallel = pytest.mark.django_db(transaction=True)


def _at_once(send) -> list:
    """Run send(n) for n in 0..PARALLEL-1 in as many threads, released at the same moment."""
    start = threading.Barrier(PARALLEL)
    results: list = [None] * PARALLEL
    errors: list[BaseException] = []

    def run(n: int) -> None:
        try:
            start.wait()
            results[n] = send(n)
        except BaseException as error:  # noqa: BLE001  (reported below, in the test's thread)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [], errors
    return results


class Counting:
    """Wraps a function and counts how often it really ran."""

    def __init__(self, function) -> None:
        self.function, self.calls, self.lock = function, 0, threading.Lock()

    def __call__(self, *args, **kwargs):
        with self.lock:
            self.calls += 1
        return self.function(*args, **kwargs)


@parallel
def test_parallel_signups_from_one_client_stay_within_the_limit() -> None:
    def sign_up(n: int) -> int:
        data = {"username": f"vogel{n}", "new_passphrase": PASSPHRASE, "understood": "on"}
        return Client().post("/account/aanmelden/", data).status_code

    _at_once(sign_up)
    assert Account.objects.count() <= throttle.SIGNUP_FREE + 1


@parallel
def test_parallel_wrong_passphrases_for_one_account_are_checked_no_more_than_the_limit(
    monkeypatch,
) -> None:
    make_account("merel")
    checked = Counting(services.authenticate)
    monkeypatch.setattr(services, "authenticate", checked)
    answers = _at_once(
        lambda n: (
            Client()
            .post("/account/inloggen/", {"username": "merel", "passphrase": f"fout {n}"})
            .content.decode()
        )
    )
    assert checked.calls <= throttle.ACCOUNT_FREE + 1
    assert sum("seconden" in page for page in answers) >= PARALLEL - throttle.ACCOUNT_FREE - 1


@parallel
def test_parallel_wrong_recovery_codes_are_checked_no_more_than_the_limit(monkeypatch) -> None:
    make_account("merel")
    checked = Counting(services.reset_with_recovery_code)
    monkeypatch.setattr(services, "reset_with_recovery_code", checked)
    data = {"username": "merel", "new_passphrase": "vier nieuwe losse woorden"}
    _at_once(
        lambda n: Client().post("/account/vergeten/", {**data, "recovery_code": f"AAAA-{n:04d}"})
    )
    assert checked.calls <= throttle.ACCOUNT_FREE + 1


@parallel
def test_parallel_wrong_second_step_codes_are_checked_no_more_than_the_limit(monkeypatch) -> None:
    owner = logged_in_client()
    page = owner.get("/account/tweede-stap/toevoegen/").content.decode()
    secret = re.search(r'<code lang="en">([A-Z2-7]+)</code>', page).group(1)
    owner.post("/account/tweede-stap/toevoegen/", {"code": pyotp.TOTP(secret).now()})
    pending = Client()
    assert (
        pending.post(
            "/account/inloggen/", {"username": "merel", "passphrase": PASSPHRASE}
        ).status_code
        == 302
    )
    checked = Counting(second_factor.verify)
    monkeypatch.setattr(second_factor, "verify", checked)

    def guess(n: int) -> int:
        client = Client()
        client.cookies = pending.cookies
        return client.post("/account/inloggen/code/", {"code": f"{n:06d}"}).status_code

    _at_once(guess)
    assert checked.calls <= throttle.ACCOUNT_FREE + 1


@parallel
def test_parallel_wrong_access_codes_are_checked_no_more_than_the_limit() -> None:
    from gezien.sharing import links

    person = logged_in_client()
    make_help_question(person, bothers="Ik slaap slecht", pace="slow")
    made = share(person, ["help.question"], with_code=True)
    _at_once(lambda n: Client().post(made["path"], {"code": f"AAAA-{n:04d}"}).status_code)
    # Every code that was compared counts on the share; a burst may not get past the limit.
    assert Share.objects.get().failed_codes <= links.CODE_FREE_FAILURES + 1


@parallel
def test_probing_taken_usernames_through_signup_is_slowed_down() -> None:
    make_account("merel")
    answers = []
    for _ in range(30):
        page = (
            Client()
            .post(
                "/account/aanmelden/",
                {
                    "username": "merel",
                    "new_passphrase": "een heel ander wachtwoord",
                    "understood": "on",
                },
            )
            .content.decode()
        )
        answers.append("taken" if "bezet" in page else "wait" if "seconden" in page else page)
    assert answers[: throttle.SIGNUP_FREE] == ["taken"] * throttle.SIGNUP_FREE
    assert answers.count("taken") <= throttle.SIGNUP_FREE + 1
    assert set(answers[throttle.SIGNUP_FREE + 1 :]) == {"wait"}


@parallel
def test_a_real_person_who_picks_taken_names_gets_a_helpful_message_then_gets_in() -> None:
    make_account("merel")
    from gezien.accounts.models import Throttle

    client = Client()
    for _ in range(throttle.SIGNUP_FREE + 2):
        page = client.post(
            "/account/aanmelden/",
            {"username": "merel", "new_passphrase": PASSPHRASE, "understood": "on"},
        ).content.decode()
    assert "seconden" in page and "minder gewone naam" in page
    Throttle.objects.update(blocked_until=None)  # as if the person waited
    assert (
        client.post(
            "/account/aanmelden/",
            {"username": "merel-van-de-zee", "new_passphrase": PASSPHRASE, "understood": "on"},
        ).status_code
        == 302
    )
    # The counter is per client: someone at another address was never slowed down.
    other = Client(REMOTE_ADDR="192.0.2.9")
    assert (
        other.post(
            "/account/aanmelden/",
            {"username": "zwaluw", "new_passphrase": PASSPHRASE, "understood": "on"},
        ).status_code
        == 302
    )
