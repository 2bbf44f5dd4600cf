"""The person's pages: the story timeline and the help question."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from gezien.accounts.decorators import account_required
from gezien.core import lookups
from gezien.drafts import service as drafts
from gezien.drafts.pages import conflict_page, keep_words_on_expiry, posted_version
from gezien.lib.text import current_language
from gezien.story import forms, helpquestion, links, store
from gezien.story.periods import BY_KEY, PERIODS, Period
from gezien.vault import person


def _neighbours(key: str) -> tuple[Period | None, Period | None]:
    keys = [period.key for period in PERIODS]
    index = keys.index(key)
    before = PERIODS[index - 1] if index > 0 else None
    after = PERIODS[index + 1] if index + 1 < len(PERIODS) else None
    return before, after


@account_required
def home(request: HttpRequest) -> HttpResponse:
    me = person.of(request)
    written = store.all_periods(me)
    return render(
        request,
        "story/home.html",
        {
            "periods": [(period, written[period.key]) for period in PERIODS],
            "help_question": store.help_question(me),
            **links.support_links(),
        },
    )


def _period_page(
    request: HttpRequest, current: Period, form: forms.PeriodForm, state: drafts.FormState
) -> HttpResponse:
    before, after = _neighbours(current.key)
    return render(
        request,
        "story/period.html",
        {
            "period": current,
            "form": form,
            "draft_state": state,
            "before": before,
            "after": after,
            **links.support_links(),
        },
    )


def _period_fields(current: Period, parts: dict[str, str], version: int) -> drafts.Fields:
    fields = {forms.field_name(current, key): [text] for key, text in parts.items() if text}
    return {**fields, "story_version": [str(version)]}


@sensitive_post_parameters()
@keep_words_on_expiry
@account_required
def period(request: HttpRequest, key: str) -> HttpResponse:
    """One period of the story. Unsaved words are kept as a draft (autosave with
    JavaScript, a "Save draft" button without); a save from an older page than the stored
    version shows both versions side by side."""
    current = BY_KEY[key]
    me = person.of(request)
    draft_key = f"story:{key}"
    if request.method == "POST":
        done = drafts.submitted(request)
        if done is not None:
            return redirect(done)
        form = forms.PeriodForm(request.POST, period=current)
        ref = drafts.FormRef(draft_key, str(request.user.pk), request.path)
        state = drafts.FormState(
            ref,
            posted_version(request),
            tuple(form.fields),
            None,
            submit_token=request.POST.get("submit_token", ""),
        )
        if not form.is_valid():
            return _period_page(request, current, form, state)
        _before, after = _neighbours(key)

        def save() -> str:
            store.save_period(
                me.account, me.data_key, key, form.parts(), form.cleaned_data["story_version"]
            )
            messages.success(request, _("Saved. You can change it whenever you like."))
            if "next" in request.POST and after is not None:
                return reverse(f"story:period-{after.key}")
            return reverse("story:home")

        try:
            return redirect(drafts.submit_once(request, save, draft=draft_key))
        except store.Conflict as changed:
            mine = _period_fields(current, form.parts(), changed.version)
            theirs = _period_fields(current, changed.theirs, changed.version)
            return conflict_page(
                request, ref, mine, theirs, drafts.current_version(request, draft_key)
            )
    state = drafts.form_state(
        request, draft_key, request.path, forms.PeriodForm(period=current).fields
    )
    stored = store.period(me.account, me.data_key, key)
    saved = _period_fields(current, stored.parts, stored.version)
    initial = state.initial() if state.draft else drafts.Saved(draft_key, saved, 0).initial()
    return _period_page(request, current, forms.PeriodForm(period=current, initial=initial), state)


def _answers(cleaned: dict[str, Any]) -> dict[str, Any]:
    return {
        name: list(value) if isinstance(value, list) else value for name, value in cleaned.items()
    }


@sensitive_post_parameters()
@account_required
def help_question(request: HttpRequest) -> HttpResponse:
    me, lang = person.of(request), current_language()
    stored = store.help_question(me)
    form = forms.HelpQuestionForm(request.POST or None, language=lang, initial=stored["answers"])
    if request.method == "POST" and form.is_valid():
        answers = _answers(form.cleaned_data)
        keep = stored["edited"] and stored["text"].strip()
        text = (
            stored["text"]
            if keep
            else helpquestion.compose(
                helpquestion.Answers.from_dict(answers), helpquestion.load(), lang
            )
        )
        store.save_help_question(
            me.account, me.data_key, {"answers": answers, "text": text, "edited": bool(keep)}
        )
        if keep:
            messages.info(
                request,
                _(
                    "You changed the text of your help question yourself, so it stayed as it was. "
                    "Below you can make a new text from your answers."
                ),
            )
        return redirect("story:help-question-text")
    return render(request, "story/help_question.html", {"form": form})


@sensitive_post_parameters()
@require_POST
@account_required
def help_question_from_navigator(request: HttpRequest) -> HttpResponse:
    """The help navigator's answers, put into the help question's answers (the person
    checks and saves them on the help-question page). Nothing else changes."""
    navigator = lookups.navigator()
    given = navigator.answers(request.POST) if navigator else None
    if given is None:
        return render(request, "core/error.html", {"status": 400}, status=400)
    me = person.of(request)
    stored = store.help_question(me)
    answers = helpquestion.from_navigator(stored["answers"], given.statements, given.preferences)
    store.save_help_question(me.account, me.data_key, {**stored, "answers": answers})
    messages.success(
        request,
        _(
            "Your answers from the help navigator are filled in below. Check them, add what you "
            "like, and save."
        ),
    )
    return redirect("story:help-question")


@sensitive_post_parameters()
@account_required
def help_question_text(request: HttpRequest) -> HttpResponse:
    me = person.of(request)
    stored = store.help_question(me)
    generated = helpquestion.compose(
        helpquestion.Answers.from_dict(stored["answers"]), helpquestion.load(), current_language()
    )
    if request.method == "POST" and "remake" in request.POST:
        store.save_help_question(
            me.account, me.data_key, {**stored, "text": generated, "edited": False}
        )
        messages.success(request, _("A new text was made from your answers."))
        return redirect("story:help-question-text")
    form = forms.HelpQuestionTextForm(request.POST or None, initial={"text": stored["text"]})
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        store.save_help_question(
            me.account,
            me.data_key,
            {**stored, "text": text, "edited": text.strip() != generated.strip()},
        )
        messages.success(request, _("Your help question is saved."))
        return redirect("story:home")
    return render(
        request, "story/help_question_text.html", {"form": form, "can_remake": bool(generated)}
    )
