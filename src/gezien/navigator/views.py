from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from gezien.navigator import engine, web
from gezien.navigator.forms import AnswersForm


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def navigator(request: HttpRequest) -> HttpResponse:
    """The form, and on POST the advice. A POST, because what bothers a person is personal:
    it must not end up in an address, a browser history or a log. Nothing is stored."""
    rules = web.rules()
    form = AnswersForm(rules, request.POST if request.method == "POST" else None)
    if not form.is_bound:
        return render(request, "navigator/form.html", {"form": form})
    if form.is_valid():
        advice = engine.advise(rules, *form.answers())
        context = web.words(advice)
        if request.user.is_authenticated and web.help_question_url():
            # The same answers, ready to be sent on to the help question.
            context["answers_to_send"] = [
                (name, value)
                for name, values in request.POST.lists()
                if name != "csrfmiddlewaretoken"
                for value in values
            ]
            context["help_question_url"] = web.help_question_url()
        return render(request, "navigator/result.html", context)
    return render(request, "navigator/form.html", {"form": form}, status=400)
