"""What a professional sees through a shared link, without an account.

Every answer here carries `X-Robots-Tag: noindex` (and, like every Gezien page,
`Referrer-Policy: no-referrer` and `Cache-Control: no-store`). The link's id and key are
in the query string: Django's own log lines name only the path, and Gezien runs gunicorn
without an access log."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from gezien.accounts import throttle
from gezien.accounts.services import client_address
from gezien.core import lookups
from gezien.core.summary import PARTNER
from gezien.sharing import fhir, forms, links
from gezien.sharing.models import Share, ShareOpening
from gezien.sharing.templatetags.sharing_tags import when
from gezien.sharing.views import attachment

# Kept under its old name, so a professional who typed the code before the sharing app
# existed stays let in.
UNLOCKED = "story_shares_unlocked"


def _private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
    response["Cache-Control"] = "no-store"
    return response


def _link(request: HttpRequest) -> tuple[str, str]:
    return request.GET.get("id", ""), request.GET.get("key", "")


def _url(name: str, link: tuple[str, str]) -> str:
    return f"{reverse(name)}?{urlencode({'id': link[0], 'key': link[1]})}"


def _unavailable(request: HttpRequest) -> HttpResponse:
    """The same calm page for every link that does not (or no longer) work: nothing tells
    whether it expired, was stopped, locked or never existed."""
    return _private(render(request, "sharing/shared_unavailable.html", status=404))


def _unlocked(request: HttpRequest, share: Share) -> bool:
    return not links.needs_code(share) or str(share.pk) in request.session.get(UNLOCKED, [])


def _context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    # The language switch returns to this page, so it needs the whole address.
    return {"current_path": request.get_full_path(), **extra}


@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def shared(request: HttpRequest) -> HttpResponse:
    link = _link(request)
    try:
        share, key, data = links.open_link(*link)
    except links.Unavailable:
        return _unavailable(request)
    if not _unlocked(request, share):
        form = forms.CodeForm(request.POST or None)
        status = 200
        if request.method == "POST" and form.is_valid():
            try:
                typed = form.cleaned_data["code"]
                right = links.check_code(share, key, typed, client_address(request))
            except throttle.Refused as refused:
                wait = _("Too many attempts. Wait %(n)d seconds and try again.")
                form.add_error(None, wait % {"n": refused.seconds})
                status = 429
            else:
                if right:
                    request.session[UNLOCKED] = [*request.session.get(UNLOCKED, []), str(share.pk)]
                    response = HttpResponse(status=303)
                    response["Location"] = _url("sharing:shared", link)
                    return _private(response)
                share.refresh_from_db()
                if share.snapshot is None:
                    return _unavailable(request)
                form.add_error(
                    "code",
                    _("This access code is not right. Check it with the person who shared it."),
                )
                status = 400
        response = render(
            request, "sharing/shared_code.html", _context(request, form=form), status=status
        )
        return _private(response)
    links.record_opening(share, ShareOpening.PAGE)
    if links.audience_of(data) == PARTNER:
        return _private(render(request, "sharing/shared_partner.html", _partner(request, data)))
    return _private(
        render(
            request,
            "sharing/shared.html",
            _context(
                request,
                summary=data,
                pdf_url=_url("sharing:shared-pdf", link),
                fhir_url=_url("sharing:shared-fhir", link),
            ),
        )
    )


def _for_download(
    request: HttpRequest, what: str
) -> tuple[Share, bytes, dict[str, Any]] | HttpResponse:
    """The share, its key and its snapshot; or the page to answer instead (the link does
    not work, or too many downloads of it just now)."""
    link = _link(request)
    try:
        share, key, data = links.open_link(*link)
    except links.Unavailable:
        return _unavailable(request)
    if not _unlocked(request, share) or links.audience_of(data) == PARTNER:
        # A partner's view is a page only.
        return _unavailable(request)
    try:
        links.count_download(share)
    except throttle.Refused as refused:
        context = _context(request, seconds=refused.seconds)
        response = render(request, "sharing/shared_wait.html", context, status=429)
        response["Retry-After"] = str(refused.seconds)
        return _private(response)
    links.record_opening(share, what)
    return share, key, data


@require_GET
def shared_pdf(request: HttpRequest) -> HttpResponse:
    opened = _for_download(request, ShareOpening.PDF)
    if isinstance(opened, HttpResponse):
        return opened
    share, key, data = opened
    return _private(attachment(links.pdf_of(share, key, data), "application/pdf", "pdf"))


@require_GET
def shared_fhir(request: HttpRequest) -> HttpResponse:
    opened = _for_download(request, ShareOpening.FHIR)
    if isinstance(opened, HttpResponse):
        return opened
    _share, _key, data = opened
    with translation.override(data["language"]):
        bundle = fhir.bundle(data, title=_("Summary for a professional"), about=_fhir_about(data))
    body = json.dumps(bundle, ensure_ascii=False, indent=2).encode()
    return _private(attachment(body, "application/fhir+json; charset=utf-8", "json"))


def _partner(request: HttpRequest, data: dict[str, Any]) -> dict[str, Any]:
    """The partner's page: what the person chose, and where to read on (the library's page
    for partners, the check-in conversation) when this installation has them."""
    with translation.override(data["language"]):
        return _context(
            request,
            summary=data,
            partner_page=lookups.library().page("voor-partners"),
            checkin=lookups.site_url("checkin"),
        )


def _fhir_about(data: dict[str, Any]) -> list[str]:
    return [
        _(
            "Written by the person themselves, with Gezien. It holds only the parts they chose to "
            "share."
        ),
        _("Shared on %(made)s. The link works until %(until)s.")
        % {
            "made": when(data["made_at"]),
            "until": when(data["expires_at"]),
        },
    ]
