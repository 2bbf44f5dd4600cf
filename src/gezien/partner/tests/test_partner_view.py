"""The partner's view: the person writes for their partner, chooses parts, and shares them
by the sharing app's link (audience "partner"). The partner needs no account, sees only the
chosen parts, a calm word on what Gezien is and the pages for partners; no PDF or FHIR."""

from __future__ import annotations

import pytest
from django.test import Client

from gezien.accounts.testing import logged_in_client
from gezien.partner.tests.support import share_with_partner, write
from gezien.sharing.models import Share, ShareOpening

pytestmark = pytest.mark.django_db

TEXTS = {
    "working_on": "Ik werk aan grenzen-ZICHTBAAR",
    "helps": "Een wandeling helpt-ZICHTBAAR",
    "not_helping": "Advies geven helpt niet-VERBORGEN",
    "how_to_help": "Vraag hoe het gaat-VERBORGEN",
    "may_change": "Ik ben soms moe-VERBORGEN",
}


def test_only_the_chosen_parts_reach_the_partner_and_nothing_else() -> None:
    person = logged_in_client()
    write(person, **TEXTS, pages=["voor-partners", "signalen-relatie"])
    # The professional's summary never offers the partner's parts, nor the other way round.
    professional_choice = person.get("/mijn-verhaal/samenvatting/").content.decode()
    assert "partner.helps" not in professional_choice
    choice = person.get("/voor-mijn-partner/delen/").content.decode()
    assert "partner.helps" in choice and "partner.pages" in choice
    assert " checked" not in choice.split("<form", 1)[1]  # nothing ticked in advance

    made = share_with_partner(person, ["partner.working_on", "partner.helps", "partner.pages"])
    page = Client().get(made["path"]).content.decode()
    assert "ZICHTBAAR" in page and "VERBORGEN" not in page
    for hidden_title in ("Wat mij niet helpt", "Hoe jij kunt helpen", "Wat er kan veranderen"):
        assert hidden_title not in page
    assert "Wat is Gezien?" in page
    assert 'href="/bibliotheek/signalen-relatie/"' in page
    assert 'href="/bibliotheek/voor-partners/"' in page and 'href="/samen-praten/"' in page
    # No downloads for a partner; the professional's summary texts are not on the page.
    assert "/gedeeld/pdf/" not in page and "Samenvatting voor een hulpverlener" not in page
    assert Client().get(made["path"].replace("/gedeeld/", "/gedeeld/pdf/")).status_code == 404
    assert Client().get(made["path"].replace("/gedeeld/", "/gedeeld/fhir/")).status_code == 404
    share = Share.objects.get()
    assert share.pdf is None
    assert ShareOpening.objects.filter(share=share, what="page").exists()


def test_the_partners_link_has_an_optional_code_shows_in_the_list_and_can_be_revoked() -> None:
    person = logged_in_client()
    write(person, **TEXTS)
    made = share_with_partner(person, ["partner.helps"], with_code=True)
    assert made["code"] and "geef hem aan je partner" in made["page"]
    partner = Client()
    assert "Typ de toegangscode" in partner.get(made["path"]).content.decode()
    partner.post(made["path"], {"code": made["code"]})
    assert "ZICHTBAAR" in partner.get(made["path"]).content.decode()
    listed = person.get("/mijn-verhaal/delen/").content.decode()
    assert "mijn partner" in listed and "Wat mij helpt" in listed
    share = Share.objects.get()
    person.post(f"/mijn-verhaal/delen/{share.pk}/stoppen/")
    gone = partner.get(made["path"])
    assert gone.status_code == 404 and "ZICHTBAAR" not in gone.content.decode()


def test_a_tampered_audience_or_part_shares_nothing_for_the_wrong_audience() -> None:
    person = logged_in_client()
    write(person, **TEXTS)
    # Partner parts sent as a professional's summary are refused: not a choice there.
    response = person.post("/mijn-verhaal/samenvatting/bekijken/", {"parts": ["partner.helps"]})
    assert response.status_code == 400
    response = person.post(
        "/mijn-verhaal/delen/nieuw/",
        {
            "parts": ["partner.helps"],
            "days": 7,
            "audience": "buurman",
            "digest": "x" * 64,
            "form_token": "y" * 20,
        },
    )
    assert response.status_code == 302 and Share.objects.count() == 0


def test_what_the_person_writes_is_kept_sealed_and_too_long_is_refused() -> None:
    person = logged_in_client()
    write(person, helps="Rust")
    page = person.get("/voor-mijn-partner/").content.decode()
    assert "Rust" in page
    refused = person.post("/voor-mijn-partner/", {"helps": "x" * 3001})
    assert refused.status_code == 400 and "te lang" in refused.content.decode()
    assert "Rust" in person.get("/voor-mijn-partner/").content.decode()
