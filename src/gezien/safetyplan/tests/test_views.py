"""The safety plan: fill in and print or download without an account (nothing stored);
with an account stored sealed, one per account, only ever the person's own."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from gezien.accounts.testing import database_snapshot, logged_in_client
from gezien.safetyplan.models import SafetyPlan
from gezien.safetyplan.plan import MAX_ENTRY, STEPS

HEADINGS_NL = [
    "Mijn waarschuwingssignalen", "Wat ik zelf kan doen", "Mensen en plekken die me afleiden",
    "Mensen die ik om hulp kan vragen", "Hulpverleners en hulplijnen",
    "Mijn omgeving veiliger maken", "Waar ik voor leef",
]  # fmt: skip


def filled(action: str = "show", **extra) -> dict:
    return {
        "action": action,
        "warning_signs_1": "Ik slaap slecht",
        "people_1": "Sanne, 06-12345678",
        "reasons_1": "Mijn kat",
        **extra,
    }


def test_the_empty_form_is_prefilled_with_113_and_my_gp():
    html = Client().get("/veiligheidsplan/").content.decode()
    assert 'value="113 Zelfmoordpreventie: bel 113 of 0800-0113' in html
    assert 'value="Mijn huisarts:"' in html
    assert html.count("<fieldset") == len(STEPS) == 7
    for heading in HEADINGS_NL:
        assert heading in html
    assert 'value="save"' not in html, "saving needs an account"


def test_without_an_account_the_plan_prints_with_all_steps_in_order_and_nothing_is_stored():
    before = database_snapshot()
    response = Client().post("/veiligheidsplan/", filled())
    html = response.content.decode()
    assert response.status_code == 200
    positions = [html.index(f"<h2>{heading}</h2>") for heading in HEADINGS_NL]
    assert positions == sorted(positions)
    assert "Ik slaap slecht" in html and "Sanne, 06-12345678" in html
    assert "Direct gevaar? Bel 112." in html
    # The plan travels in hidden fields, so it can be changed without being stored.
    assert 'type="hidden" name="warning_signs_1" value="Ik slaap slecht"' in html
    assert database_snapshot() == before
    assert SafetyPlan.objects.count() == 0


def test_without_an_account_the_plan_downloads_as_a_plain_text_file():
    response = Client().post("/veiligheidsplan/", filled("download"))
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="plan.txt"'
    text = response.content.decode()
    assert text.startswith("Mijn veiligheidsplan\n")
    assert "1. Mijn waarschuwingssignalen\n- Ik slaap slecht\n" in text
    assert "7. Waar ik voor leef\n- Mijn kat\n" in text
    assert "Bel 112" in text


def test_changing_the_plan_brings_back_the_form_with_what_was_written():
    html = Client().post("/veiligheidsplan/", filled("edit")).content.decode()
    assert 'name="people_1" value="Sanne, 06-12345678"' in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (filled(warning_signs_1="x" * (MAX_ENTRY + 1)), "Gebruik hoogstens 120 tekens"),
        (filled("publish"), "Er ging iets mis met dit formulier"),
        ({"warning_signs_1": "zonder knop"}, "Er ging iets mis met dit formulier"),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_changes(data, message):
    before = database_snapshot()
    response = Client().post("/veiligheidsplan/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert database_snapshot() == before


def test_fields_that_are_not_on_the_form_are_ignored():
    response = Client().post("/veiligheidsplan/", filled(extra_99="iets", warning_signs_9="x"))
    assert response.status_code == 200 and "iets" not in response.content.decode()


def test_saving_without_an_account_asks_to_log_in_and_stores_nothing():
    response = Client().post("/veiligheidsplan/", filled("save"))
    assert response.status_code == 302 and response["Location"].startswith("/account/inloggen/")
    assert SafetyPlan.objects.count() == 0


def test_with_an_account_the_plan_is_sealed_shown_and_updated_in_one_record():
    client = logged_in_client()
    assert 'value="save"' in client.get("/veiligheidsplan/").content.decode()
    response = client.post("/veiligheidsplan/", filled("save"))
    assert response.status_code == 302 and response["Location"] == "/veiligheidsplan/"
    record = SafetyPlan.objects.get(owner=client.account)
    assert b"Sanne" not in bytes(record.sealed)
    html = client.get("/veiligheidsplan/").content.decode()
    assert "Je veiligheidsplan is opgeslagen." in html
    assert "Sanne, 06-12345678" in html and 'href="/veiligheidsplan/aanpassen/"' in html

    client.post("/veiligheidsplan/", filled("save", people_1="Joris"))
    assert SafetyPlan.objects.filter(owner=client.account).count() == 1
    edit = client.get("/veiligheidsplan/aanpassen/").content.decode()
    assert 'name="people_1" value="Joris"' in edit


def test_someone_else_never_sees_my_plan():
    owner = logged_in_client("eigenaar")
    owner.post("/veiligheidsplan/", filled("save"))
    other = logged_in_client("buitenstaander")
    for path in ("/veiligheidsplan/", "/veiligheidsplan/aanpassen/"):
        assert "Sanne" not in other.get(path).content.decode()
    assert other.post("/veiligheidsplan/verwijderen/").status_code == 302
    assert SafetyPlan.objects.filter(owner=owner.account).count() == 1


def test_the_plan_can_be_deleted_after_a_confirmation():
    client = logged_in_client()
    client.post("/veiligheidsplan/", filled("save"))
    assert "Ja, verwijder mijn plan" in client.get("/veiligheidsplan/verwijderen/").content.decode()
    assert SafetyPlan.objects.count() == 1
    client.post("/veiligheidsplan/verwijderen/")
    assert SafetyPlan.objects.count() == 0
    assert 'value="113 Zelfmoordpreventie' in client.get("/veiligheidsplan/").content.decode()


def test_the_plan_is_in_the_account_export():
    client = logged_in_client()
    client.post("/veiligheidsplan/", filled("save"))
    client.post("/account/bevestigen/", {"passphrase": "lamp rivier brood herfst"})
    export = json.loads(client.post("/account/mijn-gegevens/export/").content)
    assert export["safety_plan"]["steps"]["people"] == ["Sanne, 06-12345678"]
    assert export["safety_plan"]["steps"]["professionals"] == []


def test_the_menu_links_to_the_safety_plan_on_every_page():
    for path in ("/", "/hulplijnen/", "/bibliotheek/", "/bestaat-niet/"):
        menu = Client().get(path).content.decode().split('class="site-nav"')[1].split("</nav>")[0]
        assert re.search(r'<a href="/veiligheidsplan/"[^>]*>Mijn veiligheidsplan</a>', menu), path
