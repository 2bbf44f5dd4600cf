"""What a logged-in person does in the load benchmark's mix: (name, weight, action).

Each action is an async function (base URL, client, recorder, state) that does one thing a
person does, with the requests a browser would send."""

from __future__ import annotations

import re

QUERIES = [
    "verwaarlozing",
    "wat helpt",
    "partner",
    "schaamte",
    "therapie",
    "depressie",
    "boosheid",
    "grenzen",
]
PAGES = [
    "emotionele-verwaarlozing",
    "vijf-vormen",
    "signalen-volwassenen",
    "late-gevolgen",
    "behandelingen",
    "voor-partners",
    "veelgestelde-vragen",
    "herstel-en-zelfhulp",
]
STATE_FIELDS = ("draft_key", "draft_version", "submit_token")


def _field(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    return match.group(1) if match else ""


async def library_page(base, client, recorder, state) -> None:
    await recorder.call(
        "library page", client, "GET", f"{base}/bibliotheek/{state['rng'].choice(PAGES)}/"
    )


async def library_search(base, client, recorder, state) -> None:
    page = await recorder.call("library start", client, "GET", f"{base}/bibliotheek/")
    if page is None:
        return
    await recorder.call(
        "library search",
        client,
        "POST",
        f"{base}/bibliotheek/",
        data={
            "csrfmiddlewaretoken": _field(page.text, "csrfmiddlewaretoken"),
            "q": state["rng"].choice(QUERIES),
        },
    )


async def questionnaire(base, client, recorder, state) -> None:
    page = await recorder.call("questionnaire form", client, "GET", f"{base}/vragenlijsten/phq9/")
    if page is None:
        return
    answers = {f"phq9_{n}": str(state["rng"].randint(0, 2)) for n in range(1, 10)}
    await recorder.call(
        "questionnaire result",
        client,
        "POST",
        f"{base}/vragenlijsten/phq9/",
        data={"csrfmiddlewaretoken": _field(page.text, "csrfmiddlewaretoken"), **answers},
    )


async def history(base, client, recorder, state) -> None:
    await recorder.call("history chart", client, "GET", f"{base}/vragenlijsten/phq9/verloop/")


async def journal_entry(base, client, recorder, state) -> None:
    page = await recorder.call("journal form", client, "GET", f"{base}/dagboek/nieuw/")
    if page is None:
        return
    fields = {name: _field(page.text, name) for name in ("csrfmiddlewaretoken", *STATE_FIELDS)}
    text = "Vandaag was een drukke dag. Ik merkte spanning in mijn schouders."
    saved = await recorder.call(
        "journal autosave",
        client,
        "POST",
        f"{base}/concepten/bewaren/",
        data={**fields, "happened": text},
        headers={"X-Requested-With": "fetch"},
    )
    if saved is not None and saved.status_code == 200:
        fields["draft_version"] = str(saved.json().get("version", fields["draft_version"]))
    await recorder.call(
        "journal save", client, "POST", f"{base}/dagboek/nieuw/", data={**fields, "happened": text}
    )


async def patterns(base, client, recorder, state) -> None:
    await recorder.call(
        "journal patterns", client, "GET", f"{base}/dagboek/patronen/?periode=maand"
    )


async def overview(base, client, recorder, state) -> None:
    await recorder.call("journal overview", client, "GET", f"{base}/dagboek/")


STEPS = [
    ("library page", 4, library_page),
    ("library search", 2, library_search),
    ("questionnaire", 2, questionnaire),
    ("history chart", 2, history),
    ("journal entry", 2, journal_entry),
    ("journal patterns", 1, patterns),
    ("journal overview", 1, overview),
]
