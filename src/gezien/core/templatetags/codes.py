"""A code in groups (XXXX-XXXX-…) that may wrap only between groups, never inside one."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def code_groups(code: str) -> SafeString:
    groups = str(code).split("-")
    spans = format_html_join(
        mark_safe("<wbr>"),
        '<span class="code-group">{}</span>',
        ((group + ("-" if n < len(groups) - 1 else ""),) for n, group in enumerate(groups)),
    )
    return format_html("{}", spans)
