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

from gezien.lib import data
from gezien.lib.sites import SITES
from gezien.lib.text import LANGUAGES, Text
from gezien.library import markup

APP_DIR = Path(__file__).resolve().parent
CONTENT_DIR = APP_DIR / "content"
IMAGE_DIR = APP_DIR / "static" / "gezien" / "library"

AUDIENCES = ("person", "partner", "parent", "professional")
IMAGE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.svg")
FRONT_MATTER = re.compile(r"\A\+\+\+\n(.*?)\n\+\+\+\n(.*)\Z", re.DOTALL)


@dataclass(frozen=True)
class Cited:
    """An entry of sources.toml: how to cite it in each language, and where it is online."""

    text: Text
    url: str | None = None


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

    @property
    def minutes(self) -> int:
        """About how long reading takes, at a calm 180 words a minute."""
        return max(1, round(len(self.body.split()) / 180))


@dataclass(frozen=True)
class Library:
    ids: tuple[str, ...]
    pages: dict[str, dict[str, Page]]  # language -> id -> page
    sources: dict[str, Cited]
    images: dict[str, dict[str, str]]  # img: name -> language -> static file name

    def page(self, language: str, page_id: str) -> Page:
        return self.pages[language][page_id]


def _https(at: data.At, value: Any) -> str:
    url = data.line(at, value)
    if not url.startswith("https://"):
        raise at.error("must start with https://")
    return url


def load_sources(path: Path) -> dict[str, Cited]:
    raw = data.read_toml(path)
    top = data.Table(data.At(path.name), raw, (), tuple(raw))
    sources = {}
    for key in raw:
        entry = top.table(key, ("nl", "en"), ("url",))
        sources[key] = Cited(entry.text_pair(), entry.get("url", _https))
    return sources


def _split(file: str, raw: str) -> tuple[data.Table, str]:
    at = data.At(file)
    match = FRONT_MATTER.match(raw.replace("\r\n", "\n"))
    if not match:
        raise at.error("must start with front matter between +++ lines")
    try:
        front = tomllib.loads(match.group(1))
    except tomllib.TOMLDecodeError as error:
        raise at.error(f"front matter is not valid TOML: {error}") from None
    body = match.group(2).strip()
    if not body:
        raise at.key("body").error("missing or empty")
    return data.Table(
        at, front, ("title", "summary", "audience", "reviewed"), ("related", "sources")
    ), body


def _source(table: data.Table, language: str, known: dict[str, Cited]) -> Source:
    where = table.get("where", data.line)
    if table.has("ref"):
        data.Table(table.at, table.raw, ("ref",), ("where",))
        ref = table.value("ref", data.line)
        if ref not in known:
            raise table.at_key("ref").error(f"unknown source {ref!r}")
        return Source(text=known[ref].text.get(language), url=known[ref].url, where=where)
    if not table.has("title"):
        raise table.at.error("needs ref (a key of sources.toml) or title (a full citation)")
    data.Table(table.at, table.raw, ("title",), ("url", "date", "where"))
    title = table.value("title", data.line)
    if table.has("date"):
        title = f"{title} ({table['date']})"
    return Source(text=title, url=table.get("url", _https), where=where)


def _audience(at: data.At, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise at.error(f"must list at least one of {', '.join(AUDIENCES)}")
    for index, who in enumerate(value):
        if who not in AUDIENCES:
            raise at.index(index).error(f"unknown audience {who!r}")
    return tuple(value)


def _date(at: data.At, value: Any) -> datetime.date:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise at.error("must be a date like 2026-11-24")
    return value


def _page(file: str, page_id: str, language: str, raw: str, sources: dict[str, Cited]) -> Page:
    front, body = _split(file, raw)
    front.require("sources", "every page cites at least one source")
    return Page(
        id=page_id,
        language=language,
        title=front.value("title", data.line),
        summary=front.value("summary", data.line),
        audience=front.value("audience", _audience),
        reviewed=front.value("reviewed", _date),
        related=front.get("related", data.each, data.line, non_empty=False) or (),
        sources=tuple(
            _source(table, language, sources)
            for table in front.tables("sources", (), ("ref", "where", "title", "url", "date"))
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


def _check_links(page: Page, file: str, ids: set[str], images: dict[str, dict[str, str]]) -> None:
    at = data.At(file)
    for index, related in enumerate(page.related):
        if related not in ids or related == page.id:
            raise at.key("related").index(index).error(f"unknown page {related!r}")
    body = at.key("body")
    for kind, target in markup.targets(markup.parse(page.body)):
        if kind == "image":
            name = target.removeprefix(markup.IMG)
            if not target.startswith(markup.IMG) or not IMAGE_NAME.fullmatch(name):
                raise body.error(f"image {target!r} must be img:NAME.svg")
            if page.language not in images.get(name, {}):
                raise body.error(f"image {target!r} has no {page.language} file")
        elif target.startswith(markup.PAGE):
            if target.removeprefix(markup.PAGE) not in ids:
                raise body.error(f"link to unknown page {target!r}")
        elif target.startswith(markup.SITE):
            if target.removeprefix(markup.SITE) not in SITES:
                raise body.error(f"link to unknown site page {target!r}")
        elif not target.startswith(markup.EXTERNAL):
            raise body.error(f"link {target!r} must be page:, site:, https:, mailto: or tel:")


def load(content_dir: Path = CONTENT_DIR, image_dir: Path = IMAGE_DIR) -> Library:
    sources = load_sources(content_dir / "sources.toml")
    found = {
        language: {path.stem: path for path in sorted((content_dir / language).glob("*.md"))}
        for language in LANGUAGES
    }
    ids = sorted(set().union(*(set(by_id) for by_id in found.values())))
    if not ids:
        raise data.At(content_dir.name).error("no pages found")
    for language in LANGUAGES:
        for page_id in ids:
            if page_id not in found[language]:
                other = next(lang for lang in LANGUAGES if page_id in found[lang])
                raise data.At(f"{language}/{page_id}.md").error(
                    f"missing (there is {other}/{page_id}.md)"
                )
        for page_id in found[language]:
            if not data.ID.fullmatch(page_id) or "_" in page_id:
                raise data.At(f"{language}/{page_id}.md").error(
                    "file name must be lower-case words with -"
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
