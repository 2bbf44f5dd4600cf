from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.utils import Error as DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import check_for_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from gezien.core import helplines, lookups
from gezien.core.leaving import forget_this_device
from gezien.core.redirects import same_site_path
from gezien.vault import person


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"checkup": _checkup_due(request)})


def _checkup_due(request: HttpRequest) -> lookups.CheckupDue | None:
    """When the logged-in person's next check-up is due (the check-up app, if installed)."""
    me = person.unlocked(request)
    checkups = lookups.checkups()
    return checkups.next_due(me) if me is not None and checkups is not None else None


@require_GET
def help_lines(request: HttpRequest) -> HttpResponse:
    return render(request, "core/help_lines.html", {"helplines": helplines.load()})


@require_GET
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "core/about.html")


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


@require_GET
def quick_exit_info(request: HttpRequest) -> HttpResponse:
    return render(request, "core/quick_exit.html")


@never_cache
def quick_exit(request: HttpRequest) -> HttpResponse:
    """The quick exit's server side: a plain link works without JavaScript, so this is a GET.
    It ends any session, asks the browser to forget this site's cookies, storage and cache,
    and sends the person to a neutral site."""
    request.session.flush()
    return forget_this_device(request, HttpResponseRedirect(settings.EXIT_URL, status=303))


@require_GET
def switch_language(request: HttpRequest, code: str) -> HttpResponse:
    """Switch language with a plain link, so it works without JavaScript and on every page,
    error pages included. Only the language cookie changes."""
    response = HttpResponseRedirect(same_site_path(request.GET.get("next", "")) or "/")
    if check_for_language(code) and code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        )
    return response


ROBOTS = Path(__file__).with_name("robots.txt").read_text(encoding="utf-8")


@require_GET
def robots(request: HttpRequest) -> HttpResponse:
    """Keeps crawlers out of accounts, shared links and drafts (shared pages also send
    X-Robots-Tag: noindex)."""
    return HttpResponse(ROBOTS, content_type="text/plain; charset=utf-8")


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: 200 when the database answers, 503 otherwise; nothing else."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def livez(request: HttpRequest) -> HttpResponse:
    """The process answers; no database, no template. Also the load benchmark's floor."""
    return HttpResponse("ok\n", content_type="text/plain")


def _error(request: HttpRequest, status: int) -> HttpResponse:
    return render(request, "core/error.html", {"status": status}, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "core/error.html", {"status": 403, "csrf": True}, status=403)
