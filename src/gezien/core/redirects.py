"""Where a page may send a person afterwards: only to a path on this site."""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

LONGEST = 2000


def same_site_path(target: str) -> str | None:
    """`target` when it is a path on this site, else None.

    A path has one leading slash and no scheme or host. Backslashes, spaces and control or
    invisible characters are refused: browsers read a backslash as a slash and drop tabs and
    newlines, so `/\\evil.example` or `/<tab>/evil.example` would lead to another site. The
    result is meant for HttpResponseRedirect, never for `redirect()`, which would look a
    bare word up as the name of a page."""
    if not target or len(target) > LONGEST or not target.startswith("/") or target.startswith("//"):
        return None
    if any(char == "\\" or unicodedata.category(char)[0] in "CZ" for char in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target
