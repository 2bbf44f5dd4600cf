"""Sharing a summary through a link, on the person's terms.

The link carries two random values: an id (128 bits) and a key (256 bits). The server
stores a SHA-256 of the id, to find the share, and never the key: the snapshot is sealed
with it, so neither the database nor a backup can read a shared summary. Both values are
in the link's query string, because a URL fragment never reaches the server, and Django
logs request paths, never query strings. Revoking, expiry and too many wrong access codes
delete the snapshot."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from gezien.accounts import throttle
from gezien.accounts.models import Account
from gezien.core.summary import PARTNER, PROFESSIONAL
from gezien.sharing import pdf
from gezien.sharing.models import Share, ShareOpening
from gezien.vault import codes, crypto

log = logging.getLogger("gezien.sharing")

ID_BYTES = 16
KEY_BYTES = 32
MIN_DAYS, MAX_DAYS = 1, 30
CODE_GROUPS = 2  # eight characters, 40 random bits: enough with the throttle and the lock
CODE_FREE_FAILURES = 3
MAX_CODE_FAILURES = 10
# Downloads (PDF or FHIR) of one link within the throttle's window before each next one
# waits: a professional needs a few; a burst of hundreds needs none.
DOWNLOADS_FREE = 10
# Openings of the same kind within this time show as one line with a count.
GROUP_OPENINGS = timedelta(minutes=10)

ACTIVE, EXPIRED, REVOKED, LOCKED = "active", "expired", "revoked", "locked"


class Unavailable(Exception):
    """No share for this link, or it expired, was revoked or locked, or the key is wrong."""


class AlreadyMade(Exception):
    """The create form was sent twice; the first one made the link."""


@dataclass(frozen=True)
class NewLink:
    share: Share
    link_id: str
    key: str
    code: str | None


def _encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _decode(text: str, length: int) -> bytes | None:
    if not isinstance(text, str) or len(text) != len(_encode(bytes(length))):
        return None
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None
    # Only the canonical spelling is accepted, so one link has exactly one form.
    return raw if len(raw) == length and _encode(raw) == text else None


def link_hash(link_id: str) -> str:
    return hashlib.sha256(link_id.encode()).hexdigest()


def token_hash(form_token: str) -> str:
    return hashlib.sha256(f"share-form:{form_token}".encode()).hexdigest()


def _aad(share: Share) -> bytes:
    return f"gezien:share:{share.pk}".encode()


def _pdf_aad(share: Share) -> bytes:
    return f"gezien:share-pdf:{share.pk}".encode()


def _code_check(key: bytes, code: str) -> bytes:
    return hmac.new(key, f"access-code:{codes.canonical(code)}".encode(), hashlib.sha256).digest()


def create(
    owner: Account,
    data_key: bytes,
    snapshot: dict[str, Any],
    *,
    label: str,
    part_titles: list[str],
    expires_at: datetime,
    with_code: bool,
    form_token: str,
) -> NewLink:
    """A new link for this snapshot. A summary for a professional also gets its PDF; a
    partner's view is a page only."""
    raw_id, raw_key = secrets.token_bytes(ID_BYTES), secrets.token_bytes(KEY_BYTES)
    link_id = _encode(raw_id)
    code = codes.new_code(CODE_GROUPS) if with_code else None
    share = Share(
        owner=owner,
        link_hash=link_hash(link_id),
        expires_at=expires_at,
        form_token=token_hash(form_token),
        code_check=_code_check(raw_key, code) if code else None,
    )
    plain = json.dumps(snapshot, ensure_ascii=False).encode()
    share.snapshot = crypto.seal(raw_key, plain, _aad(share))
    # The PDF is made here, once per snapshot, and kept sealed like the snapshot: a burst of
    # downloads costs no rendering.
    if audience_of(snapshot) == PROFESSIONAL:
        share.pdf = crypto.seal(
            raw_key, pdf.render(json.loads(plain), shared=True), _pdf_aad(share)
        )
    share.seal_content(
        data_key,
        {
            "label": label,
            "parts": part_titles,
            "language": snapshot["language"],
            "with_code": bool(code),
            "audience": audience_of(snapshot),
        },
    )
    try:
        with transaction.atomic():
            share.save(force_insert=True)
    except IntegrityError:
        raise AlreadyMade from None
    log.info("share created id=%s", share.pk)
    return NewLink(share, link_id, _encode(raw_key), code)


def audience_of(data: dict[str, Any]) -> str:
    """Who a snapshot or a share's list entry is for; links made before there were two
    audiences are all for a professional."""
    return PARTNER if data.get("audience") == PARTNER else PROFESSIONAL


def forget_expired() -> int:
    """Expired snapshots are deleted, not only refused."""
    return Share.objects.filter(expires_at__lte=timezone.now(), snapshot__isnull=False).update(
        snapshot=None, pdf=None, code_check=None
    )


def open_link(link_id: str, key: str) -> tuple[Share, bytes, dict[str, Any]]:
    """The share, its key and its snapshot, or Unavailable."""
    raw_id, raw_key = _decode(link_id, ID_BYTES), _decode(key, KEY_BYTES)
    if raw_id is None or raw_key is None:
        raise Unavailable
    forget_expired()
    share = Share.objects.filter(link_hash=link_hash(link_id)).first()
    if share is None or share.snapshot is None:
        raise Unavailable
    try:
        data = json.loads(crypto.open_sealed(raw_key, bytes(share.snapshot), _aad(share)))
    except crypto.VaultError:
        raise Unavailable from None
    return share, raw_key, data


def needs_code(share: Share) -> bool:
    return share.code_check is not None


def _counters(share: Share, client: str) -> list[throttle.Counter]:
    return [
        throttle.counter("share", str(share.pk), CODE_FREE_FAILURES),
        throttle.counter("share-client", client, throttle.CLIENT_FREE),
    ]


def check_code(share: Share, key: bytes, typed: str, client: str) -> bool:
    """True for the right code. Raises throttle.Refused (nothing checked) while too many
    wrong codes are recent. A wrong one counts; after MAX_CODE_FAILURES the share is locked
    (its snapshot deleted), so guessing stops for good."""
    place = throttle.reserve(_counters(share, client))
    assert share.code_check is not None  # only a share with a code asks for one (needs_code)
    if hmac.compare_digest(bytes(share.code_check), _code_check(key, typed)):
        place.release(forget_first=True)
        return True
    Share.objects.filter(pk=share.pk).update(failed_codes=F("failed_codes") + 1)
    share.refresh_from_db(fields=["failed_codes"])
    if share.failed_codes >= MAX_CODE_FAILURES:
        Share.objects.filter(pk=share.pk).update(
            snapshot=None, pdf=None, code_check=None, locked_at=timezone.now()
        )
        log.info("share locked after wrong codes id=%s", share.pk)
    return False


def revoke(share: Share) -> None:
    Share.objects.filter(pk=share.pk).update(
        snapshot=None, pdf=None, code_check=None, revoked_at=timezone.now()
    )
    log.info("share revoked id=%s", share.pk)


def count_download(share: Share) -> None:
    """Count a download of this link; raises throttle.Refused during a burst."""
    throttle.reserve([throttle.counter("share-download", str(share.pk), DOWNLOADS_FREE)])


def pdf_of(share: Share, key: bytes, data: dict[str, Any]) -> bytes:
    """The PDF made when the link was made. Links made before Gezien kept it have none;
    theirs is made on each download (they expire within MAX_DAYS)."""
    if share.pdf is None:
        return pdf.render(data, shared=True)
    return crypto.open_sealed(key, bytes(share.pdf), _pdf_aad(share))


def record_opening(share: Share, what: str) -> None:
    """One line per kind of opening within GROUP_OPENINGS, with a count."""
    since = timezone.now() - GROUP_OPENINGS
    recent = ShareOpening.objects.filter(share=share, what=what, opened_at__gte=since)
    if not recent.update(count=F("count") + 1):
        ShareOpening.objects.create(share=share, what=what)


def status(share: Share) -> str:
    if share.revoked_at:
        return REVOKED
    if share.locked_at:
        return LOCKED
    if share.expires_at <= timezone.now() or share.snapshot is None:
        return EXPIRED
    return ACTIVE


def working(owner: Account) -> int:
    return sum(1 for share in Share.objects.filter(owner=owner) if status(share) == ACTIVE)


def expiry(days: int) -> datetime:
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise ValueError(f"a share lasts {MIN_DAYS} to {MAX_DAYS} days, not {days}")
    return timezone.now() + timedelta(days=days)
