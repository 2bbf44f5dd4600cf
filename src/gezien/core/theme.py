"""An operator's own name, logo and colours: `GEZIEN_DATA_DIR/theme.toml`, read once at
start-up with the shared reader (every error names the file and the field).

The colours override design tokens from tokens.css; only the ones in THEMABLE may change.
The crisis line, the quick exit, the focus ring and the warning colours are locked, so they
look the same in every Gezien. Every pair of colours a page puts together is checked in both
colour schemes (4.5:1 for text, 3:1 for borders and buttons); a theme that fails does not
start. The theme is served as a static file (`gezien/theme.css`, with the logo beside it)
through core.generated, so it gets a hashed name and long caching like every stylesheet."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

from gezien.lib import colour, data

FILE_NAME = "theme.toml"
TOKENS = Path(__file__).parent / "static" / "gezien" / "tokens.css"
STYLESHEET = "gezien/theme.css"
SCHEMES = ("light", "dark")
THEMABLE = (
    "text",
    "text-muted",
    "background",
    "surface",
    "surface-sunken",
    "border",
    "border-strong",
    "link",
    "link-visited",
    "primary",
    "primary-text",
    "secondary",
)
LOGO_TYPES = {".svg", ".png", ".webp"}
TEXT, UI = 4.5, 3.0
BACKGROUNDS = ("background", "surface", "surface-sunken")
MOODS = ("mood-pleasant-high", "mood-pleasant-low", "mood-unpleasant-high", "mood-unpleasant-low")
# (foreground, backgrounds, minimum contrast, what it is): every pair a page shows.
PAIRS: tuple[tuple[str, tuple[str, ...], float, str], ...] = (
    ("text", BACKGROUNDS + MOODS, TEXT, "text"),
    ("text-muted", BACKGROUNDS, TEXT, "quieter text"),
    ("link", BACKGROUNDS, TEXT, "links"),
    ("link-visited", BACKGROUNDS[:2], TEXT, "visited links"),
    ("primary-text", ("primary",), TEXT, "text on the main button"),
    ("secondary", BACKGROUNDS[:2], TEXT, "the other buttons' text and border"),
    ("danger", BACKGROUNDS[:2], TEXT, "error messages"),
    ("primary", ("background",), UI, "the main button against the page"),
    ("border-strong", BACKGROUNDS[:2], UI, "the borders of form fields"),
    ("crisis", BACKGROUNDS, UI, "the call buttons"),
    ("exit", BACKGROUNDS, UI, "the quick-exit button"),
    ("success", BACKGROUNDS[:2], UI, "the mark of a notice"),
    ("warning", BACKGROUNDS[:2], UI, "the mark of a notice"),
)


@dataclass(frozen=True)
class Logo:
    file: Path
    width: int
    height: int

    @property
    def static_name(self) -> str:
        return f"gezien/theme-logo{self.file.suffix.lower()}"


@dataclass(frozen=True)
class Theme:
    name: str
    logo: Logo | None
    colours: dict[str, dict[str, str]]  # scheme -> token -> #rrggbb, only what it changes


def default_colours() -> dict[str, dict[str, str]]:
    """The colour tokens of tokens.css per scheme (the dark block repeats every colour)."""
    light, _, dark = TOKENS.read_text(encoding="utf-8").partition("prefers-color-scheme: dark")
    pattern = re.compile(r"--gz-((?:color-|mood-)[a-z-]+):\s*(#[0-9a-fA-F]{6})")
    found = {}
    for scheme, block in zip(SCHEMES, (light, dark), strict=True):
        found[scheme] = {
            name.removeprefix("color-"): value for name, value in pattern.findall(block)
        }
    return found


def problems(colours: dict[str, str]) -> list[tuple[str, str]]:
    """The pairs that do not reach their contrast, as (token, explanation)."""
    found = []
    for foreground, backgrounds, minimum, what in PAIRS:
        for background in backgrounds:
            ratio = colour.contrast(colours[foreground], colours[background])
            if ratio < minimum:
                found.append(
                    (
                        foreground,
                        f"{colours[foreground]} on {background} {colours[background]} has a "
                        f"contrast of {ratio:.2f}:1; {what} need at least {minimum}:1",
                    )
                )
    # The focus ring is a dark line inside a yellow one: one of them must stand out.
    for background in BACKGROUNDS:
        rings = (colours["focus"], colours["focus-text"])
        if max(colour.contrast(ring, colours[background]) for ring in rings) < UI:
            found.append((background, f"the focus ring does not stand out on {background}"))
    return found


def _colour(at: data.At, value: Any) -> str:
    if not colour.is_hex(value):
        raise at.error('must be a colour written as "#rrggbb", for example "#1b5a85"')
    return str(value).lower()


def _colours(top: data.Table, scheme: str) -> dict[str, str]:
    if not top.has(scheme):
        return {}
    at = top.at_key(scheme)
    raw = top[scheme]
    if not isinstance(raw, dict):
        raise at.error("must be a table of colours")
    for name in raw:
        if name not in THEMABLE:
            if name in default_colours()[scheme]:
                raise at.key(name).error(
                    "is locked: the crisis line, quick exit, focus ring and warning colours "
                    "are the same in every Gezien"
                )
            raise at.key(name).error(f"unknown colour; the ones you can set: {', '.join(THEMABLE)}")
    return {name: _colour(at.key(name), value) for name, value in raw.items()}


def _logo(top: data.Table, folder: Path) -> Logo | None:
    if not top.has("logo"):
        for key in ("logo_width", "logo_height"):
            top.forbid(key, "only with logo")
        return None
    top.require("logo_width", "the logo's width in pixels, as it is shown in the header")
    top.require("logo_height", "the logo's height in pixels, at most 48")
    name = top.value("logo", data.line)
    file = (folder / name).resolve()
    if file.parent != folder.resolve():
        raise top.at_key("logo").error("must be the name of a file in the data folder")
    if file.suffix.lower() not in LOGO_TYPES:
        raise top.at_key("logo").error("must be an .svg, .png or .webp file")
    if not file.is_file():
        raise top.at_key("logo").error(f"{name} is not in the data folder ({folder})")
    return Logo(
        file=file,
        width=top.value("logo_width", data.whole, 16, 320),
        height=top.value("logo_height", data.whole, 16, 48),
    )


def parse(raw: dict[str, Any], folder: Path) -> Theme:
    top = data.Table(
        data.At(FILE_NAME), raw, ("name",), ("logo", "logo_width", "logo_height", *SCHEMES)
    )
    theme = Theme(
        name=top.value("name", data.line),
        logo=_logo(top, folder),
        colours={scheme: _colours(top, scheme) for scheme in SCHEMES},
    )
    defaults = default_colours()
    for scheme in SCHEMES:
        for token, problem in problems(defaults[scheme] | theme.colours[scheme]):
            where = top.at_key(scheme).key(token) if token in THEMABLE else top.at_key(scheme)
            raise where.error(problem)
    return theme


def stylesheet(theme: Theme) -> str:
    """The theme's colours as custom properties over tokens.css."""

    def block(colours: dict[str, str]) -> str:
        return "".join(f"  --gz-color-{name}: {value};\n" for name, value in colours.items())

    # Each scheme in its own media block: a light colour must never reach the dark scheme,
    # where it was not checked.
    css = f"/* The theme of {theme.name}, from {FILE_NAME} in the data folder. */\n"
    for scheme in SCHEMES:
        if theme.colours[scheme]:
            css += f"@media (prefers-color-scheme: {scheme}) {{\n:root {{\n"
            css += block(theme.colours[scheme]) + "}\n}\n"
    return css


@cache
def load() -> Theme | None:
    """The installation's theme, or None when the data folder has no theme.toml."""
    path = Path(settings.DATA_DIR) / FILE_NAME
    if not path.exists():
        return None
    return parse(data.read_toml(path), path.parent)


def static_files() -> dict[str, bytes]:
    """The theme's stylesheet and logo, for core.generated."""
    theme = load()
    if theme is None:
        return {}
    files = {STYLESHEET: stylesheet(theme).encode()}
    if theme.logo:
        files[theme.logo.static_name] = theme.logo.file.read_bytes()
    return files
