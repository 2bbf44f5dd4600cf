"""The emotion journal's pages: overview by day, a new entry (guided, step by step, or
on one page), edit, delete, search and patterns. Everything personal is sealed; drafts
keep unsaved words (gezien.drafts)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypedDict

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from gezien.accounts.decorators import account_required
from gezien.drafts import service as drafts
from gezien.drafts.pages import conflict_page, keep_words_on_expiry, too_long_message
from gezien.drafts.service import Conflict, TooLong
from gezien.journal import content, entries, meter, word_list
from gezien.journal.emotions import QUADRANT_SIDES, suggest, words_in
from gezien.journal.entries import NEW, STEPS_DRAFT, entry_key
from gezien.journal.forms import EntryForm, entry_field_names, meter_choices
from gezien.journal.models import JournalEntry
from gezien.lib import charts
from gezien.vault import person
from gezien.vault.records import owned_or_404

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MAX_QUERY = 200
MAX_HITS = 100


class Invalid(Exception):
    def __init__(self, form: EntryForm) -> None:
        super().__init__("invalid")
        self.form = form


class EntryChanged(Exception):
    def __init__(self, current: dict[str, Any], version: int) -> None:
        super().__init__("changed")
        self.current, self.version = current, version


def _query_dict(fields: drafts.Fields) -> QueryDict:
    data = QueryDict(mutable=True)
    for field_name, values in fields.items():
        data.setlist(field_name, values)
    return data


def _version(request: HttpRequest, name: str) -> int | None:
    try:
        return int(request.POST.get(name, ""))
    except ValueError:
        return None


def _entry_url(entry_id: object) -> str:
    return f"{reverse('journal:index')}?stukje={entry_id}#stukje-{entry_id}"


# ---------------------------------------------------------------- overview


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "journal/about.html")


def index(request: HttpRequest) -> HttpResponse:
    """Without an account: what the journal is and why it needs one. With: the overview."""
    if not request.user.is_authenticated and not getattr(request, "session_expired", False):
        return render(request, "journal/about.html")
    return overview(request)


@account_required
def overview(request: HttpRequest) -> HttpResponse:
    everything = entries.all_entries(person.of(request))
    month_list = content.months(everything)
    month = _chosen_month(request, everything, month_list)
    shown = [entry for entry in everything if entry.day.replace(day=1) == month]
    newer = [m for m, _count in month_list if m > month]
    older = [m for m, _count in month_list if m < month]
    return render(
        request,
        "journal/overview.html",
        {
            "month": month,
            "days": [
                (day, [entries.shown(e) for e in items]) for day, items in content.by_day(shown)
            ],
            "months": month_list,
            "newer": newer[-1] if newer else None,
            "older": older[0] if older else None,
            "total": len(everything),
            "draft": drafts.load(request, NEW),
            "steps_draft": drafts.load(request, STEPS_DRAFT),
        },
    )


def _chosen_month(
    request: HttpRequest, everything: list[content.Entry], month_list: list[tuple[date, int]]
) -> date:
    wanted = request.GET.get("stukje")
    for entry in everything:
        if entry.id == wanted:
            return entry.day.replace(day=1)
    try:
        return date.fromisoformat(request.GET.get("maand", "") + "-01")
    except ValueError:
        pass
    this_month = timezone.localdate().replace(day=1)
    if any(m == this_month for m, _count in month_list) or not month_list:
        return this_month
    return month_list[0][0]


# ---------------------------------------------------------------- writing


def _names(form: EntryForm, *extra: str) -> list[str]:
    return [*form.fields, *extra]


def _submit_new(
    request: HttpRequest,
    key: str,
    step_form: EntryForm,
    invalid: Callable[[EntryForm], HttpResponse],
) -> HttpResponse:
    """Store a new entry from the draft `key` plus this page's fields, once per form
    instance. A conflict with another tab shows both versions; an invalid form is shown
    again."""
    done = drafts.submitted(request)
    if done is not None:
        return redirect(done)
    names = _names(step_form)

    def create() -> str:
        if not step_form.is_valid():
            raise Invalid(step_form)
        try:
            saved = drafts.save(
                request,
                key,
                drafts.from_post(request.POST),
                _version(request, "draft_version") or 0,
                names,
            )
        except TooLong as error:
            step_form.add_error(None, too_long_message(error))
            raise Invalid(step_form) from None
        full = EntryForm(_query_dict(saved.fields))
        if not full.is_valid():
            for message in full.non_field_errors():
                step_form.add_error(None, message)
            for field_name, errors in full.errors.items():
                if field_name != "__all__" and field_name not in step_form.fields:
                    # An ErrorList yields its messages; django-stubs types its items as
                    # ValidationError | str.
                    joined = " ".join(errors)  # type: ignore[arg-type]
                    step_form.add_error(None, f"{full.fields[field_name].label}: {joined}")
            raise Invalid(step_form)
        record = JournalEntry(owner=person.of(request).account)
        record.seal_content(person.of(request).data_key, full.content())
        record.save()
        messages.success(request, _("Your entry is saved."))
        return _entry_url(record.pk)

    try:
        return redirect(drafts.submit_once(request, create, draft=key))
    except Invalid as problem:
        return invalid(problem.form)
    except Conflict as conflict:
        return conflict_page(
            request, _ref(request, key), conflict.mine, conflict.theirs, conflict.theirs.version
        )


def _ref(request: HttpRequest, key: str) -> drafts.FormRef:
    return drafts.FormRef(key, str(request.user.pk), request.path)


def _words(form: EntryForm, first: list[str]) -> dict[str, Any]:
    """The feeling words as chips: the words in `first` (chosen, then suggested) in view,
    the others per corner of the map behind a disclosure, open when a word in it is ticked."""
    vocab = entries.vocabulary()
    shown = [entries.word(word_id) for word_id in first]
    groups = []
    for quadrant in vocab.quadrants:
        rows = word_list.rows(form, [w for w in words_in(vocab, quadrant.id) if w.id not in first])
        groups.append(
            {"name": entries.name(quadrant), "rows": rows, "open": any(r["checked"] for r in rows)}
        )
    return {"shown": word_list.rows(form, shown), "groups": groups}


def _plain(
    request: HttpRequest, form: EntryForm, state: drafts.FormState | None, **extra: Any
) -> HttpResponse:
    return render(
        request,
        "journal/entry_form.html",
        {
            "form": form,
            "draft_state": state,
            "words": _words(form, []),
            "meter": meter_choices(form),
            **extra,
        },
        status=200,
    )


@sensitive_post_parameters()
@keep_words_on_expiry
@account_required
def new(request: HttpRequest) -> HttpResponse:
    """The plain form, for people who know what they want to write down."""
    if request.method == "POST":
        form = EntryForm(request.POST)
        state = _posted_state(request, NEW, form)
        return _submit_new(
            request, NEW, form, lambda invalid: _plain(request, invalid, state, new=True)
        )
    state = drafts.form_state(request, NEW, request.path, entry_field_names())
    form = EntryForm(initial={"date": timezone.localdate(), **state.initial()})
    return _plain(request, form, state, new=True)


def _posted_state(request: HttpRequest, key: str, form: EntryForm, *extra: str) -> drafts.FormState:
    """The draft state of a page shown again after a POST: same form instance (token),
    the version the page had."""
    return drafts.FormState(
        _ref(request, key),
        _version(request, "draft_version") or 0,
        tuple(_names(form, *extra)),
        None,
        submit_token=request.POST.get("submit_token", ""),
    )


# ---------------------------------------------------------------- the guided path


class Step(TypedDict):
    name: str
    url: str
    fields: tuple[str, ...]
    title: StrOrPromise


STEPS: tuple[Step, ...] = (
    {
        "name": "body",
        "url": "journal:step-body",
        "fields": ("body_areas", "sensations", "body_note"),
        "title": gettext_lazy("What do you notice in your body?"),
    },
    {
        "name": "map",
        "url": "journal:step-map",
        "fields": ("mood", "pleasantness", "energy", "quadrant"),
        "title": gettext_lazy("Pleasant or unpleasant, and how much energy?"),
    },
    {
        "name": "words",
        "url": "journal:step-words",
        "fields": ("words", "feeling_note"),
        "title": gettext_lazy("Which words fit?"),
    },
    {
        "name": "rest",
        "url": "journal:step-rest",
        "fields": ("date", "time", "happened", "thoughts", "needs", "did", "helpers", "helped"),
        "title": gettext_lazy("What else do you want to write down?"),
    },
)
SUGGESTIONS = 15
# The body areas the outline of the body step draws (journal/parts/body.html); the others
# (skin, the whole body, somewhere else) are listed under it.
DRAWN_AREAS = (
    "hoofd",
    "gezicht",
    "kaak",
    "keel",
    "schouders",
    "borst",
    "buik",
    "rug",
    "handen",
    "benen",
)


def _suggested(draft: drafts.Saved | None) -> tuple[list[str], bool]:
    """Words for the words step to show first: those already chosen, then suggestions from
    the map spot and the body, about fifteen in all. Returns (ids, whether a map spot was
    chosen)."""
    vocab = entries.vocabulary()
    fields = draft.fields if draft else {}
    pleasantness, energy = entries.spot_in(fields)
    known_sensations = {s.id for s in vocab.sensations}
    felt = {s for s in fields.get("sensations", []) if s in known_sensations}
    known_words = {w.id for w in vocab.words}
    chosen = [w for w in fields.get("words", []) if w in known_words]
    spot = pleasantness is not None and energy is not None
    if pleasantness is not None and energy is not None:
        suggested = suggest(vocab, pleasantness, energy, felt, limit=SUGGESTIONS)
    else:
        # No square chosen: a few words from the middle of each corner of the map.
        per_corner = -(-SUGGESTIONS // len(QUADRANT_SIDES))
        suggested = [
            word
            for side_p, side_e in QUADRANT_SIDES.values()
            for word in suggest(vocab, 3 * side_p, 3 * side_e, felt, limit=per_corner)
        ]
    more = [w.id for w in suggested if w.id not in chosen][: max(SUGGESTIONS - len(chosen), 0)]
    return chosen + more, spot


@sensitive_post_parameters()
@keep_words_on_expiry
@account_required
def step(request: HttpRequest, number: int) -> HttpResponse:
    """One step of the guided path. Its draft is its own (STEPS_DRAFT), apart from the
    one-page form's, so an unfinished entry in one never turns up in the other."""
    current = STEPS[number - 1]
    draft = drafts.load(request, STEPS_DRAFT)
    first, spot = _suggested(draft) if current["name"] == "words" else ([], True)

    def make(data: QueryDict | None = None, **kwargs: Any) -> EntryForm:
        return EntryForm(data, only=current["fields"], require_something=False, **kwargs)

    def show(form: EntryForm, state: drafts.FormState) -> HttpResponse:
        return render(
            request,
            "journal/step.html",
            {
                "form": form,
                "draft_state": state,
                "step": current,
                "number": number,
                "steps": len(STEPS),
                "words": _words(form, first) if current["name"] == "words" else None,
                "meter": meter_choices(form) if current["name"] == "map" else None,
                "spot": spot,
                "so_far": _so_far(draft) if current["name"] == "rest" else None,
                "quadrants": entries.vocabulary().quadrants,
                "on_body": DRAWN_AREAS,
            },
        )

    if request.method == "POST":
        form = make(request.POST)
        state = _posted_state(request, STEPS_DRAFT, form)
        if number == len(STEPS) and request.POST.get("go") != "back":
            return _submit_new(request, STEPS_DRAFT, form, lambda invalid: show(invalid, state))
        if form.is_valid():
            try:
                drafts.save(
                    request,
                    STEPS_DRAFT,
                    drafts.from_post(request.POST),
                    _version(request, "draft_version") or 0,
                    _names(form),
                )
            except Conflict as conflict:
                return conflict_page(
                    request,
                    _ref(request, STEPS_DRAFT),
                    conflict.mine,
                    conflict.theirs,
                    conflict.theirs.version,
                )
            except TooLong as error:
                form.add_error(None, too_long_message(error))
            else:
                target = number - 1 if request.POST.get("go") == "back" else number + 1
                return redirect(STEPS[max(target, 1) - 1]["url"])
        return show(form, state)
    state = drafts.form_state(request, STEPS_DRAFT, request.path, make().fields)
    initial: dict[str, Any] = state.initial()
    if current["name"] == "rest":
        initial.setdefault("date", timezone.localdate())
    return show(make(initial=initial), state)


def _so_far(draft: drafts.Saved | None) -> list[tuple[StrOrPromise, str]]:
    """What the first three steps hold, to show above the last step."""
    if draft is None:
        return []
    shown: list[tuple[StrOrPromise, str]] = []
    for field_name in ("body_areas", "sensations", "body_note", "mood", "words", "feeling_note"):
        if field_name == "mood":
            feeling = ", ".join(entries.feeling_in(draft.fields))
            if feeling:
                shown.append((entries.LABELS["mood"], feeling))
            continue
        values = draft.fields.get(field_name)
        if values:
            shown.append((entries.LABELS[field_name], entries.describe(field_name, values)))
    return shown


# ---------------------------------------------------------------- editing and deleting


@sensitive_post_parameters()
@keep_words_on_expiry
@account_required
def edit(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    record = owned_or_404(JournalEntry, request, pk)
    key, data_key = entry_key(record.pk), person.of(request).data_key
    if request.method == "POST":
        done = drafts.submitted(request)
        if done is not None:
            return redirect(done)
        form = EntryForm(request.POST)
        state = _posted_state(request, key, form, "entry_version")
        posted_version = _version(request, "entry_version")
        if posted_version is None:
            form.add_error(None, _("This page is too old. Open the entry again."))
        if not form.is_valid():
            return _plain(
                request,
                form,
                state,
                record=record,
                entry_version=request.POST.get("entry_version", ""),
            )

        def update() -> str:
            locked = JournalEntry.objects.select_for_update().get(pk=record.pk)
            current = locked.open_content(data_key)
            new_content = form.content()
            if locked.version != posted_version and new_content != current:
                raise EntryChanged(current, locked.version)
            if new_content != current:
                locked.seal_content(data_key, new_content)
                locked.version += 1
                locked.save()
            messages.success(request, _("Your changes are saved."))
            return _entry_url(locked.pk)

        try:
            return redirect(drafts.submit_once(request, update, draft=key))
        except EntryChanged as changed:
            mine = {**entries.as_fields(form.content()), "entry_version": [str(changed.version)]}
            theirs = {**entries.as_fields(changed.current), "entry_version": [str(changed.version)]}
            return conflict_page(
                request, _ref(request, key), mine, theirs, drafts.current_version(request, key)
            )
    state = drafts.form_state(request, key, request.path, [*entry_field_names(), "entry_version"])
    saved = {
        **entries.as_fields(record.open_content(data_key)),
        "entry_version": [str(record.version)],
    }
    initial = state.initial() if state.draft else drafts.Saved(key, saved, 0).initial()
    form = EntryForm(initial=initial)
    return _plain(
        request,
        form,
        state,
        record=record,
        entry_version=initial.get("entry_version", record.version),
    )


@require_http_methods(["GET", "POST"])
@account_required
def delete(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    record = owned_or_404(JournalEntry, request, pk)
    if request.method == "POST":
        with transaction.atomic():
            drafts.discard(request, entry_key(record.pk))
            record.delete()
        messages.success(request, _("The entry is deleted."))
        return redirect("journal:index")
    entry = entries.opened(record, person.of(request).data_key)
    return render(request, "journal/delete.html", {"entry": entries.shown(entry)})


# ---------------------------------------------------------------- search and patterns


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
@account_required
def search(request: HttpRequest) -> HttpResponse:
    """Search is a POST, so the words searched for never end up in an address."""
    query = request.POST.get("q", "").strip() if request.method == "POST" else ""
    error = ""
    hits = None
    if request.method == "POST":
        if not query:
            error = _("Type a word to search for.")
        elif len(query) > MAX_QUERY:
            error = _("Search for at most %(n)d characters.") % {"n": MAX_QUERY}
        else:
            hits = content.search(
                entries.all_entries(person.of(request)), query, entries.searchable_names
            )
    return render(
        request,
        "journal/search.html",
        {
            "query": query,
            "error": error,
            "hits": hits[:MAX_HITS] if hits is not None else None,
            "count": len(hits) if hits is not None else 0,
            "max_hits": MAX_HITS,
            "max_query": MAX_QUERY,
        },
        status=400 if error else 200,
    )


@account_required
def patterns(request: HttpRequest) -> HttpResponse:
    period = request.GET.get("periode", "maand")
    if period not in content.PERIODS:
        period = "maand"
    vocab = entries.vocabulary()
    found = content.patterns(
        entries.all_entries(person.of(request)), period, timezone.localdate(), vocab
    )
    words = entries.word_names()
    helper_names = {h.id: entries.name(h) for h in entries.helpers()}
    order = {cell: index for index, cell in enumerate(meter.grid())}
    return render(
        request,
        "journal/patterns.html",
        {
            "period": period,
            "periods": content.PERIODS,
            "found": found,
            # The map and its table come from the same counts (content.place).
            "map": [
                {"corner": cell.corner or "middle", "count": found.cells.get(cell, 0)}
                for cell in meter.grid()
            ],
            "map_rows": [
                (entries.cell_name(cell), count)
                for cell, count in sorted(found.cells.items(), key=lambda i: (-i[1], order[i[0]]))
            ],
            "unplaced": found.entries - found.placed,
            "word_rows": [(words.get(w, w), n, avg) for w, n, avg in found.words],
            "word_chart": charts.bar_chart([(words.get(w, w), n) for w, n, _avg in found.words]),
            "columns": charts.column_chart(found.buckets),
            "helper_rows": [(helper_names.get(h, h), n) for h, n in found.helpers],
            "helper_chart": charts.bar_chart(
                [(helper_names.get(h, h), n) for h, n in found.helpers]
            ),
        },
    )
