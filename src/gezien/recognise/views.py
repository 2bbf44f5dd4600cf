"""Herkennen: look at your own experience without a score. Without an account nothing is
stored; a person with an account may keep a reflection, sealed in their vault."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from gezien.accounts.decorators import account_required
from gezien.recognise import web
from gezien.recognise.forms import ReflectionForm
from gezien.recognise.models import Reflection
from gezien.vault import person
from gezien.vault.records import owned_or_404


def _kept_list(request: HttpRequest) -> list[dict[str, Any]]:
    me = person.unlocked(request)
    if me is None:
        return []
    records = Reflection.objects.filter(owner=me.account).order_by("-created_at")
    return [{"id": record.pk, "when": record.created_at} for record in records]


def _form_page(request: HttpRequest, form: ReflectionForm, status: int = 200) -> HttpResponse:
    chosen = set(request.POST.getlist("statements")) if form.is_bound else set()
    groups = [
        {
            "id": group.id,
            "title": group.title.get(),
            "statements": [
                {"id": s.id, "text": s.text.get(), "checked": s.id in chosen}
                for s in group.statements
            ],
        }
        for group in web.loaded().groups
    ]
    context = {
        "form": form,
        "groups": groups,
        "kept": _kept_list(request),
    }
    return render(request, "recognise/form.html", context, status=status)


def _result(request: HttpRequest, chosen: list[str], **extra: Any) -> HttpResponse:
    context = {
        "recognised": web.recognised(set(chosen)),
        "chosen": chosen,
        "ace": web.ace(),
        "can_keep": person.unlocked(request) is not None,
        **extra,
    }
    return render(request, "recognise/result.html", context)


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def recognise(request: HttpRequest) -> HttpResponse:
    """The statements, and on POST what the person recognised. A POST, because what someone
    recognises is personal: it must not end up in an address, a history or a log."""
    loaded = web.loaded()
    if request.method == "GET":
        return _form_page(request, ReflectionForm(loaded))
    form = ReflectionForm(loaded, request.POST)
    if not form.is_valid():
        return _form_page(request, form, status=400)
    chosen = form.chosen()
    me = person.unlocked(request)
    if form.cleaned_data["action"] == "keep" and me is not None:
        record = Reflection(owner=me.account)
        record.seal_content(
            me.data_key, {"statements": chosen, "kept_at": timezone.now().isoformat()}
        )
        record.save()
        messages.success(request, _("Your reflection is kept in your account, encrypted."))
        # Its own page, so reloading it never keeps it twice.
        return redirect("recognise:kept", pk=record.pk)
    return _result(request, chosen)


@account_required
@require_http_methods(["GET", "POST"])
def kept(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    record = owned_or_404(Reflection, request, pk)
    content = record.open_content(person.of(request).data_key)
    return _result(request, content["statements"], kept=record)


@account_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    record = owned_or_404(Reflection, request, pk)
    if request.method == "POST":
        record.delete()
        messages.success(request, _("The reflection is deleted."))
        return redirect("recognise:form")
    return render(request, "recognise/delete.html", {"record": record})
