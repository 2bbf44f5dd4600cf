"""Writing for a partner and sharing it, the way a person does through the pages."""

from __future__ import annotations

import re

from django.test import Client

from gezien.partner import checkin
from gezien.sharing.tests.support import shown_link

AGREEMENT = "Ik stuur een berichtje als ik later ben"


def write(client: Client, **texts: str):
    response = client.post("/voor-mijn-partner/", texts)
    assert response.status_code == 302, response.status_code
    return response


def share_with_partner(client: Client, parts: list[str], with_code: bool = False) -> dict:
    """Choose, preview and share the partner's view; the partner's path and code."""
    preview = client.post("/voor-mijn-partner/delen/bekijken/", {"parts": parts})
    assert preview.status_code == 200, preview.status_code
    page = preview.content.decode()
    data = {
        "parts": parts,
        "days": 7,
        "audience": "partner",
        "digest": re.search(r'name="digest" value="([^"]+)"', page).group(1),
        "form_token": re.search(r'name="form_token" value="([^"]+)"', page).group(1),
    }
    if with_code:
        data["with_code"] = "on"
    made = client.post("/mijn-verhaal/delen/nieuw/", data).content.decode()
    return {**shown_link(made), "page": made}


def hidden(page: str) -> dict[str, str]:
    form = page.split('action="/samen-praten/"', 1)[1].split("</form>", 1)[0]
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
    fields.update(dict(re.findall(r'name="(\w+)"[^>]*value="([^"]*)"[^>]*>', form)))
    return fields


def walk(
    client: Client, names: tuple[str, str] = ("Sam", "Noor"), agreement: str = AGREEMENT
) -> str:
    """Go through the whole check-in conversation; the last screen's page."""
    page = client.get("/samen-praten/").content.decode()
    data = {"screen": "0", "action": "next", "name_1": names[0], "name_2": names[1]}
    pieces = {
        1: {"feeling_1": "alleen", "situation_1": "het stil wordt", "need_1": "een knuffel"},
        2: {"feeling_2": "moe", "situation_2": "ik laat werk", "need_2": "rust na het eten"},
    }
    for _ in range(len(checkin.screens()) + 1):
        response = client.post("/samen-praten/", data)
        assert response.status_code == 200
        page = response.content.decode()
        carried = {k: v for k, v in hidden(page).items() if k not in ("csrfmiddlewaretoken",)}
        screen = int(carried["screen"])
        data = {**carried, "action": "next"}
        if 0 < screen < len(checkin.screens()) + 1:
            step = checkin.screens()[screen - 1]
            if step.step.statement:
                data.update(pieces[step.turn])
            if step.step.id == "agreement":
                data["agreement"] = agreement
        if screen == len(checkin.screens()) + 1:
            return page
    raise AssertionError("the conversation did not end")
