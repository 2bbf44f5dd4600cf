"""The person's pages: the story timeline, the help question, the summary and sharing."""

from __future__ import annotations

import secrets
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from gezien.accounts import sessions
from gezien.accounts.decorators import account_required, recent_passphrase_required
from gezien.drafts import service as drafts
from gezien.drafts.views import conflict_page, keep_words_on_expiry
from gezien.story import forms, helpquestion, links, pdf, sharing, stories, summary
from gezien.story.models import Share
from gezien.story.periods import BY_KEY, PERIODS
from gezien.vault.records import owned_or_404
from gezien.lib.text import current_language

CHOSEN = "story_summary_parts"


def _neighbours(key: str) -> tuple:
    keys = [period.key for period in PERIODS]
    index = keys.index(key)
    before = PERIODS[index - 1] if index > 0 else None
    after = PERIODS[index + 1] if index + 1 < len(PERIODS) else None
    return before, after


@account_required
def home(request: HttpRequest) -> HttpResponse:
    written = stories.all_periods(request.user, request.data_key)
    shares = Share.objects.filter(owner=request.user)
    return render(request, "story/home.html", {
        "periods": [(period, written[period.key]) for period in PERIODS],
        "help_question": stories.help_question(request.user, request.data_key),
        "active_shares": sum(1 for share in shares if sharing.status(share) == sharing.ACTIVE),
        **links.support_links(),
    })


def _period_page(request: HttpRequest, current, form: forms.PeriodForm, state: drafts.FormState) -> HttpResponse:
    before, after = _neighbours(current.key)
    return render(request, "story/period.html", {
        "period": current, "form": form, "draft_state": state, "before": before, "after": after,
        **links.support_links(),
    })


def _period_fields(current, parts: dict[str, str], version: int) -> drafts.Fields:
    fields = {forms.field_name(current, key): [text] for key, text in parts.items() if text}
    return {**fields, "story_version": [str(version)]}


def _posted_version(request: HttpRequest, name: str) -> int:
    try:
        return max(0, int(request.POST.get(name, "")))
    except ValueError:
        return 0


@sensitive_post_parameters()
@keep_words_on_expiry
@account_required
def period(request: HttpRequest, key: str) -> HttpResponse:
    """One period of the story. Unsaved words are kept as a draft (autosave with
    JavaScript, a "Save draft" button without); a save from an older page than the stored
    version shows both versions side by side."""
    current = BY_KEY[key]
    draft_key = f"story:{key}"
    if request.method == "POST":
        done = drafts.submitted(request)
        if done is not None:
            return redirect(done)
        form = forms.PeriodForm(request.POST, period=current)
        ref = drafts.FormRef(draft_key, str(request.user.pk), request.path)
        state = drafts.FormState(ref, _posted_version(request, "draft_version"), tuple(form.fields), None,
                                 submit_token=request.POST.get("submit_token", ""))
        if not form.is_valid():
            return _period_page(request, current, form, state)
        _before, after = _neighbours(key)

        def store() -> str:
            stories.save_period(request.user, request.data_key, key, form.parts(), form.cleaned_data["story_version"])
            messages.success(request, _("Saved. You can change it whenever you like."))
            if "next" in request.POST and after is not None:
                return reverse(f"story:period-{after.key}")
            return reverse("story:home")

        try:
            return redirect(drafts.submit_once(request, store, draft=draft_key))
        except stories.Conflict as changed:
            mine = _period_fields(current, form.parts(), changed.version)
            theirs = _period_fields(current, changed.theirs, changed.version)
            return conflict_page(request, ref, mine, theirs, drafts.current_version(request, draft_key))
    state = drafts.form_state(request, draft_key, request.path, forms.PeriodForm(period=current).fields)
    stored = stories.period(request.user, request.data_key, key)
    saved = _period_fields(current, stored.parts, stored.version)
    initial = state.initial() if state.draft else drafts.Saved(draft_key, saved, 0).initial()
    return _period_page(request, current, forms.PeriodForm(period=current, initial=initial), state)


def _answers(cleaned: dict) -> dict:
    return {name: list(value) if isinstance(value, list) else value for name, value in cleaned.items()}


@sensitive_post_parameters()
@account_required
def help_question(request: HttpRequest) -> HttpResponse:
    language = current_language()
    stored = stories.help_question(request.user, request.data_key)
    form = forms.HelpQuestionForm(request.POST or None, language=language, initial=stored["answers"])
    if request.method == "POST" and form.is_valid():
        answers = _answers(form.cleaned_data)
        keep = stored["edited"] and stored["text"].strip()
        text = stored["text"] if keep else helpquestion.compose(
            helpquestion.Answers.from_dict(answers), helpquestion.load(), language
        )
        stories.save_help_question(request.user, request.data_key,
                                   {"answers": answers, "text": text, "edited": bool(keep)})
        if keep:
            messages.info(request, _("You changed the text of your help question yourself, so it stayed as it was. "
                                     "Below you can make a new text from your answers."))
        return redirect("story:help-question-text")
    return render(request, "story/help_question.html", {"form": form})


@sensitive_post_parameters()
@require_POST
@account_required
def help_question_from_navigator(request: HttpRequest) -> HttpResponse:
    """The help navigator's answers, put into the help question's answers (the person
    checks and saves them on the help-question page). Nothing else changes."""
    from gezien.navigator import web
    from gezien.navigator.forms import AnswersForm

    form = AnswersForm(web.rules(), request.POST)
    if not form.is_valid():
        return render(request, "navigator/form.html", {"form": form}, status=400)
    stored = stories.help_question(request.user, request.data_key)
    answers = helpquestion.from_navigator(stored["answers"], web.rules(), *form.answers(), current_language())
    stories.save_help_question(request.user, request.data_key, {**stored, "answers": answers})
    messages.success(request, _("Your answers from the help navigator are filled in below. Check them, add what you like, and save."))
    return redirect("story:help-question")


@sensitive_post_parameters()
@account_required
def help_question_text(request: HttpRequest) -> HttpResponse:
    language = current_language()
    stored = stories.help_question(request.user, request.data_key)
    generated = helpquestion.compose(
        helpquestion.Answers.from_dict(stored["answers"]), helpquestion.load(), language
    )
    if request.method == "POST" and "remake" in request.POST:
        stories.save_help_question(request.user, request.data_key, {**stored, "text": generated, "edited": False})
        messages.success(request, _("A new text was made from your answers."))
        return redirect("story:help-question-text")
    form = forms.HelpQuestionTextForm(request.POST or None, initial={"text": stored["text"]})
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        stories.save_help_question(request.user, request.data_key,
                                   {**stored, "text": text, "edited": text.strip() != generated.strip()})
        messages.success(request, _("Your help question is saved."))
        return redirect("story:home")
    return render(request, "story/help_question_text.html", {"form": form, "can_remake": bool(generated)})


def _choose_page(request: HttpRequest, form: forms.ChooseForm, sections_: list, status: int = 200) -> HttpResponse:
    chosen = set(form["parts"].value() or [])
    return render(request, "story/summary_choose.html",
                  {"form": form, "sections": sections_, "chosen": chosen}, status=status)


@account_required
def summary_choose(request: HttpRequest) -> HttpResponse:
    available = summary.available(request.user, request.data_key)
    keys = summary.part_keys(available)
    remembered = [key for key in request.session.get(CHOSEN, []) if key in keys]
    chosen = remembered or [p.key for s in available for p in s.parts if p.suggested]
    return _choose_page(request, forms.ChooseForm(initial={"parts": chosen}, sections=available), available)


def _preview(request: HttpRequest, available: list, chosen: list[str], share_form: forms.ShareForm | None = None,
             changed: bool = False, status: int = 200) -> HttpResponse:
    data = summary.snapshot(available, chosen, language=current_language(), made_at=timezone.now())
    digest = summary.content_digest(data)
    if share_form is None:
        share_form = forms.ShareForm(sections=available, initial={
            "parts": chosen, "days": 7, "digest": digest, "form_token": secrets.token_urlsafe(32),
        })
    else:
        # Keep what was typed, with the digest of what is on the screen now.
        share_form.data = share_form.data.copy()
        share_form.data["digest"] = digest
    return render(request, "story/summary_preview.html", {
        "summary": data, "chosen": chosen, "share_form": share_form, "changed": changed,
        "passphrase_needed": not sessions.passphrase_is_recent(request),
    }, status=status)


@require_POST
@account_required
def summary_preview(request: HttpRequest) -> HttpResponse:
    available = summary.available(request.user, request.data_key)
    form = forms.ChooseForm(request.POST, sections=available)
    if not form.is_valid():
        return _choose_page(request, form, available, status=400)
    request.session[CHOSEN] = form.cleaned_data["parts"]
    return _preview(request, available, form.cleaned_data["parts"])


def attachment(body: bytes, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    # A neutral name: a file called after Gezien or a story could tell someone else too much.
    response["Content-Disposition"] = f'attachment; filename="document-{timezone.localdate().isoformat()}.{extension}"'
    return response


@require_POST
@account_required
def summary_pdf(request: HttpRequest) -> HttpResponse:
    available = summary.available(request.user, request.data_key)
    form = forms.ChooseForm(request.POST, sections=available)
    if not form.is_valid():
        return _choose_page(request, form, available, status=400)
    data = summary.snapshot(available, form.cleaned_data["parts"], language=current_language(), made_at=timezone.now())
    return attachment(pdf.render(data, shared=False), "application/pdf", "pdf")


@sensitive_post_parameters()
@require_POST
@account_required
@recent_passphrase_required
def share_create(request: HttpRequest) -> HttpResponse:
    available = summary.available(request.user, request.data_key)
    form = forms.ShareForm(request.POST, sections=available)
    chosen_ok = forms.ChooseForm(request.POST, sections=available)
    if not chosen_ok.is_valid():
        messages.error(request, _("Something changed in what you can share. Choose the parts again."))
        return redirect("story:summary")
    chosen = chosen_ok.cleaned_data["parts"]
    if not form.is_valid():
        return _preview(request, available, chosen, share_form=form, status=400)
    expires_at = sharing.expiry(form.cleaned_data["days"])
    data = summary.snapshot(available, chosen, language=current_language(),
                            made_at=timezone.now(), expires_at=expires_at)
    if summary.content_digest(data) != form.cleaned_data["digest"]:
        return _preview(request, available, chosen, share_form=form, changed=True, status=409)
    titles = [part["title"] for section in data["sections"] for part in section["parts"]]
    try:
        link = sharing.create(
            request.user, request.data_key, data,
            label=form.cleaned_data["label"].strip(), part_titles=titles, expires_at=expires_at,
            with_code=form.cleaned_data["with_code"], form_token=form.cleaned_data["form_token"],
        )
    except sharing.AlreadyMade:
        messages.info(request, _("This link was made already. For your safety Gezien shows a link only once. "
                                 "Did you not save it? Stop that link below and make a new one."))
        return redirect("story:shares")
    url = request.build_absolute_uri(f"{reverse('story:shared')}?{urlencode({'id': link.link_id, 'key': link.key})}")
    # No redirect: the link is shown this one time and stored nowhere.
    return render(request, "story/share_created.html", {"url": url, "code": link.code, "expires_at": expires_at})


@account_required
def shares(request: HttpRequest) -> HttpResponse:
    sharing.forget_expired()
    items = [
        {
            "share": share,
            "content": share.open_content(request.data_key),
            "status": sharing.status(share),
            "openings": list(share.openings.all()),
        }
        for share in Share.objects.filter(owner=request.user).prefetch_related("openings")
    ]
    return render(request, "story/shares.html", {"items": items})


@require_POST
@account_required
def share_revoke(request: HttpRequest, pk) -> HttpResponse:
    share = owned_or_404(Share, request, pk)
    if share.snapshot is not None:
        sharing.revoke(share)
        messages.success(request, _("The link is stopped. The summary behind it is deleted; nobody can open it now."))
    return redirect("story:shares")

