from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from gezien.accounts import sessions


class SessionExpiryMiddleware:
    """Ends a logged-in session after the idle time or the absolute lifetime. The request
    then goes on as logged out (the quick exit and public pages keep working); pages that
    need an account send the person to the login page with a calm explanation."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            if sessions.expired(request):
                sessions.end(request)
                setattr(request, sessions.EXPIRED, True)
            else:
                sessions.touch(request)
        return self.get_response(request)
