"""HEAD and OPTIONS for every page."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

ALLOW = "GET, HEAD, POST, OPTIONS"


class HeadAndOptionsMiddleware:
    """HEAD is answered as GET (the server leaves out the body), so a page that answers GET
    answers HEAD the same way, whatever its view allows: uptime monitors use HEAD.

    OPTIONS is answered here and never reaches a view (the quick exit, a GET with an effect,
    would otherwise run): 204 with the methods Gezien's pages use, for any address that
    exists. No CORS headers: other sites get nothing from Gezien."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "OPTIONS":
            try:
                resolve(request.path_info)
            except Resolver404:
                return self.get_response(request)  # the usual 404 page
            response = HttpResponse(status=204)
            response["Allow"] = ALLOW
            return response
        if request.method == "HEAD":
            request.method = "GET"
            try:
                return self.get_response(request)
            finally:
                request.method = "HEAD"
        return self.get_response(request)
