"""Making and trying a ladder through the pages, as a person would (for tests)."""

from __future__ import annotations

import uuid

from django.test import Client


def rate_form(steps: list[tuple[str, str, int]]) -> dict[str, str]:
    """The posted rating form for (example id, situation, expected distress) rows."""
    form = {
        "stage": "rate",
        "step-TOTAL_FORMS": str(len(steps)),
        "step-INITIAL_FORMS": str(len(steps)),
        "step-MIN_NUM_FORMS": "1",
        "step-MAX_NUM_FORMS": "23",
    }
    for index, (example, situation, expected) in enumerate(steps):
        form[f"step-{index}-example"] = example
        form[f"step-{index}-situation"] = situation or example
        form[f"step-{index}-expected"] = str(expected)
    return form


def make_ladder(client: Client, steps: list[tuple[str, str, int]]):
    return client.post(
        "/oefenladder/maken/", {**rate_form(steps), "submit_token": str(uuid.uuid4())}
    )


def try_step(
    client: Client,
    step: object,
    *,
    expected: int,
    actual: int,
    happened: str = "",
    helped: str = "",
    go_on: bool = False,
):
    url = f"/oefenladder/{step}/proberen/"
    client.post(
        url, {"stage": "before", "expected": str(expected), "submit_token": str(uuid.uuid4())}
    )
    return client.post(
        url,
        {
            "stage": "after",
            "actual": str(actual),
            "happened": happened,
            "helped": helped,
            "next": "next" if go_on else "again",
            "submit_token": str(uuid.uuid4()),
        },
    )
