from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from gezien.library import pages
from gezien.library.forms import SearchForm


@sensitive_post_parameters("q")
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    """The index, and the search: a POST, so search words never end up in an address,
    a browser history or a log."""
    form = SearchForm(request.POST if request.method == "POST" else None)
    results = None
    status = 200
    if form.is_bound:
        if form.is_valid():
            results = pages.find(form.cleaned_data["q"])
        else:
            status = 400
    context = {
        "form": form,
        "results": results,
        "readers": pages.readers(),
        "topics": pages.topics(),
    }
    return render(request, "library/index.html", context, status=status)


@require_GET
def page(request: HttpRequest, page_id: str) -> HttpResponse:
    found = pages.get(page_id)
    if found is None:
        raise Http404
    context = {
        "page": found,
        # The body is Markdown rendered with raw HTML switched off, so it holds only markup
        # the renderer made itself.
        "body": mark_safe(pages.rendered(found.language, found.id)),
        "related": [pages.get(related) for related in found.related],
    }
    return render(request, "library/page.html", context)
