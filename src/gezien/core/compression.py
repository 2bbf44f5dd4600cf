"""Compression for public pages only.

BREACH: when a compressed response over TLS holds both a secret and text an attacker can
put in (a reflected query string, a search word), the response sizes an eavesdropper sees
can reveal the secret, one guessed character at a time. A person's pages hold secrets of
the most personal kind (their own words) next to reflected input (the address, what they
typed), so they are never compressed. The pages named here hold nothing personal: the CSRF
token on them is masked afresh for every response (Django), and Django's gzip adds random
bytes to every response as well."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware

PUBLIC_PAGES = frozenset(
    {
        "home",
        "help-lines",
        "about",
        "privacy",
        "quick-exit-info",
        "robots",
        "library:index",
        "library:page",
    }
)


class PublicPageCompressionMiddleware(GZipMiddleware):
    """Gzip for the PUBLIC_PAGES, as read (GET or HEAD) and found (200); nothing else."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        match = getattr(request, "resolver_match", None)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and match is not None
            and match.view_name in PUBLIC_PAGES
        ):
            return super().process_response(request, response)
        return response
