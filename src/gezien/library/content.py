"""Reading and checking the library: Markdown pages with TOML front matter, in Dutch and English.

`load()` reads every page and checks all of it at once, so a mistake shows up at start-up with
the file and the field named (`nl/cgt.md: sources[1].ref: unknown source 'x'`). Nothing here
knows Django; the web side renders what this module returns.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gezien.library import markup

APP_DIR = Path(__file__).resolve().parent
CONTENT_DIR = APP_DIR / "content"
IMAGE_DIR = APP_DIR / "static" / "gezien" / "library"

LANGUAGES = ("nl", "en")
AUDIENCES = ("person", "partner", "parent", "professional")
SITES = frozenset({"help", "safety-plan", "exercises", "navigator", "questionnaires", "journal"})
PAGE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
IMAGE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.svg$")
FRONT_MATTER = re.compile(r"\A\+\+\+\n(.*?)\n\+\+\+\n(.*)\Z", re.DOTALL)

PAGE_FIELDS = ("title", "summary", "audience", "reviewed", "related", "sources")
REF_FIELDS = ("ref", "where")
CITATION_FIELDS = ("title", "url", "date", "where")


class LibraryError(ValueError):
    """A page, the source list or an image is wrong; the message names the file and field."""


@dataclass(frozen=True)
class Source:
    text: str
    url: str | None = None
    where: str | None = None


@dataclass(frozen=True)
class Page:
    id: str
    language: str
    title: str
    summary: str
    audience: tuple[str, ...]
    reviewed: datetime.date
    related: tuple[str, ...]
    sources: tuple[Source, ...]
    body: str


@dataclass(frozen=True)
class Library:
    ids: tuple[str, ...]
    pages: dict[str, dict[str, Page]]  # language -> id -> page
    sources: dict[str, dict[str, str]]  # key -> {"nl", "en", optional "url"}
    images: dict[str, dict[str, str]]  # img: name -> language -> static file name

    def page(self, language: str, page_id: str) -> Page:
        return self.pages[language][page_id]


def _fail(file: str, field: str, message: str) -> LibraryError:
    return LibraryError(f"{file}: {field}: {message}" if field else f"{file}: {message}")


def _text(file: str, data: dict, key: str, field: str | None = None) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(file, field or key, "missing or empty")
    return value.strip()


def _optional_text(file: str, data: dict, key: str, field: str) -> str | None:
    return _text(file, data, key, field) if key in data else None


def _unknown_fields(file: str, data: dict, allowed: tuple[str, ...], where: str = "") -> None:
    for key in data:
        if key not in allowed:
            raise _fail(file, f"{where}.{key}" if where else key, "unknown field")


def load_sources(path: Path) -> dict[str, dict[str, str]]:
    file = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise _fail(file, "", f"not valid TOML: {error}") from error
    sources = {}
    for key, entry in data.items():
        if not isinstance(entry, dict):
            raise _fail(file, key, "must be a table with nl and en")
        _unknown_fields(file, entry, ("nl", "en", "url"), key)
        sources[key] = {lang: _text(file, entry, lang, f"{key}.{lang}") for lang in LANGUAGES}
        url = _optional_text(file, entry, "url", f"{key}.url")
        if url is not None:
            sources[key]["url"] = url
    return sources


def _split(file: str, raw: str) -> tuple[dict[str, Any], str]:
    match = FRONT_MATTER.match(raw.replace("\r\n", "\n"))
    if not match:
        raise _fail(file, "", "must start with front matter between +++ lines")
    try:
        front = tomllib.loads(match.group(1))
    except tomllib.TOMLDecodeError as error:
        raise _fail(file, "", f"front matter is not valid TOML: {error}") from error
    body = match.group(2).strip()
    if not body:
        raise _fail(file, "body", "missing or empty")
    return front, body


def _source(file: str, where: str, data: object, language: str, known: dict) -> Source:
    if not isinstance(data, dict):
        raise _fail(file, where, "must be a table")
    if "ref" in data:
        _unknown_fields(file, data, REF_FIELDS, where)
        ref = _text(file, data, "ref", f"{where}.ref")
        if ref not in known:
            raise _fail(file, f"{where}.ref", f"unknown source {ref!r}")
        return Source(
            text=known[ref][language],
            url=known[ref].get("url"),
            where=_optional_text(file, data, "where", f"{where}.where"),
        )
    _unknown_fields(file, data, CITATION_FIELDS, where)
    if "title" not in data:
        raise _fail(file, where, "needs ref (a key of sources.toml) or title (a full citation)")
    title = _text(file, data, "title", f"{where}.title")
    date = data.get("date")
    if date is not None:
        title = f"{title} ({date})"
    url = _optional_text(file, data, "url", f"{where}.url")
    if url is not None and not url.startswith("https://"):
        raise _fail(file, f"{where}.url", "must start with https://")
    return Source(text=title, url=url, where=_optional_text(file, data, "where", f"{where}.where"))


def _page(file: str, page_id: str, language: str, raw: str, sources: dict) -> Page:
    front, body = _split(file, raw)
    _unknown_fields(file, front, PAGE_FIELDS)
    audience = front.get("audience")
    if not isinstance(audience, list) or not audience:
        raise _fail(file, "audience", f"must list at least one of {', '.join(AUDIENCES)}")
    for index, who in enumerate(audience):
        if who not in AUDIENCES:
            raise _fail(file, f"audience[{index}]", f"unknown audience {who!r}")
    reviewed = front.get("reviewed")
    if not isinstance(reviewed, datetime.date) or isinstance(reviewed, datetime.datetime):
        raise _fail(file, "reviewed", "must be a date like 2026-11-24")
    related = front.get("related", [])
    if not isinstance(related, list) or not all(isinstance(r, str) for r in related):
        raise _fail(file, "related", "must be a list of page IDs")
    cited = front.get("sources")
    if not isinstance(cited, list) or not cited:
        raise _fail(file, "sources", "missing: every page cites at least one source")
    return Page(
        id=page_id,
        language=language,
        title=_text(file, front, "title"),
        summary=_text(file, front, "summary"),
        audience=tuple(audience),
        reviewed=reviewed,
        related=tuple(related),
        sources=tuple(
            _source(file, f"sources[{i}]", entry, language, sources)
            for i, entry in enumerate(cited)
        ),
        body=body,
    )


def _images(image_dir: Path) -> dict[str, dict[str, str]]:
    """img:NAME.svg -> the file for each language: NAME.<lang>.svg, else NAME.svg."""
    images: dict[str, dict[str, str]] = {}
    for path in sorted(image_dir.glob("*.svg")):
        stem, _, language = path.stem.rpartition(".")
        if language in LANGUAGES and stem:
            images.setdefault(f"{stem}.svg", {})[language] = path.name
    for path in sorted(image_dir.glob("*.svg")):
        if path.stem.rpartition(".")[2] not in LANGUAGES:
            for language in LANGUAGES:
                images.setdefault(path.name, {}).setdefault(language, path.name)
    return images


def _check_links(page: Page, file: str, ids: set[str], images: dict) -> None:
    for index, related in enumerate(page.related):
        if related not in ids or related == page.id:
            raise _fail(file, f"related[{index}]", f"unknown page {related!r}")
    for kind, target in markup.targets(markup.parse(page.body)):
        if kind == "image":
            name = target.removeprefix(markup.IMG)
            if not target.startswith(markup.IMG) or not IMAGE_NAME.match(name):
                raise _fail(file, "body", f"image {target!r} must be img:NAME.svg")
            if page.language not in images.get(name, {}):
                raise _fail(file, "body", f"image {target!r} has no {page.language} file")
        elif target.startswith(markup.PAGE):
            if target.removeprefix(markup.PAGE) not in ids:
                raise _fail(file, "body", f"link to unknown page {target!r}")
        elif target.startswith(markup.SITE):
            if target.removeprefix(markup.SITE) not in SITES:
                raise _fail(file, "body", f"link to unknown site page {target!r}")
        elif not target.startswith(markup.EXTERNAL):
            raise _fail(
                file, "body", f"link {target!r} must be page:, site:, https:, mailto: or tel:"
            )


def load(content_dir: Path = CONTENT_DIR, image_dir: Path = IMAGE_DIR) -> Library:
    sources = load_sources(content_dir / "sources.toml")
    found = {
        language: {path.stem: path for path in sorted((content_dir / language).glob("*.md"))}
        for language in LANGUAGES
    }
    ids = sorted(set().union(*(set(by_id) for by_id in found.values())))
    if not ids:
        raise _fail(str(content_dir.name), "", "no pages found")
    for language in LANGUAGES:
        for page_id in ids:
            if page_id not in found[language]:
                other = next(lang for lang in LANGUAGES if page_id in found[lang])
                raise _fail(
                    f"{language}/{page_id}.md", "", f"missing (there is {other}/{page_id}.md)"
                )
        for page_id in found[language]:
            if not PAGE_ID.match(page_id):
                raise _fail(
                    f"{language}/{page_id}.md", "", "file name must be lower-case words with -"
                )
    images = _images(image_dir)
    pages: dict[str, dict[str, Page]] = {}
    for language in LANGUAGES:
        pages[language] = {}
        for page_id in ids:
            file = f"{language}/{page_id}.md"
            raw = found[language][page_id].read_text(encoding="utf-8")
            page = _page(file, page_id, language, raw, sources)
            _check_links(page, file, set(ids), images)
            pages[language][page_id] = page
    return Library(ids=tuple(ids), pages=pages, sources=sources, images=images)
