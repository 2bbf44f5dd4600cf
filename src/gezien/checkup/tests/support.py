"""Taking a check-up through its pages, the way a person does."""

from __future__ import annotations

import re

from django.test import Client


def token(page: str) -> str:
    return re.search(r'name="submit_token" value="([^"]+)"', page).group(1)


def set_up(client: Client, questionnaires: list[str], weeks: int = 4, reflections: bool = True):
    data = {"questionnaires": questionnaires, "every_weeks": str(weeks)}
    if reflections:
        data["reflections"] = "on"
    response = client.post("/apk/instellen/", data)
    assert response.status_code == 302, response.status_code
    return response


def start(client: Client) -> str:
    """Start (or go on with) a check-up; its address."""
    page = client.get("/apk/").content.decode()
    # Going on with a check-up begun before needs no new token.
    sent = {"submit_token": token(page)} if "submit_token" in page else {}
    response = client.post("/apk/beginnen/", sent)
    assert response.status_code == 302
    return response["Location"]


def send(client: Client, step: str, part: str, fields: dict, action: str = "next"):
    page = client.get(step).content.decode()
    return client.post(
        step, {**fields, "part": part, "action": action, "submit_token": token(page)}
    )


def answers(instrument: str, value: int, count: int) -> dict[str, str]:
    return {f"{instrument}_{n}": str(value) for n in range(1, count + 1)}


def take(client: Client, parts: dict[str, dict], reflections: dict | None = None) -> str:
    """Take a whole check-up: each questionnaire's answers, then the reflections. Returns
    the result page's address."""
    step = start(client)
    for part, fields in parts.items():
        assert send(client, step, part, fields).status_code == 302
    if reflections is not None:
        assert send(client, step, "reflections", reflections).status_code == 302
    response = client.get(step)
    assert response.status_code == 302 and response["Location"].endswith("/uitslag/")
    return response["Location"]
