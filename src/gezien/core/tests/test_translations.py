"""Every Dutch catalogue is complete, and the compiled .mo that Gezien loads matches it."""

from pathlib import Path

import polib
import pytest

import gezien

CATALOGUES = sorted(Path(gezien.__file__).parent.rglob("locale/nl/LC_MESSAGES/django.po"))


def test_there_is_a_dutch_catalogue_per_app_with_texts() -> None:
    assert len(CATALOGUES) >= 2


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-5])
def test_every_text_has_a_dutch_translation_and_the_mo_is_current(path: Path) -> None:
    po = polib.pofile(str(path))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    compiled = {
        e.msgid: e.msgstr or e.msgstr_plural for e in polib.mofile(str(path.with_suffix(".mo")))
    }
    source = {e.msgid: e.msgstr or e.msgstr_plural for e in po if not e.obsolete}
    assert compiled == source, "run compilemessages: the .mo is older than the .po"
