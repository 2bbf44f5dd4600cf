"""Markdown for library pages: CommonMark with tables, raw HTML off.

Pages link with three schemes of their own: `page:ID` (another library page), `site:NAME` (a
Gezien tool) and `img:NAME.svg` (an image beside the app's static files). This module knows
nothing of Django: the caller passes a `Links` object that turns those into addresses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

PAGE, SITE, IMG = "page:", "site:", "img:"
EXTERNAL = ("https://", "http://", "mailto:", "tel:")


def parser() -> MarkdownIt:
    # html=False escapes any raw HTML in a page instead of passing it through.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


_MD = parser()


@dataclass(frozen=True)
class Links:
    """How the renderer turns the page's own schemes into addresses.

    `site` returns None for a tool this installation does not have: the link text is kept
    and the link is left out, so nobody lands on a page that does not exist."""

    page: Callable[[str], str]
    site: Callable[[str], str | None]
    image: Callable[[str], str]
    # An image's width and height, so the page does not jump while it loads.
    size: Callable[[str], tuple[int, int]] | None = None


def parse(text: str) -> list[Token]:
    return _MD.parse(text)


def inline_tokens(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        if token.type == "inline" and token.children:
            yield from token.children


def targets(tokens: list[Token]) -> Iterator[tuple[str, str]]:
    """("link", href) and ("image", src) for every link and image in a parsed page."""
    for token in inline_tokens(tokens):
        if token.type == "link_open":
            yield "link", str(token.attrGet("href") or "")
        elif token.type == "image":
            yield "image", str(token.attrGet("src") or "")


def _relink(token: Token, links: Links) -> bool:
    """Point a link at its address; False when it has nowhere to go."""
    href = str(token.attrGet("href") or "")
    if href.startswith(PAGE):
        token.attrSet("href", links.page(href.removeprefix(PAGE)))
    elif href.startswith(SITE):
        url = links.site(href.removeprefix(SITE))
        if url is None:
            return False
        token.attrSet("href", url)
    else:
        token.attrSet("rel", "noreferrer")
    return True


def _rewrite(children: list[Token], links: Links) -> list[Token]:
    result: list[Token] = []
    kept_links: list[bool] = []
    for token in children:
        if token.type == "link_open":
            kept_links.append(_relink(token, links))
            if not kept_links[-1]:
                continue
        elif token.type == "link_close" and not kept_links.pop():
            continue
        elif token.type == "image":
            name = str(token.attrGet("src")).removeprefix(IMG)
            token.attrSet("src", links.image(name))
            if links.size:
                width, height = links.size(name)
                token.attrSet("width", str(width))
                token.attrSet("height", str(height))
        result.append(token)
    return result


def render(text: str, links: Links) -> str:
    tokens = parse(text)
    for token in tokens:
        if token.type == "inline" and token.children:
            token.children = _rewrite(token.children, links)
    html: str = _MD.renderer.render(tokens, _MD.options, {})
    return html


def plain_blocks(text: str) -> list[str]:
    """The text of each block (heading, paragraph, list item, table cell), without markup.

    Readability and search work on words and sentences, not on Markdown."""
    blocks = []
    for token in parse(text):
        if token.type != "inline" or not token.children:
            continue
        parts = []
        for child in token.children:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        joined = "".join(parts).strip()
        if joined:
            blocks.append(joined)
    return blocks
