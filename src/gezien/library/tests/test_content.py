"""The loader: every page of the real library loads, and a broken page, source list or link
stops start-up with the file and the field named."""

from __future__ import annotations

from pathlib import Path

import pytest

from gezien.lib.data import DataError
from gezien.library import content

LIBRARY = content.load()

GOOD = """+++
title = "{title}"
summary = "Een korte samenvatting."
audience = ["person"]
reviewed = 2026-11-24
related = ["twee"]

[[sources]]
ref = "rapport"
where = "hoofdstuk 2"
+++

Een alinea met een [link](page:twee), [hulplijnen](site:help) en een plaatje.

![Een plaatje](img:schema.svg)
"""
OTHER = GOOD.replace('related = ["twee"]', 'related = ["een"]').replace("page:twee", "page:een")
SOURCES = '[rapport]\nnl = "Het rapport"\nen = "The report"\n'


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "content" / "nl").mkdir(parents=True)
    (tmp_path / "content" / "en").mkdir()
    (tmp_path / "img").mkdir()
    (tmp_path / "content" / "sources.toml").write_text(SOURCES, encoding="utf-8")
    for language in ("nl", "en"):
        (tmp_path / "content" / language / "een.md").write_text(GOOD.format(title="Een"))
        (tmp_path / "content" / language / "twee.md").write_text(OTHER.format(title="Twee"))
        (tmp_path / "img" / f"schema.{language}.svg").write_text("<svg/>")
    return tmp_path


def load(tree: Path) -> content.Library:
    return content.load(tree / "content", tree / "img")


def break_page(tree: Path, old: str, new: str, file: str = "nl/een.md") -> None:
    path = tree / "content" / file
    text = path.read_text()
    assert text.count(old) == 1, "the test must change exactly one place"
    path.write_text(text.replace(old, new))


def test_the_real_library_has_every_page_in_both_languages_with_sources():
    assert len(LIBRARY.ids) >= 25
    for language in content.LANGUAGES:
        assert set(LIBRARY.pages[language]) == set(LIBRARY.ids)
        for page in LIBRARY.pages[language].values():
            assert page.sources and all(source.text for source in page.sources)


def test_a_source_by_ref_takes_the_text_of_the_page_language(tree):
    library = load(tree)
    assert library.page("nl", "een").sources[0].text == "Het rapport"
    assert library.page("en", "een").sources[0].text == "The report"
    assert library.page("nl", "een").sources[0].where == "hoofdstuk 2"
    assert library.images == {"schema.svg": {"nl": "schema.nl.svg", "en": "schema.en.svg"}}


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('title = "Een"\n', "", "nl/een.md: title: missing"),
        (
            'summary = "Een korte samenvatting."',
            'summary = " "',
            "nl/een.md: summary: must be a non-empty text",
        ),
        (
            'audience = ["person"]',
            'audience = ["buurman"]',
            "nl/een.md: audience[0]: unknown audience 'buurman'",
        ),
        ('audience = ["person"]', "audience = []", "nl/een.md: audience: must list at least one"),
        ("reviewed = 2026-11-24", 'reviewed = "gisteren"', "nl/een.md: reviewed: must be a date"),
        ('related = ["twee"]', 'related = ["drie"]', "nl/een.md: related[0]: unknown page 'drie'"),
        ('ref = "rapport"', 'ref = "blog"', "nl/een.md: sources[0].ref: unknown source 'blog'"),
        ('ref = "rapport"\nwhere = "hoofdstuk 2"', 'where = "hoofdstuk 2"',
         "nl/een.md: sources[0]: needs ref"),
        (
            'ref = "rapport"',
            'title = "Een boek"\nurl = "http://x.nl"',
            "nl/een.md: sources[0].url: must start with https://",
        ),
        (
            "[[sources]]\nref = \"rapport\"\nwhere = \"hoofdstuk 2\"\n",
            "",
            "nl/een.md: sources: missing",
        ),
        (
            "reviewed = 2026-11-24",
            "reviewed = 2026-11-24\nauthor = \"x\"",
            "nl/een.md: author: unknown field",
        ),
        ("(page:twee)", "(page:drie)", "nl/een.md: body: link to unknown page 'page:drie'"),
        ("(site:help)", "(site:forum)", "nl/een.md: body: link to unknown site page 'site:forum'"),
        ("(site:help)", "(andere.md)", "nl/een.md: body: link 'andere.md' must be page:"),
        (
            "(img:schema.svg)",
            "(img:kaart.svg)",
            "nl/een.md: body: image 'img:kaart.svg' has no nl file",
        ),
        (
            "(img:schema.svg)",
            "(https://x.nl/a.png)",
            "nl/een.md: body: image 'https://x.nl/a.png' must be img:NAME.svg",
        ),
        ('title = "Een"', 'title = "Een', "nl/een.md: front matter is not valid TOML"),
    ],
)  # fmt: skip
def test_a_broken_page_names_the_file_and_the_field(tree, old, new, message):
    break_page(tree, old, new)
    with pytest.raises(DataError) as caught:
        load(tree)
    assert str(caught.value).startswith(message)


def test_a_page_missing_in_one_language_is_named(tree):
    (tree / "content" / "en" / "twee.md").unlink()
    with pytest.raises(DataError, match=r"^en/twee\.md: missing \(there is nl/twee\.md\)"):
        load(tree)


def test_a_page_without_front_matter_is_named(tree):
    (tree / "content" / "en" / "een.md").write_text("# Zomaar een tekst\n")
    with pytest.raises(DataError, match=r"^en/een\.md: must start with front matter"):
        load(tree)


def test_a_broken_source_list_is_named(tree):
    (tree / "content" / "sources.toml").write_text('[rapport]\nnl = "Het rapport"\n')
    with pytest.raises(DataError, match=r"^sources\.toml: rapport\.en: missing"):
        load(tree)


def test_an_image_for_all_languages_needs_no_language_in_its_name(tree):
    for language in ("nl", "en"):
        (tree / "img" / f"schema.{language}.svg").unlink()
    (tree / "img" / "schema.svg").write_text("<svg/>")
    assert load(tree).images["schema.svg"] == {"nl": "schema.svg", "en": "schema.svg"}
