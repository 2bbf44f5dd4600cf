"""Gezien's own tools that data files may link to as `site:NAME`, with the name of the page
each one opens (a Django URL name). A tool that is not installed has no page; its links are
then shown as plain text."""

from __future__ import annotations

SITE_URL_NAMES: dict[str, str] = {
    "help": "help-lines",
    "safety-plan": "safetyplan:plan",
    "navigator": "navigator:form",
    "questionnaires": "measure:overview",
    "exercises": "exercises:index",
    "journal": "journal:index",
    "checkup": "checkup:home",
    "checkin": "partner:checkin",
    "practise-ladder": "practise:index",
    "therapy-fit": "therapyfit:index",
}
SITES = frozenset(SITE_URL_NAMES)
