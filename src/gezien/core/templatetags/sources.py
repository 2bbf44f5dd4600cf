"""Sources named once per page: `{% cite source where %}` puts a numbered reference where a
fact stands, `{% cited_sources %}` lists every source once, in the order first cited. The
same source cited twice gets the same number (each place says where in it), so no source
line repeats on a page.

The list lives in the render context of the page (shared by the templates it extends and
includes), so `cited_sources` must come after the last `cite` of the page."""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

register = template.Library()
KEY = "gezien.sources"
NUMBERED = re.compile(r"^\d+\.\s+")


def _cited(context: template.Context) -> list[str]:
    # The bottom of the render context lasts the whole page, included templates too.
    bottom: dict[Any, Any] = context.render_context.dicts[0]
    cited: list[str] = bottom.setdefault(KEY, [])
    return cited


@register.simple_tag(takes_context=True)
def cite(context: template.Context, source: str, where: str | None = None) -> SafeString:
    """`(source 2, 5.1)`: the number of the source in the list, and where in it."""
    cited = _cited(context)
    if source not in cited:
        cited.append(source)
    number = cited.index(source) + 1
    link = format_html('<a href="#source-{}">{} {}</a>', number, _("source"), number)
    if where:
        return format_html(' <span class="cite">({}, {})</span>', link, where)
    return format_html(' <span class="cite">({})</span>', link)


@register.simple_tag(takes_context=True)
def cited_sources(context: template.Context) -> SafeString:
    cited = _cited(context)
    items = format_html_join(
        "", '<li id="source-{}">{}</li>', ((n, text) for n, text in enumerate(cited, 1))
    )
    return format_html("<ol>{}</ol>", items) if cited else format_html("")


@register.filter
def without_number(title: Any) -> str:
    """A step's title without the "3. " it starts with, for lists that number themselves."""
    return NUMBERED.sub("", str(title))
