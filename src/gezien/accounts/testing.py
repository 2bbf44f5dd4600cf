"""Test helpers every app reuses: accounts, logged-in clients, and the outsider check."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.test import Client

from gezien.accounts import services
from gezien.accounts.models import Account

PASSPHRASE = "lamp rivier brood herfst"


def make_account(username: str = "merel", passphrase: str = PASSPHRASE) -> Account:
    unlocked, _code = services.create_account(username, passphrase)
    return unlocked.account


class AccountClient(Client):
    """A test client logged in as `account`."""

    account: Account


def logged_in_client(username: str = "merel", passphrase: str = PASSPHRASE) -> AccountClient:
    """A client logged in through the login form, so the vault is unlocked as in real use.
    The account is created when it does not exist yet; `client.account` is the account."""
    if not Account.objects.filter(username=username).exists():
        make_account(username, passphrase)
    client = AccountClient()
    response = client.post("/account/inloggen/", {"username": username, "passphrase": passphrase})
    assert response.status_code == 302, "login failed in test setup"
    client.account = Account.objects.get(username=username)
    return client


def database_snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row of every Gezien table, except what any visit changes (sessions, the
    'last used' time, login counters), to show that a request changed nothing."""
    skipped = {"sessions.session", "accounts.throttle"}
    snapshot = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in skipped or not model.__module__.startswith(("gezien.", "django.contrib.auth")):
            continue
        rows = model._default_manager.order_by("pk").values()
        snapshot[label] = [
            {
                k: bytes(v) if isinstance(v, memoryview) else v
                for k, v in row.items()
                if k != "last_seen_at"
            }
            for row in rows
        ]
    return snapshot


def assert_outsider_gets_404(
    outsider: Client, urls: Iterable[str], snapshot: Callable[[], object] = database_snapshot
) -> None:
    """For each URL: a POST and a GET by someone else's account give 404 (not 403, not 500,
    so nobody learns the object exists), or 405 for the method the URL never takes, for
    everyone; at least one of the two is 404. The database is unchanged."""
    before = snapshot()
    for url in urls:
        post, get = outsider.post(url).status_code, outsider.get(url).status_code
        assert post in (404, 405) and get in (404, 405) and 404 in (post, get), (
            f"{url}: POST {post}, GET {get}"
        )
    assert snapshot() == before, "an outsider's request changed data"


def shown_recovery_code(client: Client) -> str:
    """The recovery code as the recovery-code page shows it."""
    return recovery_code_in(client.get("/account/herstelcode/").content.decode())


def recovery_code_in(page: str) -> str:
    """The recovery code in a page's HTML (shown in groups that never break)."""
    shown = re.search(r"<code>(.*?)</code>", page)
    assert shown is not None, "the page shows no recovery code"
    return re.sub(r"<[^>]+>", "", shown.group(1))
