"""`gezien check` on the questionnaires: each licence in plain words, and a warning when one
that is only free for non-commercial use, or that needs permission first, is switched on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Info, Tags, Warning, register

from gezien.measure import catalogue

COMMERCIAL = {
    "allowed": "commercial use is allowed",
    "not_allowed": "commercial use is NOT allowed without permission",
    "unclear": "whether commercial use is allowed is not stated",
}


@register(Tags.compatibility, deploy=True)
def check_instrument_licences(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    offered = catalogue.offered()
    messages: list[CheckMessage] = []
    for instrument in catalogue.instruments().values():
        licence = instrument.licence
        state = "offered" if instrument.id in offered else "not offered"
        messages.append(
            Info(
                f"{instrument.short_name} ({instrument.id}) is {state} here. {licence.who.en} "
                f"In short: {COMMERCIAL[licence.commercial]}.",
                hint=f"Licence: {licence.notice} Found in: {licence.source}",
                id="gezien.I010",
            )
        )
    for instrument in offered.values():
        if instrument.licence.commercial == "not_allowed":
            messages.append(
                Warning(
                    f"{instrument.short_name} is switched on, and its licence allows only "
                    "non-commercial use.",
                    hint="If your organisation charges for its service or is a business, ask the "
                    "rights holder for permission, or leave it out of GEZIEN_INSTRUMENTS.",
                    id="gezien.W010",
                )
            )
        if instrument.licence.ask_first:
            messages.append(
                Warning(
                    f"{instrument.short_name} is switched on, and its licence says to ask for "
                    "permission first.",
                    hint="Keep the written permission with your records, or leave it out of "
                    "GEZIEN_INSTRUMENTS.",
                    id="gezien.W011",
                )
            )
    return messages
