"""Static files made from data files at start-up: an operator's theme. Apps
register a maker in their AppConfig.ready; `collectstatic` (run by `gezien serve`) and
`gezien serve --dev` find what the makers return like any other static file, so those files
get hashed names, compression and long caching too, under style-src 'self'.

Static files are served from files, so the made ones are written to a folder of their own in
the data folder first."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal, overload

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage
from django.core.files.storage import FileSystemStorage

# Each maker returns {static name: content}; an empty dict when it has nothing to add.
Maker = Callable[[], dict[str, bytes]]
_makers: list[Maker] = []


def register(maker: Maker) -> None:
    if maker not in _makers:
        _makers.append(maker)


def folder() -> Path:
    return Path(settings.DATA_DIR) / "generated-static"


class GeneratedFinder(BaseFinder):
    def _files(self) -> list[str]:
        names = []
        for maker in _makers:
            for name, content in maker().items():
                target = folder() / name
                target.parent.mkdir(parents=True, exist_ok=True)
                if not target.exists() or target.read_bytes() != content:
                    target.write_bytes(content)
                names.append(name)
        return names

    def check(self, **kwargs: Any) -> list[CheckMessage]:
        return []

    @overload
    def find(self, path: str, find_all: Literal[False] = False) -> str | None: ...
    @overload
    def find(self, path: str, find_all: Literal[True]) -> list[str]: ...
    def find(self, path: str, find_all: bool = False) -> str | list[str] | None:
        matches = [str(folder() / path)] if path in self._files() else []
        if find_all:
            return matches
        return matches[0] if matches else None

    def list(self, ignore_patterns: Any) -> Iterator[tuple[str, FileSystemStorage]]:
        storage = FileSystemStorage(location=folder())
        for path in self._files():
            yield path, storage
