"""Leaving Gezien on a device (logging out, the quick exit, deleting the account): the
answer asks the browser to forget this site, and deletes every cookie the browser sent, for
browsers that ignore Clear-Site-Data (they honour it only over HTTPS or on localhost)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def forget_this_device(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    for name in request.COOKIES:
        response.delete_cookie(name, samesite="Lax")
    return response
