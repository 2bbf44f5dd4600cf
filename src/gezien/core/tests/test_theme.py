"""The design tokens and an operator's theme (GEZIEN_DATA_DIR/theme.toml): every colour pair
reaches its contrast, the theme file is checked field by field, locked colours stay locked,
and `gezien check` refuses a theme that people could not read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gezien.core import theme
from gezien.lib import colour
from gezien.lib.data import DataError
from tests.support import Installation

# The token contract (the brief every stylesheet is written against).
CONTRACT = [
    "text",
    "text-muted",
    "background",
    "surface",
    "surface-sunken",
    "border",
    "border-strong",
    "link",
    "link-visited",
    "focus",
    "focus-text",
    "primary",
    "primary-text",
    "secondary",
    "crisis",
    "crisis-text",
    "exit",
    "exit-text",
    "danger",
    "success",
    "warning",
    "info",
]
MOODS = ["mood-pleasant-high", "mood-pleasant-low", "mood-unpleasant-high", "mood-unpleasant-low"]


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    assert colour.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert colour.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert colour.contrast("#1b5a85", "#1b5a85") == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_tokens_are_the_contract_and_every_pair_reaches_its_contrast(scheme) -> None:
    colours = theme.default_colours()[scheme]
    assert sorted(colours) == sorted(CONTRACT + MOODS)
    assert theme.problems(colours) == []


def test_the_stylesheet_defines_every_token_of_the_contract() -> None:
    css = theme.TOKENS.read_text()
    tokens = (
        "space-1 space-7 radius radius-pill border-width target font-family font-size-small "
        "font-size-base font-size-large font-size-h1 font-size-h2 font-size-h3 line-height measure"
    )
    for name in tokens.split():
        assert f"--gz-{name}:" in css, name
    assert "--gz-target: 2.75rem;" in css


def _theme(tmp_path: Path, text: str) -> theme.Theme:
    return theme.parse(__import__("tomllib").loads(text), tmp_path)


def test_a_theme_sets_the_name_the_logo_and_colours_in_both_schemes(tmp_path) -> None:
    (tmp_path / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    loaded = _theme(
        tmp_path,
        'name = "Gezien Utrecht"\nlogo = "logo.svg"\nlogo_width = 140\nlogo_height = 32\n'
        '[light]\nprimary = "#6B2C91"\nlink = "#6b2c91"\n[dark]\nprimary = "#D9B8EE"\n',
    )
    assert loaded.name == "Gezien Utrecht"
    assert loaded.logo is not None and loaded.logo.width == 140
    assert loaded.logo.static_name == "gezien/theme-logo.svg"
    css = theme.stylesheet(loaded)
    light, dark = css.split("@media (prefers-color-scheme: dark)")
    assert "@media (prefers-color-scheme: light)" in light
    assert "--gz-color-primary: #6b2c91;" in light and "--gz-color-link: #6b2c91;" in light
    assert "--gz-color-primary: #d9b8ee;" in dark and "link" not in dark


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "theme.toml: name: missing"),
        ('name = "X"\ncolour = 1', "theme.toml: colour: unknown field"),
        ('name = "X"\n[light]\ncrisis = "#000000"', "theme.toml: light.crisis: is locked"),
        ('name = "X"\n[dark]\nexit = "#000000"', "theme.toml: dark.exit: is locked"),
        ('name = "X"\n[light]\nfocus = "#000000"', "theme.toml: light.focus: is locked"),
        ('name = "X"\n[light]\ndanger = "#000000"', "theme.toml: light.danger: is locked"),
        ('name = "X"\n[light]\npink = "#000000"', "theme.toml: light.pink: unknown colour"),
        ('name = "X"\n[light]\nprimary = "purple"', "theme.toml: light.primary: must be a colour"),
        ('name = "X"\n[light]\nprimary = "#abc"', "theme.toml: light.primary: must be a colour"),
        ('name = "X"\nlight = "#000000"', "theme.toml: light: must be a table of colours"),
        ('name = "X"\nlogo_width = 10', "theme.toml: logo_width: not allowed: only with logo"),
        ('name = "X"\nlogo = "a.svg"', "theme.toml: logo_width: missing"),
        (
            'name = "X"\nlogo = "../secret.svg"\nlogo_width = 20\nlogo_height = 20',
            "theme.toml: logo: must be the name of a file in the data folder",
        ),
        (
            'name = "X"\nlogo = "nope.svg"\nlogo_width = 20\nlogo_height = 20',
            "theme.toml: logo: nope.svg is not in the data folder",
        ),
        (
            'name = "X"\nlogo = "logo.gif"\nlogo_width = 20\nlogo_height = 20',
            "theme.toml: logo: must be an .svg, .png or .webp file",
        ),
    ],
)
def test_a_broken_theme_names_the_file_and_the_field(tmp_path, text, message) -> None:
    with pytest.raises(DataError) as raised:
        _theme(tmp_path, text)
    assert str(raised.value).startswith(message)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # A pale button: its white text cannot be read.
        (
            '[light]\nprimary = "#8fb8d8"',
            r"light\.primary-text: #ffffff on primary #8fb8d8 .* 4\.5:1",
        ),
        # Grey text on the page.
        ('[light]\ntext = "#9a9a9a"', r"light\.text: #9a9a9a on background .* 4\.5:1"),
        # A dark page in the dark scheme with the default dark text is fine, a light one is not.
        ('[dark]\nbackground = "#f0f0f0"', r"dark\.text: .* on background #f0f0f0"),
        # Form field borders that vanish into the page.
        ('[light]\nborder-strong = "#e0e0e0"', r"light\.border-strong: .* 3\.0:1"),
    ],
)
def test_colours_people_cannot_read_are_refused(tmp_path, text, message) -> None:
    with pytest.raises(DataError) as raised:
        _theme(tmp_path, 'name = "X"\n' + text)
    assert re.match("theme.toml: " + message, str(raised.value)), str(raised.value)


def test_gezien_check_refuses_an_unreadable_theme_and_confirms_a_good_one() -> None:
    installation = Installation()
    try:
        path = Path(installation.data_dir) / "theme.toml"
        path.write_text('name = "Gezien Zwolle"\n[light]\nprimary = "#c8e0f0"\n')
        refused = installation.gezien("check")
        assert refused.returncode != 0
        assert "theme.toml: light.primary-text: #ffffff on primary #c8e0f0" in refused.stderr
        assert "Traceback" not in refused.stderr
        path.write_text('name = "Gezien Zwolle"\n[light]\nprimary = "#0b5e55"\n')
        checked = installation.gezien("check")
        assert "The theme “Gezien Zwolle”" in checked.stdout, checked.stdout + checked.stderr
    finally:
        installation.remove()
