from __future__ import annotations

from django import template
from django.forms.boundfield import BoundWidget
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def choice_input(option: BoundWidget) -> SafeString:
    """One radio button or checkbox of a choice field: the same <input>, attribute for
    attribute, as Django's widget templates write (`{{ option.tag }}`), without rendering two
    templates per option. The journal form has about ninety options, and that rendering was
    a third of its time."""
    data = option.data
    attrs = {"type": data["type"], "name": data["name"]}
    if data["value"] is not None:
        attrs["value"] = str(data["value"])
    attrs.update(data["attrs"])
    parts = [
        format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
        for name, value in attrs.items()
        if value is not False and value is not None
    ]
    return format_html("<input{}>", mark_safe("".join(parts)))
