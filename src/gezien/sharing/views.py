"""The person's side of sharing: choosing the parts of the summary, the preview and PDF,
making a link, and the list of links with their openings. The same pages serve both
audiences (core.summary): a professional, and a partner, who gets a page of its own and
no PDF; each audience chooses only from its own sections."""

from __future__ import annotations

import secrets
import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from gezien.accounts import sessions
from gezien.accounts.decorators import account_required, recent_passphrase_required
from gezien.core import summary
from gezien.core.summary import Section
from gezien.lib.text import current_language
from gezien.sharing import forms, links, pdf, snapshot
from gezien.sharing.models import Share
from gezien.vault import person
from gezien.vault.records import owned_or_404

CHOOSE = {summary.PROFESSIONAL: "sharing:summary", summary.PARTNER: "sharing:partner"}
# Kept under its old name, so sessions from before the sharing app keep their choice.
CHOSEN = {summary.PROFESSIONAL: "story_summary_parts", summary.PARTNER: "partner_view_parts"}


def _choose_page(
    request: HttpRequest,
    form: forms.ChooseForm,
    sections_: list[Section],
    audience: str,
    status: int = 200,
) -> HttpResponse:
    chosen = set(form["parts"].value() or [])
    return render(
        request,
        "sharing/summary_choose.html",
        {"form": form, "sections": sections_, "chosen": chosen, "audience": audience},
        status=status,
    )


@account_required
def summary_choose(request: HttpRequest, audience: str = summary.PROFESSIONAL) -> HttpResponse:
    available = summary.available(person.of(request), audience)
    keys = summary.part_keys(available)
    remembered = [key for key in request.session.get(CHOSEN[audience], []) if key in keys]
    chosen = remembered or [p.key for s in available for p in s.parts if p.suggested]
    return _choose_page(
        request,
        forms.ChooseForm(initial={"parts": chosen}, sections=available),
        available,
        audience,
    )


def _preview(
    request: HttpRequest,
    available: list[Section],
    chosen: list[str],
    audience: str,
    share_form: forms.ShareForm | None = None,
    changed: bool = False,
    status: int = 200,
) -> HttpResponse:
    data = snapshot.snapshot(
        available,
        chosen,
        language=current_language(),
        made_at=timezone.now(),
        audience=audience,
    )
    digest = snapshot.content_digest(data)
    if share_form is None:
        share_form = forms.ShareForm(
            sections=available,
            initial={
                "parts": chosen,
                "days": 7,
                "digest": digest,
                "form_token": secrets.token_urlsafe(32),
                "audience": audience,
            },
        )
    else:
        # Keep what was typed, with the digest of what is on the screen now.
        typed = share_form.data
        assert isinstance(typed, QueryDict)  # the form was made from request.POST
        share_form.data = typed.copy()
        share_form.data["digest"] = digest
    return render(
        request,
        "sharing/summary_preview.html",
        {
            "summary": data,
            "chosen": chosen,
            "share_form": share_form,
            "changed": changed,
            "passphrase_needed": not sessions.passphrase_is_recent(request),
            "audience": audience,
        },
        status=status,
    )


@require_POST
@account_required
def summary_preview(request: HttpRequest, audience: str = summary.PROFESSIONAL) -> HttpResponse:
    available = summary.available(person.of(request), audience)
    form = forms.ChooseForm(request.POST, sections=available)
    if not form.is_valid():
        return _choose_page(request, form, available, audience, status=400)
    request.session[CHOSEN[audience]] = form.cleaned_data["parts"]
    return _preview(request, available, form.cleaned_data["parts"], audience)


def attachment(body: bytes, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    # A neutral name: a file called after Gezien or a story could tell someone else too much.
    response["Content-Disposition"] = (
        f'attachment; filename="document-{timezone.localdate().isoformat()}.{extension}"'
    )
    return response


@require_POST
@account_required
def summary_pdf(request: HttpRequest) -> HttpResponse:
    available = summary.available(person.of(request))
    form = forms.ChooseForm(request.POST, sections=available)
    if not form.is_valid():
        return _choose_page(request, form, available, summary.PROFESSIONAL, status=400)
    data = snapshot.snapshot(
        available, form.cleaned_data["parts"], language=current_language(), made_at=timezone.now()
    )
    return attachment(pdf.render(data, shared=False), "application/pdf", "pdf")


@sensitive_post_parameters()
@require_POST
@account_required
@recent_passphrase_required
def share_create(request: HttpRequest) -> HttpResponse:
    me = person.of(request)
    audience = request.POST.get("audience", summary.PROFESSIONAL)
    if audience not in summary.AUDIENCES:
        audience = summary.PROFESSIONAL
    available = summary.available(me, audience)
    form = forms.ShareForm(request.POST, sections=available)
    chosen_ok = forms.ChooseForm(request.POST, sections=available)
    if not chosen_ok.is_valid():
        messages.error(
            request, _("Something changed in what you can share. Choose the parts again.")
        )
        return redirect(CHOOSE[audience])
    chosen = chosen_ok.cleaned_data["parts"]
    if not form.is_valid():
        return _preview(request, available, chosen, audience, share_form=form, status=400)
    expires_at = links.expiry(form.cleaned_data["days"])
    data = snapshot.snapshot(
        available,
        chosen,
        language=current_language(),
        made_at=timezone.now(),
        expires_at=expires_at,
        audience=audience,
    )
    if snapshot.content_digest(data) != form.cleaned_data["digest"]:
        return _preview(
            request, available, chosen, audience, share_form=form, changed=True, status=409
        )
    titles = [part["title"] for section in data["sections"] for part in section["parts"]]
    try:
        link = links.create(
            me.account,
            me.data_key,
            data,
            label=form.cleaned_data["label"].strip(),
            part_titles=titles,
            expires_at=expires_at,
            with_code=form.cleaned_data["with_code"],
            form_token=form.cleaned_data["form_token"],
        )
    except links.AlreadyMade:
        messages.info(
            request,
            _(
                "This link was made already. For your safety Gezien shows a link only once. "
                "Did you not save it? Stop that link below and make a new one."
            ),
        )
        return redirect("sharing:shares")
    url = request.build_absolute_uri(
        f"{reverse('sharing:shared')}?{urlencode({'id': link.link_id, 'key': link.key})}"
    )
    # No redirect: the link is shown this one time and stored nowhere.
    return render(
        request,
        "sharing/share_created.html",
        {"url": url, "code": link.code, "expires_at": expires_at, "audience": audience},
    )


@account_required
def shares(request: HttpRequest) -> HttpResponse:
    me = person.of(request)
    links.forget_expired()
    items = [
        {
            "share": share,
            "content": content,
            "audience": links.audience_of(content),
            "status": links.status(share),
            "openings": openings,
            "opened": sum(opening.count for opening in openings),
        }
        for share in Share.objects.filter(owner=me.account).prefetch_related("openings")
        for openings in [list(share.openings.all())]
        for content in [share.open_content(me.data_key)]
    ]
    return render(request, "sharing/shares.html", {"items": items})


@require_POST
@account_required
def share_revoke(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    share = owned_or_404(Share, request, pk)
    if share.snapshot is not None:
        links.revoke(share)
        messages.success(
            request,
            _("The link is stopped. The summary behind it is deleted; nobody can open it now."),
        )
    return redirect("sharing:shares")
