"""How the library index groups the pages: by what a reader wants to know, and a group for
the people around the person."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Reader:
    """A first page for one kind of reader, shown as a card on the index."""

    page: str
    title: Promise
    line: Promise


READERS = (
    Reader("emotionele-verwaarlozing", _("For me"),
           _("What happened to you, and what it can still do.")),
    Reader("voor-partners", _("For partners"), _("How you can help, and look after yourself.")),
    Reader("voor-ouders", _("For parents"), _("How to give a child what it needs.")),
    Reader("voor-professionals", _("For professionals"), _("How to ask about it, and what helps.")),
)  # fmt: skip


@dataclass(frozen=True)
class Topic:
    slug: str
    title: Promise
    intro: Promise
    pages: tuple[str, ...]


TOPICS = (
    Topic(
        "begrijpen",
        _("What happened to you"),
        _("What emotional neglect and abuse are, and how often they happen."),
        ("emotionele-verwaarlozing", "emotionele-mishandeling", "vijf-vormen",
         "risico-en-beschermende-factoren", "hoe-vaak-en-kosten"),
    ),
    Topic(
        "signalen",
        _("Signals"),
        _("What you may notice in yourself, in a relationship or in a child."),
        ("signalen-volwassenen", "signalen-relatie", "signalen-kinderen"),
    ),
    Topic(
        "gevolgen",
        _("Late effects"),
        _("How it can still affect you as an adult."),
        ("late-gevolgen", "depressie-en-angst", "ptss-en-complexe-ptss", "dissociatie",
         "zelfbeeld", "relaties-en-werk", "lichaam-en-gezondheid"),
    ),
    Topic(
        "herstel",
        _("Recovery and treatment"),
        _("What you can do yourself, which treatments exist and what the research says."),
        ("herstel-en-zelfhulp", "behandelingen", "wat-helpt-in-therapie", "cgt",
         "schematherapie", "componentgebaseerde-psychotherapie", "emdr-en-exposure", "stair",
         "mindfulness-mbsr-act", "eft", "antidepressiva", "psychomotorische-therapie",
         "onderhoudsbehandeling"),
    ),
    Topic(
        "omgeving",
        _("For the people around you"),
        _("For partners, parents and professionals, and answers to common questions."),
        ("voor-partners", "voor-ouders", "voor-professionals", "veelgestelde-vragen"),
    ),
)  # fmt: skip
