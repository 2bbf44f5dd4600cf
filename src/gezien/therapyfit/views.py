"""The klik-check's pages: a one-minute reflection after a session, and the view over
sessions with the note when it may be time to look further. Without an account the
reflection is shown back and nothing is stored."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from gezien.accounts.decorators import account_required
from gezien.core import lookups
from gezien.drafts import service as drafts
from gezien.therapyfit import reflection, store, web
from gezien.therapyfit.forms import ReflectionForm
from gezien.therapyfit.models import SessionReflection
from gezien.vault import person
from gezien.vault.records import owned_or_404


def _about() -> dict[str, Any]:
    return {"report": web.source("report"), "ladder_url": lookups.site_url("practise-ladder")}


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    me = person.unlocked(request)
    sessions = store.sessions(me) if me is not None else []
    context: dict[str, Any] = {"logged_in": me is not None, **_about()}
    if sessions:
        loaded = reflection.load()
        current = reflection.with_current_therapist(sessions)
        context.update(
            rows=web.rows(sessions),
            chart=web.chart(current),
            who=current[-1].with_whom,
            tally=web.tally(current),
            answers=[option.label.get() for option in loaded.options],
            look_further=reflection.look_further(sessions, loaded.rule),
            rule=loaded.rule,
            help=web.look_further_help(sessions),
            flueckiger=web.source("flueckiger-2018"),
        )
    return render(request, "therapyfit/index.html", context)


def _form_page(request: HttpRequest, form: ReflectionForm) -> HttpResponse:
    context = {
        "form": form,
        "logged_in": person.unlocked(request) is not None,
        "submit_token": request.POST.get("submit_token") or str(uuid.uuid4()),
        **_about(),
    }
    return render(request, "therapyfit/new.html", context)


def _last_name(request: HttpRequest) -> str:
    me = person.unlocked(request)
    sessions = store.sessions(me) if me is not None else []
    return sessions[-1].with_whom if sessions else ""


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def new(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        initial = {"date": timezone.localdate(), "with_whom": _last_name(request)}
        return _form_page(request, ReflectionForm(initial=initial))
    form = ReflectionForm(request.POST)
    if not form.is_valid():
        return _form_page(request, form)
    session = form.session()
    me = person.unlocked(request)
    if me is None:
        # Nothing is stored: the reflection is shown back, with what may help to say.
        loaded = reflection.load()
        context = {
            "click": web.answer(session.click),
            "help": web.look_further_help([session]),
            "missing": [
                {"point": p.text.get(), "say": p.say.get()}
                for p in reflection.missing([session], loaded.points, loaded.rule)
            ],
            **_about(),
        }
        return render(request, "therapyfit/shown.html", context)
    done = drafts.submitted(request)
    if done is not None:
        return redirect(done)

    def save() -> str:
        store.add(me.account, me.data_key, session)
        messages.success(
            request, _("Your reflection is kept, encrypted. Thank you for taking a moment.")
        )
        return reverse("therapyfit:index")

    return redirect(drafts.submit_once(request, save))


@account_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    record = owned_or_404(SessionReflection, request, pk)
    if request.method == "POST":
        record.delete()
        messages.success(request, _("The reflection is deleted."))
        return redirect("therapyfit:index")
    content = record.open_content(person.of(request).data_key)
    shown = reflection.Session(id=str(record.pk), date=content["date"], click=content["click"])
    return render(request, "therapyfit/delete.html", {"session": web.rows([shown])[0]})
