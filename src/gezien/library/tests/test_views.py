"""The library on the web: every page in both languages, links that lead somewhere, no raw
HTML, and a search that keeps its words out of the address."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils.html import escape

from gezien.library import content, markup

LIBRARY = content.load()
STATIC_DIR = Path(content.IMAGE_DIR)
# The tags the renderer and the page template may produce inside a page's article.
ALLOWED_TAGS = {
    "article", "section", "h1", "h2", "h3", "h4", "p", "a", "ul", "ol", "li", "strong", "em",
    "img", "table", "thead", "tbody", "tr", "th", "td", "code", "blockquote", "br", "hr",
}  # fmt: skip


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []
        self.images: list[dict[str, str | None]] = []
        self.tags: list[str] = []
        self.in_main = False

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main = True
        if not self.in_main:
            return
        self.tags.append(tag)
        if tag == "a":
            self.links.append(dict(attrs))
        elif tag == "img":
            self.images.append(dict(attrs))

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False


def parse(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def client_in(language: str) -> Client:
    client = Client()
    client.get(f"/taal/{language}/?next=/")
    return client


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_renders_with_title_summary_sources_and_date(language):
    client = client_in(language)
    for page_id in LIBRARY.ids:
        page = LIBRARY.page(language, page_id)
        response = client.get(f"/bibliotheek/{page_id}/")
        assert response.status_code == 200, page_id
        html = response.content.decode()
        assert f"<h1>{escape(page.title)}</h1>" in html, page_id
        assert html.count("<h1>") == 1
        assert ("Bronnen" if language == "nl" else "Sources") in html
        for source in page.sources:
            assert escape(source.text) in html, (page_id, source.text)
        assert ("Laatst nagekeken op" if language == "nl" else "Last checked on") in html


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_link_on_every_page_leads_to_a_page_that_exists(language):
    client = client_in(language)
    seen: set[str] = set()
    to_visit = ["/bibliotheek/"]
    while to_visit:
        path = to_visit.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code == 200, path
        if not path.startswith("/bibliotheek/"):
            continue  # the crawl stays in the library; links out of it are checked once
        found = parse(response.content.decode())
        for link in found.links:
            href = link["href"] or ""
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                assert link.get("rel") == "noreferrer", href
            elif href.startswith("/") and not href.startswith("/taal/"):
                to_visit.append(parts.path)
            else:
                assert parts.scheme in ("tel", "mailto") or href.startswith("#"), href
        for image in found.images:
            assert image["alt"], image
            assert (STATIC_DIR / Path(urlsplit(image["src"]).path).name).exists(), image
    library_pages = {p for p in seen if re.fullmatch(r"/bibliotheek/[a-z0-9-]+/", p)}
    assert len(library_pages) == len(LIBRARY.ids), "every page is reachable from the index"


def test_a_page_shows_only_markup_the_renderer_makes():
    client = Client()
    for page_id in LIBRARY.ids:
        found = parse(client.get(f"/bibliotheek/{page_id}/").content.decode())
        assert set(found.tags) <= ALLOWED_TAGS | {"main", "div"}, page_id


def test_raw_html_in_markdown_is_shown_as_text_not_run():
    links = markup.Links(page=lambda i: f"/p/{i}/", site=lambda n: None, image=lambda n: n)
    html = markup.render('<script>alert(1)</script>\n\nHoi <b onclick="x()">daar</b>', links)
    assert "<script>" not in html and "<b " not in html
    assert "&lt;script&gt;" in html
    unsafe = markup.render("[klik](javascript:alert(1))", links)
    assert "javascript:" not in unsafe.split(">", 1)[0]


def test_links_to_tools_that_are_missing_keep_their_text_without_a_link():
    links = markup.Links(
        page=lambda i: f"/p/{i}/", site=lambda n: "/hulp/" if n == "help" else None, image=str
    )
    html = markup.render(
        "Zie [hulplijnen](site:help) en [je dagboek](site:journal) of [x](https://x.nl).", links
    )
    assert '<a href="/hulp/">hulplijnen</a>' in html
    assert "en je dagboek of" in html
    assert '<a href="https://x.nl" rel="noreferrer">x</a>' in html


def test_the_five_forms_page_shows_the_diagram_of_its_language_with_its_description():
    for language in ("nl", "en"):
        html = client_in(language).get("/bibliotheek/vijf-vormen/").content.decode()
        (image,) = parse(html).images
        assert image["src"].endswith(f"vijf-vormen.{language}.svg")
        assert len(image["alt"]) > 100
        svg = (STATIC_DIR / f"vijf-vormen.{language}.svg").read_text()
        assert 'role="img"' in svg and "<title" in svg and "<script" not in svg
        assert "href=" not in svg, "the image must not load anything"


def test_an_unknown_page_is_404():
    assert Client().get("/bibliotheek/bestaat-niet/").status_code == 404


def test_the_index_groups_every_page_once_with_its_summary_and_reading_time():
    html = Client().get("/bibliotheek/").content.decode()
    topics = html[html.index('<div class="accordion">') :]
    for page in LIBRARY.pages["nl"].values():
        assert topics.count(f'href="/bibliotheek/{page.id}/"') == 1, page.id
        assert escape(page.summary) in topics
    assert re.search(
        r'href="/bibliotheek/cgt/"><span>[^<]+</span> <span class="meta">\d+ min', html
    )


def test_four_cards_lead_each_kind_of_reader_to_a_first_page_with_its_reading_time():
    html = Client().get("/bibliotheek/").content.decode()
    cards = html[html.index('<ul class="card-grid') : html.index('<div class="accordion">')]
    for first in ("emotionele-verwaarlozing", "voor-partners", "voor-ouders", "voor-professionals"):
        assert f'href="/bibliotheek/{first}/"' in cards, first
    assert cards.count("minuten lezen") + cards.count("minuut lezen") == 4


def test_search_is_a_post_and_shows_results_on_the_index():
    client = Client(enforce_csrf_checks=True)
    page = client.get("/bibliotheek/").content.decode()
    assert 'method="post"' in page and "csrfmiddlewaretoken" in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post("/bibliotheek/", {"q": "schemateraphie", "csrfmiddlewaretoken": token})
    html = response.content.decode()
    assert response.status_code == 200
    results = html.split('id="results-heading"')[1].split("</section>")[0]
    assert results.index("/bibliotheek/schematherapie/") < results.index("</ol>")
    assert "schemateraphie" in html  # the words stay in the field, not in the address


def test_search_without_a_token_is_refused_and_a_get_query_is_ignored():
    client = Client(enforce_csrf_checks=True)
    assert client.post("/bibliotheek/", {"q": "schaamte"}).status_code == 403
    html = client.get("/bibliotheek/?q=schaamte").content.decode()
    assert 'id="results-heading"' not in html


def test_search_in_english_finds_english_pages():
    html = client_in("en").post("/bibliotheek/", {"q": "neglected"}).content.decode()
    assert "What is emotional neglect?" in html.split('id="results-heading"')[1]


@pytest.mark.parametrize(
    ("query", "message"), [("", "Typ een of meer woorden"), ("a" * 201, "200 tekens")]
)
def test_an_empty_or_huge_search_gets_a_clear_message(query, message):
    response = Client().post("/bibliotheek/", {"q": query})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_nothing_found_says_what_to_try():
    html = Client().post("/bibliotheek/", {"q": "xylofoonbouwer"}).content.decode()
    assert "Probeer een ander woord" in html


def test_the_menu_the_home_page_and_the_help_lines_lead_to_the_library_and_navigator():
    home = Client().get("/").content.decode()
    menu = home.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]
    assert '<a href="/bibliotheek/">Bibliotheek</a>' in menu
    assert '<a href="/hulpwijzer/">Hulpwijzer</a>' in menu
    main = home.split("<main")[1]
    assert 'href="/bibliotheek/"' in main and 'href="/hulpwijzer/"' in main
    lines = Client().get("/hulplijnen/").content.decode().split("<main")[1]
    for href in ("/veiligheidsplan/", "/hulpwijzer/", "/bibliotheek/veelgestelde-vragen/"):
        assert f'href="{href}"' in lines, href
    page = Client().get("/bibliotheek/cgt/").content.decode()
    assert '<a href="/bibliotheek/" aria-current="page">Bibliotheek</a>' in page
