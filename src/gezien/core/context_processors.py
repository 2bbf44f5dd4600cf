from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gezien.core import helplines, theme


@dataclass(frozen=True)
class MenuItem:
    section: str
    url_name: str
    label: Promise
    account: bool | None = None  # True: only logged in; False: only logged out


# The menu, in order. A page belongs to the section of its app (or its own name for the
# pages of the core app), so exactly one item is the current one.
MENU = (
    MenuItem("home", "home", _("Home")),
    MenuItem("recognise", "recognise:form", _("Recognise")),
    MenuItem("library", "library:index", _("Library")),
    MenuItem("navigator", "navigator:form", _("Help navigator")),
    MenuItem("help-lines", "help-lines", _("Help lines")),
    MenuItem("safetyplan", "safetyplan:plan", _("My safety plan")),
    MenuItem("measure", "measure:overview", _("Questionnaires")),
    MenuItem("journal", "journal:index", _("Journal")),
    MenuItem("exercises", "exercises:index", _("Exercises")),
    MenuItem("story", "story:home", _("My story"), account=True),
    MenuItem("accounts", "accounts:home", _("My account"), account=True),
    MenuItem("accounts", "accounts:login", _("Log in"), account=False),
)
# Pages that belong to another app's section.
SECTION_OF = {"sharing": "story"}


def section(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    if match.app_name:
        return str(SECTION_OF.get(match.app_name, match.app_name))
    return match.url_name or ""


def menu(request: HttpRequest) -> list[dict[str, Any]]:
    user = getattr(request, "user", None)
    logged_in = bool(user and user.is_authenticated)
    current = section(request)
    return [
        {"url": reverse(item.url_name), "label": item.label, "current": item.section == current}
        for item in MENU
        if item.account is None or item.account == logged_in
    ]


def shell(request: HttpRequest) -> dict[str, Any]:
    """What the page shell needs on every page: the crisis lines, the menu, the name and logo
    (the operator's theme, or Gezien's) and the path to return to after switching language."""
    loaded = theme.load()
    logo = loaded.logo if loaded else None
    return {
        "crisis_lines": helplines.crisis_lines(),
        "session_idle_seconds": settings.SESSION_IDLE_SECONDS,
        "current_path": request.path if request is not None else "/",
        "menu": menu(request) if request is not None else [],
        "site_name": loaded.name if loaded else "Gezien",
        "theme_stylesheet": theme.STYLESHEET if loaded else "",
        "logo": {"url": static(logo.static_name), "width": logo.width, "height": logo.height}
        if logo
        else None,
    }
