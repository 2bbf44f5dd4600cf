"""The statements of 'Herkennen' as data: every group has its statements, a warm reflection and
library pages in both languages, and a broken file stops start-up with file and field named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gezien.lib.data import DataError
from gezien.recognise import statements

LOADED = statements.load()
FIVE_FORMS = {
    "emotionele-verwaarlozing", "emotionele-mishandeling", "lichamelijke-verwaarlozing",
    "lichamelijke-mishandeling", "seksueel-misbruik",
}  # fmt: skip
# Would tell a person what they "have", or score them.
VERDICT = re.compile(r"\b(je hebt een|you have a|score|punten|points|diagnos)", re.IGNORECASE)


def test_the_groups_cover_the_five_forms_witnessing_and_what_a_person_notices_now():
    assert {group.form for group in LOADED.groups} == FIVE_FORMS | {"getuige", "now"}


def test_the_patterns_the_sources_name_are_there_in_the_projects_own_words():
    now = next(group for group in LOADED.groups if group.form == "now")
    texts = " ".join(statement.text.nl for statement in now.statements)
    for pattern in (
        "zelf op",
        "compliment",
        "wat ik voel",
        "laatste plaats",
        "streng voor mezelf",
        "anderen hebben het veel erger",
    ):
        assert pattern in texts, pattern


def test_every_text_is_there_in_dutch_and_english_and_never_a_verdict():
    for group in LOADED.groups:
        for text in (group.title, group.reflection, *(s.text for s in group.statements)):
            assert text.nl and text.en
            assert not VERDICT.search(text.nl) and not VERDICT.search(text.en), text
        assert group.pages and group.sources


def test_statement_ids_are_unique_across_groups():
    ids = [s.id for group in LOADED.groups for s in group.statements]
    assert len(ids) == len(set(ids)) == len(LOADED.by_id)


FILE = Path(statements.__file__).with_name("statements.toml").read_text("utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('id = "no-one-asked"', 'id = "little-warmth"',
         "statements.toml: groups[0].statements[2].id: 'little-warmth' is already used"),
        ('form = "getuige"', 'form = "buren"',
         "statements.toml: groups[5].form: 'buren' is not one of"),
        ('en = "I put myself last."\n', "",
         "statements.toml: groups[6].statements[3].en: missing"),
        ('sources = ["rapport"]\nwhere = "rapport: paragraaf 2.2"',
         'sources = ["blog"]\nwhere = "rapport: paragraaf 2.2"',
         "statements.toml: groups[1].sources[0]: unknown source 'blog'"),
        ('title_nl = "Wat je nu merkt"', 'titel_nl = "Wat je nu merkt"',
         "statements.toml: groups[6].titel_nl: unknown field"),
        ('[[groups]]\nid = "now"', '[[groepen]]\nid = "now"',
         "statements.toml: groepen: unknown table"),
    ],
)  # fmt: skip
def test_a_broken_file_names_the_file_and_the_field(tmp_path, old, new, message):
    assert FILE.count(old) == 1
    path = tmp_path / "statements.toml"
    path.write_text(FILE.replace(old, new), "utf-8")
    with pytest.raises(DataError) as caught:
        statements.load(path)
    assert str(caught.value).startswith(message)


def test_pages_that_do_not_exist_in_the_library_stop_start_up(tmp_path):
    path = tmp_path / "statements.toml"
    path.write_text(FILE.replace('pages = ["vijf-vormen"]', 'pages = ["zes-vormen"]', 1), "utf-8")
    with pytest.raises(DataError, match=r"groups\[2\]\.pages\[0\]: unknown library page"):
        statements.check_pages(statements.load(path), {
            "emotionele-verwaarlozing", "emotionele-mishandeling", "vijf-vormen",
            "signalen-volwassenen", "zelfbeeld",
        })  # fmt: skip
