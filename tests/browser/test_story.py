"""My story in a real browser: write, make a help question, share some parts, and open
the link as a professional in a fresh browser: page, PDF and FHIR hold the chosen parts
and nothing else; revoking stops the link. axe on every page, in Dutch and English."""

from __future__ import annotations

import io
import json
import secrets

import pypdf
import pytest
from fhir.resources.bundle import Bundle
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, sign_up, tab_to

pytestmark = pytest.mark.browser

CHOSEN = "Bij ons thuis werd niet over gevoelens gepraat"
NOT_CHOSEN = "Ik miste een arm om mijn schouder"
HELP = "Ik voel me vaak leeg"


def _download(page: Page, link: str) -> bytes:
    with page.expect_download() as info:
        page.locator(link).click()
    with open(info.value.path(), "rb") as handle:
        return handle.read()


def _share(page: Page, parts: list[str], with_code: bool) -> tuple[str, str | None]:
    page.locator("a[href='/mijn-verhaal/samenvatting/']").first.click()
    assert_accessible(page)
    for box in page.locator("input[name=parts]").all():
        box.set_checked(box.get_attribute("value") in parts)
    page.locator("main form button.button").click()
    page.wait_for_url("**/samenvatting/bekijken/")
    assert_accessible(page)
    if with_code:
        page.check("#id_with_code")
    page.locator("form[action='/mijn-verhaal/delen/nieuw/'] button.button").click()
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)
    code = page.locator(".share-code code").inner_text() if with_code else None
    return page.locator("#share-link").input_value(), code


def test_write_share_open_download_and_revoke(make_visit) -> None:
    person = make_visit(accept_downloads=True)
    sign_up(person, f"verteller{secrets.token_hex(3)}")

    page = person.open("/mijn-verhaal/")
    assert_accessible(page)
    page.locator("a[href='/mijn-verhaal/kindertijd/']").click()
    assert_accessible(page)
    tab_to(page, "#id_childhood_happened")
    page.keyboard.type(CHOSEN)
    page.fill("#id_childhood_missed", NOT_CHOSEN)
    page.locator("button[name=save]").click()
    page.wait_for_url("**/mijn-verhaal/")
    expect(page.locator(".story-period-written")).to_have_count(1)

    page.locator("main a[href='/mijn-verhaal/hulpvraag/']").click()
    assert_accessible(page)
    page.fill("#id_bothers", HELP)
    page.check("#id_since_3")
    page.check("#id_approach_0")
    page.locator("main form button.button").click()
    page.wait_for_url("**/hulpvraag/tekst/")
    assert_accessible(page)
    expect(page.locator("#id_text")).to_contain_text(
        "Ik zoek hulp voor het volgende: Ik voel me vaak leeg."
    )
    page.locator("button[name=save]").click()
    page.wait_for_url("**/mijn-verhaal/")

    url, code = _share(page, ["help.question", "story.childhood.happened"], with_code=True)
    assert "/gedeeld/?id=" in url and "&key=" in url

    professional = make_visit(accept_downloads=True)
    seen = professional.page
    response = seen.goto(url)
    assert response.headers["x-robots-tag"].startswith("noindex")
    assert response.headers["referrer-policy"] == "no-referrer"
    assert_accessible(seen)
    seen.fill("#id_code", code)
    seen.locator("main form button.button").click()
    expect(seen.locator("h1")).to_have_text("Startbrief voor een hulpverlener")
    assert_accessible(seen)
    html = seen.content()
    assert CHOSEN in html and HELP in html and NOT_CHOSEN not in html

    pdf = pypdf.PdfReader(io.BytesIO(_download(seen, ".share-downloads a[href^='/gedeeld/pdf/']")))
    pdf_text = "\n".join(p.extract_text() for p in pdf.pages)
    assert CHOSEN in pdf_text and HELP in pdf_text and NOT_CHOSEN not in pdf_text
    assert pdf.trailer["/Root"]["/Lang"] == "nl" and "/StructTreeRoot" in pdf.trailer["/Root"]
    fhir_json = _download(seen, ".share-downloads a[href^='/gedeeld/fhir/']").decode()
    assert CHOSEN in fhir_json and NOT_CHOSEN not in fhir_json
    Bundle.parse_obj(json.loads(fhir_json))

    page = person.open("/mijn-verhaal/delen/")
    assert_accessible(page)
    expect(page.locator(".share-facts")).to_contain_text("3 keer")
    page.locator(".share-item form button").click()
    expect(page.locator(".share-status")).to_contain_text("Gestopt op")

    response = seen.goto(url)
    assert response.status == 404
    expect(seen.locator("h1")).to_have_text("Deze link werkt niet meer")
    assert CHOSEN not in seen.content()
    assert_accessible(seen)


def test_the_pages_in_english_including_the_professionals_view(make_visit) -> None:
    person = make_visit()
    sign_up(person, f"verteller{secrets.token_hex(3)}")
    person.open("/taal/en/?next=/mijn-verhaal/")
    page = person.open("/mijn-verhaal/nu/")
    page.fill("#id_now_happened", "Tired, but hopeful.")
    page.locator("button[name=save]").click()
    for path in (
        "/mijn-verhaal/",
        "/mijn-verhaal/nu/",
        "/mijn-verhaal/hulpvraag/",
        "/mijn-verhaal/hulpvraag/tekst/",
        "/mijn-verhaal/delen/",
    ):
        page = person.open(path)
        expect(page.locator("html")).to_have_attribute("lang", "en")
        assert_accessible(page)
    page = person.open("/mijn-verhaal/")
    url, _code = _share(page, ["story.now.happened"], with_code=False)

    professional = make_visit()
    professional.open("/taal/en/?next=/")
    seen = professional.page
    seen.goto(url)
    expect(seen.locator("h1")).to_have_text("Summary for a professional")
    expect(seen.locator("article.summary")).to_have_attribute("lang", "en")
    assert_accessible(seen)
    seen.goto(url.replace("key=", "key=x"))
    expect(seen.locator("h1")).to_have_text("This link no longer works")
    assert_accessible(seen)
