"""An operator's theme in a real browser: `theme.toml` and a logo in the data folder give every
page the organisation's name, logo and colours, from a static stylesheet under 'self', while
the crisis line and the quick exit keep Gezien's own colours."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import assert_accessible
from tests.support import Installation, Server

pytestmark = pytest.mark.browser

LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 140 32">'
    '<rect width="140" height="32" rx="6" fill="#0b5e55"/></svg>'
)
THEME = """
name = "Gezien Zwolle"
logo = "logo.svg"
logo_width = 140
logo_height = 32

[light]
primary = "#0b5e55"
link = "#0b5e55"
secondary = "#0b5e55"

[dark]
primary = "#8fd9cc"
"""


@pytest.fixture(scope="module")
def themed():
    installation = Installation()
    Path(installation.data_dir, "theme.toml").write_text(THEME)
    Path(installation.data_dir, "logo.svg").write_text(LOGO)
    server = Server(installation=installation)
    server.start()
    yield server
    server.stop()
    installation.remove()


def _token(page, name: str) -> str:
    return page.evaluate(
        f"getComputedStyle(document.documentElement).getPropertyValue('--gz-{name}').trim()"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_theme_gives_every_page_its_name_logo_and_colours(browser, themed, scheme) -> None:
    context = browser.new_context(
        locale="nl-NL", color_scheme=scheme, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    response = page.goto(themed.url + "/hulplijnen/")
    assert "style-src 'self'" in response.headers["content-security-policy"]
    assert page.title() == "Hulplijnen · Gezien Zwolle"
    logo = page.locator(".brand img")
    assert logo.get_attribute("alt") == "Gezien Zwolle"
    assert logo.get_attribute("width") == "140" and logo.get_attribute("height") == "32"
    assert "/static/gezien/theme-logo." in logo.get_attribute("src")
    assert page.evaluate("document.querySelector('.brand img').naturalWidth") > 0
    expected = "#0b5e55" if scheme == "light" else "#8fd9cc"
    assert _token(page, "color-primary") == expected
    # Locked: the crisis line and the quick exit look the same in every Gezien.
    assert _token(page, "color-exit") in ("#a4262c", "#c8363d")
    assert _token(page, "color-crisis") in ("#17614a", "#86d6b5")
    href = page.locator("link[href*='/theme.']").get_attribute("href")
    sheet = page.request.get(themed.url + href)
    assert "--gz-color-primary: #0b5e55;" in sheet.text()
    assert "max-age=" in sheet.headers["cache-control"]
    assert_accessible(page)
    context.close()
