from django import forms
from django.utils.translation import gettext_lazy as _

from gezien.library.search import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the library"),
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        help_text=_("For example: shame, partner, waiting list."),
        error_messages={
            "required": _("Type one or more words to search for."),
            "max_length": _("Use at most %(limit_value)d characters."),
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
