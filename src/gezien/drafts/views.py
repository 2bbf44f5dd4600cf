"""The endpoints behind autosave: save (JavaScript or the "Save draft" button), choose
between two versions, discard, the login check, and getting stashed text back."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_POST

from gezien.accounts.decorators import account_required
from gezien.drafts import service
from gezien.drafts.pages import (
    conflict_context,
    conflict_page,
    expired,
    posted_replace,
    posted_version,
    shown,
    time_of,
    too_long_message,
    unlocked_for,
    wants_json,
)
from gezien.drafts.service import Conflict, Fields, FormRef, TooLong
from gezien.vault import person


def _too_long(request: HttpRequest, ref: FormRef, error: TooLong, fields: Fields) -> HttpResponse:
    return render(
        request,
        "drafts/too_long.html",
        {"message": too_long_message(error), "back": ref.return_url, "shown": shown(ref, fields)},
        status=413,
    )


def _bad(request: HttpRequest) -> HttpResponse:
    if wants_json(request):
        return JsonResponse(
            {
                "status": "invalid",
                "message": _("This page is too old. Reload it; your saved text comes back."),
            },
            status=400,
        )
    return render(request, "core/error.html", {"status": 400}, status=400)


@sensitive_post_parameters()
@require_POST
def save(request: HttpRequest) -> HttpResponse:
    ref = service.unsign(request.POST.get("draft_key", ""))
    if ref is None:
        return _bad(request)
    fields, replace, version = (
        service.from_post(request.POST),
        posted_replace(request),
        posted_version(request),
    )
    if not unlocked_for(request, ref):
        return expired(request, ref, fields, replace, version)
    target = service.submitted(request)
    if target is not None:
        if wants_json(request):
            return JsonResponse({"status": "submitted", "message": _("This was saved already.")})
        return redirect(target)
    try:
        saved = service.save(request, ref.form_key, fields, version, replace)
    except TooLong as error:
        if wants_json(request):
            return JsonResponse(
                {"status": "too-long", "message": too_long_message(error)}, status=413
            )
        return _too_long(request, ref, error, fields)
    except Conflict as conflict:
        context = conflict_context(
            request, ref, conflict.mine, conflict.theirs, conflict.theirs.version
        )
        if wants_json(request):
            panel = render_to_string("drafts/conflict_panel.html", context, request)
            return JsonResponse(
                {
                    "status": "conflict",
                    "message": _("This text was also changed somewhere else. Choose what to keep."),
                    "panel": panel,
                },
                status=409,
            )
        return render(request, "drafts/conflict.html", context, status=409)
    message = _("Draft saved at %(time)s.") % {"time": time_of(saved.saved_at or timezone.now())}
    if wants_json(request):
        return JsonResponse({"status": "saved", "version": saved.version, "message": message})
    messages.success(request, message)
    return redirect(ref.return_url)


def _choose(choice: str, mine: list[str], theirs: list[str], mode: str) -> list[str]:
    if choice == "theirs":
        return theirs
    if choice == "both" and mode == "text":
        return ["\n\n".join(v for v in (mine[:1] + theirs[:1]) if v)]
    if choice == "both" and mode == "list":
        return mine + [v for v in theirs if v not in mine]
    return mine


@sensitive_post_parameters()
@require_POST
def resolve(request: HttpRequest) -> HttpResponse:
    """The person chose between two versions: save the result as the draft and go back
    to the form, where it is filled in."""
    ref = service.unsign(request.POST.get("draft_key", ""))
    if ref is None:
        return _bad(request)
    kind = service.kind_of(ref.form_key)
    names = {key.split(":", 1)[1] for key in request.POST if key.startswith(("mine:", "theirs:"))}
    result: Fields = {}
    for name in names:
        mine, theirs = request.POST.getlist(f"mine:{name}"), request.POST.getlist(f"theirs:{name}")
        choice = "theirs" if name in kind.hidden else request.POST.get(f"choice:{name}", "mine")
        result[name] = _choose(choice, mine, theirs, kind.mode(name))
    if not unlocked_for(request, ref):
        return expired(request, ref, result, None, posted_version(request, "base_version"))
    try:
        service.save(request, ref.form_key, result, posted_version(request, "base_version"))
    except TooLong as error:
        return _too_long(request, ref, error, result)
    except Conflict as conflict:
        return conflict_page(request, ref, conflict.mine, conflict.theirs, conflict.theirs.version)
    messages.success(request, _("Your choice is saved. Check the text below, then save it."))
    return redirect(ref.return_url)


@require_POST
@account_required
def discard(request: HttpRequest) -> HttpResponse:
    ref = service.unsign(request.POST.get("draft_key", ""))
    if ref is None or ref.owner != str(request.user.pk):
        return _bad(request)
    service.discard(request, ref.form_key)
    messages.success(request, _("The draft is thrown away."))
    return redirect(ref.return_url)


@require_GET
def status(request: HttpRequest) -> HttpResponse:
    """For the autosave script after a session ended: is the person logged in again (in
    another tab), and the new form token that came with that login."""
    logged_in = person.unlocked(request) is not None
    return JsonResponse({"logged_in": logged_in, "csrf": get_token(request)})


@account_required
def restore(request: HttpRequest) -> HttpResponse:
    """Where the login after an ended session leads: the stashed text becomes the form's
    draft (or, when the draft changed meanwhile, the person chooses)."""
    stashed = service.take_stash(request)
    response: HttpResponse
    if stashed is None:
        response = redirect("accounts:home")
    else:
        ref, fields, replace, version = stashed
        try:
            service.save(request, ref.form_key, fields, version, replace)
        except Conflict as conflict:
            response = conflict_page(
                request, ref, conflict.mine, conflict.theirs, conflict.theirs.version
            )
        except TooLong:
            response = redirect(ref.return_url)
        else:
            messages.success(request, _("Your text is back. Check it, then save it."))
            response = redirect(ref.return_url)
    response.delete_cookie(service.STASH_COOKIE, samesite="Lax")
    return response
