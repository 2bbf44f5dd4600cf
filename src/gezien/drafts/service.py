"""Never lose words: encrypted drafts on the server, version checks, submit-once tokens
and a safe place for text typed after a session ended. See the package docstring
(`gezien.drafts`) for how an app uses this."""

from __future__ import annotations

import base64
import json
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone

from gezien.drafts.models import Draft, SubmitToken
from gezien.drafts.models import slot as _slot
from gezien.vault import crypto, person
from gezien.vault.person import Person

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Fields = dict[str, list[str]]

FORM_KEY = re.compile(r"^[a-z][a-z0-9-]{0,30}:[a-z0-9-]{1,64}$")
# Field names the drafts machinery itself puts in a form; never stored as content.
RESERVED = frozenset(
    {
        "csrfmiddlewaretoken",
        "draft_key",
        "draft_version",
        "draft_fields",
        "submit_token",
        "draft_action",
    }
)
MAX_TOTAL_CHARS = 250_000
DEFAULT_MAX_CHARS = 20_000
# Control characters break nothing here (content is sealed JSON), but they are invisible
# and can hide text, so they are dropped; tab and newlines stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SIGN_SALT = "gezien.drafts.form"
_STASH = "drafts_stash"
STASH_COOKIE = "__Host-gezien-stash" if settings.BEHIND_TLS else "gezien-stash"


# ---------------------------------------------------------------- registry


@dataclass(frozen=True)
class Kind:
    name: str
    label: Callable[[str], StrOrPromise | None]
    hidden: frozenset[str]
    texts: frozenset[str]
    lists: frozenset[str]
    describe: Callable[[str, list[str]], str]
    max_chars: int

    def mode(self, name: str) -> str:
        """How two versions of a field can be combined: "text" (one after the other),
        "list" (all values of both) or "one" (only one of the two)."""
        return "text" if name in self.texts else "list" if name in self.lists else "one"


_kinds: dict[str, Kind] = {}


def _join(name: str, values: list[str]) -> str:
    return ", ".join(values)


def register(
    kind: str,
    *,
    fields: Mapping[str, Any] | Callable[[str], Any],
    hidden: Iterable[str] = (),
    texts: Iterable[str] = (),
    lists: Iterable[str] = (),
    describe: Callable[[str, list[str]], str] = _join,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> None:
    """Declare a kind of form (the part of the form key before the colon).

    `fields`: field name -> label (a mapping, or a function returning None for names that
    are not allowed); only these names are kept in a draft and shown when two versions
    differ. `hidden`: names that are kept but never shown (such as the version of the
    record being edited); on a conflict the saved version's value wins. `texts`: free
    text fields (on a conflict "keep both" puts one text after the other); `lists`:
    fields with several values (checkboxes; "keep both" takes all values); any other
    field has one value and the person picks one of the two. `describe`:
    turns a field's values into readable text for the comparison (ids into names).
    `max_chars`: the longest value one field may have."""
    if kind in _kinds:
        raise ValueError(f"draft kind {kind!r} registered twice")
    label = fields.get if isinstance(fields, Mapping) else fields
    _kinds[kind] = Kind(
        kind, label, frozenset(hidden), frozenset(texts), frozenset(lists), describe, max_chars
    )


def kind_of(form_key: str) -> Kind:
    if not FORM_KEY.match(form_key):
        raise ValueError(f"not a form key: {form_key!r}")
    try:
        return _kinds[form_key.split(":", 1)[0]]
    except KeyError:
        raise ValueError(f"no draft kind registered for {form_key!r}") from None


# ---------------------------------------------------------------- values


class TooLong(ValueError):
    """A field (or the whole form) is longer than allowed; nothing was saved."""

    def __init__(self, name: str | None, limit: int, length: int) -> None:
        super().__init__(f"{name or 'form'}: {length} > {limit}")
        self.name, self.limit, self.length = name, limit, length


@dataclass(frozen=True)
class Saved:
    form_key: str
    fields: Fields
    version: int
    saved_at: datetime | None = None

    def value(self, name: str) -> str:
        values = self.fields.get(name, [])
        return values[0] if values else ""

    def initial(self) -> dict[str, str | list[str]]:
        """For a Django form's `initial`: one value as a string, several as a list
        (multiple-choice widgets accept both)."""
        return {
            name: values[0] if len(values) == 1 else list(values)
            for name, values in self.fields.items()
        }


class Conflict(Exception):
    """The draft changed (in another tab or on another device) since this page loaded.
    `mine` is what this page would make of it, `theirs` what is saved now."""

    def __init__(self, form_key: str, mine: Fields, theirs: Saved) -> None:
        super().__init__(form_key)
        self.form_key, self.mine, self.theirs = form_key, mine, theirs


def clean_text(value: str) -> str:
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def clean(form_key: str, fields: Mapping[str, Iterable[str]]) -> Fields:
    """Keep the registered fields only, drop empty values and control characters, and
    raise TooLong when a value or the whole form is too long."""
    kind = kind_of(form_key)
    cleaned: Fields = {}
    total = 0
    for name, values in fields.items():
        if name in RESERVED or (kind.label(name) is None and name not in kind.hidden):
            continue
        kept = [clean_text(str(v)) for v in values]
        kept = [v for v in kept if v.strip()]
        for value in kept:
            if len(value) > kind.max_chars:
                raise TooLong(name, kind.max_chars, len(value))
            total += len(value)
        if kept:
            cleaned[name] = kept
    if total > MAX_TOTAL_CHARS:
        raise TooLong(None, MAX_TOTAL_CHARS, total)
    return cleaned


def from_post(post: QueryDict) -> Fields:
    """Every non-reserved field of a submitted form, with all its values."""
    return {name: post.getlist(name) for name in post if name not in RESERVED}


def _merge(current: Fields, new: Fields, replace: Iterable[str] | None) -> Fields:
    if replace is None:
        return dict(new)
    merged = {name: values for name, values in current.items() if name not in set(replace)}
    merged.update({name: new[name] for name in replace if name in new})
    return merged


# ---------------------------------------------------------------- storage


def _record(request: HttpRequest, form_key: str, lock: bool = False) -> Draft | None:
    drafts = Draft.objects.select_for_update() if lock else Draft.objects
    return drafts.filter(
        owner=person.of(request).account, slot=_slot(person.of(request).data_key, form_key)
    ).first()


def _open(request: HttpRequest, record: Draft, form_key: str) -> Saved:
    content = record.open_content(person.of(request).data_key)
    return Saved(form_key, content["fields"], record.version, record.updated_at)


def load(request: HttpRequest, form_key: str) -> Saved | None:
    """The person's draft for this form, or None."""
    kind_of(form_key)
    record = _record(request, form_key)
    return _open(request, record, form_key) if record else None


def current_version(request: HttpRequest, form_key: str) -> int:
    record = _record(request, form_key)
    return record.version if record else 0


def save(
    request: HttpRequest,
    form_key: str,
    fields: Mapping[str, Iterable[str]],
    version: int,
    replace: Iterable[str] | None = None,
) -> Saved:
    """Save the draft if it is still at `version` (0: no draft yet). `replace` names the
    fields this form holds (a step of a longer path): only those change, the rest of the
    draft stays. Raises Conflict when the draft moved on and the result would differ,
    TooLong when a value is too long. Saving what is already saved changes nothing, so a
    repeated request is harmless."""
    new = clean(form_key, fields)
    replace = None if replace is None else [name for name in replace if name not in RESERVED]
    key = person.of(request).data_key
    for attempt in range(2):
        try:
            with transaction.atomic():
                record = _record(request, form_key, lock=True)
                if record is None:
                    merged = _merge({}, new, replace)
                    if not merged:
                        return Saved(form_key, {}, 0)
                    record = Draft(
                        owner=person.of(request).account, slot=_slot(key, form_key), version=1
                    )
                    record.seal_content(key, {"form": form_key, "fields": merged})
                    record.save()
                    return Saved(form_key, merged, 1, record.updated_at)
                current = _open(request, record, form_key)
                merged = _merge(current.fields, new, replace)
                if merged == current.fields:
                    return current
                if record.version != version:
                    raise Conflict(form_key, merged, current)
                record.version += 1
                record.seal_content(key, {"form": form_key, "fields": merged})
                record.save()
                return Saved(form_key, merged, record.version, record.updated_at)
        except IntegrityError:
            # Two first saves at once: the other one created the draft; compare with it.
            if attempt:
                raise
    raise AssertionError("unreachable")


def discard(request: HttpRequest, form_key: str) -> None:
    kind_of(form_key)
    Draft.objects.filter(
        owner=person.of(request).account, slot=_slot(person.of(request).data_key, form_key)
    ).delete()


# ---------------------------------------------------------------- one submit per form


def submitted(request: HttpRequest) -> str | None:
    """Where the form with this request's submit token went, if it was submitted."""
    token = _token(request)
    if token is None:
        return None
    return (
        SubmitToken.objects.filter(owner=person.of(request).account, token=token)
        .values_list("target", flat=True)
        .first()
    )


def submit_once(
    request: HttpRequest, create: Callable[[], str], *, draft: str | None = None
) -> str:
    """Run `create` (which stores the record and returns the address to go to next) once
    per form instance. A repeated POST with the same `submit_token` gets the first
    address back and stores nothing. The draft named by `draft` is deleted in the same
    transaction. A form without a valid token is simply submitted."""
    token = _token(request)
    with transaction.atomic():
        if token is not None:
            try:
                with transaction.atomic():
                    used = SubmitToken.objects.create(owner=person.of(request).account, token=token)
            except IntegrityError:
                return SubmitToken.objects.get(owner=person.of(request).account, token=token).target
        target = create()
        if token is not None:
            used.target = target
            used.save(update_fields=["target"])
        if draft:
            discard(request, draft)
    return target


def _token(request: HttpRequest) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.POST.get("submit_token", ""))
    except ValueError:
        return None


# ---------------------------------------------------------------- the form's side


@dataclass(frozen=True)
class FormRef:
    """Which draft a page belongs to: signed into the page, so the endpoints only accept
    form keys the server handed out, for the account that opened the page."""

    form_key: str
    owner: str
    return_url: str

    def sign(self) -> str:
        return signing.dumps(
            {"k": self.form_key, "o": self.owner, "u": self.return_url},
            salt=_SIGN_SALT,
            compress=True,
        )


def unsign(token: str) -> FormRef | None:
    try:
        data = signing.loads(token or "", salt=_SIGN_SALT)
        ref = FormRef(data["k"], data["o"], data["u"])
        kind_of(ref.form_key)
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return ref if ref.return_url.startswith("/") and not ref.return_url.startswith("//") else None


@dataclass(frozen=True)
class FormState:
    """What a page needs to render a form with autosave (see templates/drafts/)."""

    ref: FormRef
    version: int
    field_names: tuple[str, ...]
    draft: Saved | None
    submit_token: str = field(default_factory=lambda: str(uuid.uuid4()))

    @property
    def key_token(self) -> str:
        return self.ref.sign()

    def initial(self) -> dict[str, str | list[str]]:
        return self.draft.initial() if self.draft else {}


def form_state(
    request: HttpRequest, form_key: str, return_url: str, field_names: Iterable[str]
) -> FormState:
    draft = load(request, form_key)
    ref = FormRef(form_key, str(request.user.pk), return_url)
    return FormState(ref, draft.version if draft else 0, tuple(field_names), draft)


# ---------------------------------------------------------------- after a session ended


def stash(
    request: HttpRequest,
    response: HttpResponse,
    ref: FormRef,
    fields: Fields,
    replace: list[str] | None,
    version: int,
) -> None:
    """Keep text that arrived after the session ended, until the person logs in again in
    this browser. The text is sealed with a fresh key that lives only in an HttpOnly
    cookie; the (anonymous) session in the database holds only the sealed text. Logging
    out, the quick exit or closing the browser makes it unreadable."""
    key = crypto.new_key()
    content = {"ref": ref.sign(), "fields": fields, "replace": replace, "version": version}
    sealed = crypto.seal(
        key, json.dumps(content).encode(), crypto.wrap_aad(ref.owner, "draft-stash")
    )
    request.session[_STASH] = base64.b64encode(sealed).decode()
    response.set_cookie(
        STASH_COOKIE,
        base64.urlsafe_b64encode(key).decode(),
        httponly=True,
        secure=settings.BEHIND_TLS,
        samesite="Lax",
    )


def take_stash(request: HttpRequest) -> tuple[FormRef, Fields, list[str] | None, int] | None:
    """The stashed text, if there is one for the logged-in account (and drop it)."""
    sealed, cookie = request.session.pop(_STASH, None), request.COOKIES.get(STASH_COOKIE)
    if not sealed or not cookie:
        return None
    try:
        plain = crypto.open_sealed(
            base64.urlsafe_b64decode(cookie.encode()),
            base64.b64decode(sealed),
            crypto.wrap_aad(request.user.pk, "draft-stash"),
        )
    except (ValueError, crypto.VaultError):
        return None
    content = json.loads(plain)
    ref = unsign(content["ref"])
    if ref is None or ref.owner != str(request.user.pk):
        return None
    return ref, content["fields"], content["replace"], content["version"]


# ---------------------------------------------------------------- upkeep


def prune(days: int) -> tuple[int, int]:
    """Delete drafts not saved for `days` days and submit tokens as old; returns counts."""
    before = timezone.now() - timedelta(days=days)
    drafts, _ = Draft.objects.filter(updated_at__lt=before).delete()
    tokens, _ = SubmitToken.objects.filter(created_at__lt=before).delete()
    return drafts, tokens


def export_section(me: Person) -> list[dict[str, Any]]:
    return [
        {
            "form": opened.content["form"],
            "fields": opened.content["fields"],
            "version": opened.record.version,
            "created_at": opened.record.created_at.isoformat(),
            "updated_at": opened.record.updated_at.isoformat(),
        }
        for opened in me.records(Draft)
    ]
