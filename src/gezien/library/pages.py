"""The library as the web app uses it: loaded and checked once at start-up, search indexes
built in memory, each page rendered to HTML once per language and kept."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.templatetags.static import static
from django.urls import reverse

from gezien.core import lookups
from gezien.core.lookups import PageRef
from gezien.lib.data import At
from gezien.lib.text import LANGUAGES, current_language
from gezien.library import content, markup, search
from gezien.library.content import Library, Page
from gezien.library.topics import READERS, TOPICS


@dataclass(frozen=True)
class Loaded:
    library: Library
    indexes: dict[str, search.Index]


_loaded: Loaded | None = None


def _check_topics(library: Library) -> None:
    listed = [page_id for topic in TOPICS for page_id in topic.pages]
    for page_id in listed:
        if page_id not in library.ids:
            raise At("topics.py").error(f"unknown page {page_id!r}")
        if listed.count(page_id) > 1:
            raise At("topics.py").error(f"page {page_id!r} is in more than one topic")
    for page_id in library.ids:
        if page_id not in listed:
            raise At("topics.py").error(f"page {page_id!r} is in no topic")
    for reader in READERS:
        if reader.page not in library.ids:
            raise At("topics.py").error(f"unknown page {reader.page!r}")


def start() -> Loaded:
    global _loaded
    library = content.load()
    _check_topics(library)
    indexes = {
        lang: search.Index(lang, search.documents(library.pages[lang].values()))
        for lang in LANGUAGES
    }
    _loaded = Loaded(library, indexes)
    return _loaded


def loaded() -> Loaded:
    return _loaded or start()


def page_url(page_id: str) -> str:
    return reverse("library:page", args=[page_id])


@cache
def rendered(lang: str, page_id: str) -> str:
    library = loaded().library

    def image(name: str) -> str:
        return static(f"gezien/library/{library.images[name][lang]}")

    def size(name: str) -> tuple[int, int]:
        return svg_size(content.IMAGE_DIR / library.images[name][lang])

    links = markup.Links(page=page_url, site=lookups.site_url, image=image, size=size)
    return markup.render(library.page(lang, page_id).body, links)


def svg_size(path: Path) -> tuple[int, int]:
    """The width and height an SVG says it has (its viewBox when it says none)."""
    root = re.search(r"<svg\b[^>]*>", path.read_text(encoding="utf-8"))
    attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', root.group(0) if root else ""))
    if "width" in attributes and "height" in attributes:
        return round(float(attributes["width"])), round(float(attributes["height"]))
    *_, width, height = attributes.get("viewBox", "0 0 300 150").split()
    return round(float(width)), round(float(height))


def get(page_id: str) -> Page | None:
    return loaded().library.pages[current_language()].get(page_id)


def find(query: str) -> list[Page]:
    lang = current_language()
    by_id = loaded().library.pages[lang]
    return [by_id[hit.id] for hit in loaded().indexes[lang].search(query)]


def readers() -> list[tuple[object, Page]]:
    by_id = loaded().library.pages[current_language()]
    return [(reader, by_id[reader.page]) for reader in READERS]


def topics() -> list[tuple[object, list[Page]]]:
    by_id = loaded().library.pages[current_language()]
    return [(topic, [by_id[page_id] for page_id in topic.pages]) for topic in TOPICS]


class References:
    """The library as other apps look it up (see core.lookups)."""

    def page_ids(self) -> Collection[str]:
        return loaded().library.ids

    def page(self, page_id: str) -> PageRef | None:
        page = get(page_id)
        return PageRef(page.id, page.title, page_url(page.id)) if page else None

    def source_name(self, key: str) -> str:
        return loaded().library.sources[key].text.get()
