"""The summary as a tagged PDF (PDF/UA-1), made with WeasyPrint from the same template as
the page. WeasyPrint may not fetch anything: every URL is refused, the stylesheet is read
from this package, and fonts come from the machine (fontconfig), never from a network."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, NoReturn

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

STYLESHEET = Path(__file__).with_name("pdf.css")


class NoFetching(URLFetcher):
    def fetch(self, url: str, headers: Any = None) -> NoReturn:
        raise ValueError("Gezien's PDFs load nothing from elsewhere")


@cache
def _stylesheet() -> CSS:
    return CSS(string=STYLESHEET.read_text(encoding="utf-8"), url_fetcher=NoFetching())


def render(summary: dict[str, Any], *, shared: bool) -> bytes:
    """`shared`: made for a professional through a link (the share date and expiry are
    printed), or the person's own copy."""
    with translation.override(summary["language"]):
        document = render_to_string(
            "sharing/summary_pdf.html", {"summary": summary, "shared": shared}
        )
    made: bytes = HTML(string=document, url_fetcher=NoFetching()).write_pdf(
        stylesheets=[_stylesheet()], pdf_variant="pdf/ua-1"
    )
    return made
