"""Kept questionnaire results can go into the summary for a professional, with their
levels, and into the shared page and FHIR bundle only when the person picks them."""

import json

from gezien.accounts.testing import logged_in_client
from gezien.sharing.tests.support import share
from gezien.story.tests.support import make_help_question


def test_kept_results_are_offered_and_shared_only_when_chosen() -> None:
    client = logged_in_client()
    answers = {f"phq9_{n}": "2" for n in range(1, 10)}
    assert client.post("/vragenlijsten/phq9/", {**answers, "keep": "on"}).status_code == 302
    choose = client.get("/mijn-verhaal/samenvatting/").content.decode()
    assert 'value="measure.phq9"' in choose

    make_help_question(client, bothers="Ik slaap slecht")
    without = share(client, ["help.question"])
    from django.test import Client

    professional = Client()
    assert "PHQ-9" not in professional.get(without["path"]).content.decode()

    shared = share(client, ["help.question", "measure.phq9"])
    page = professional.get(shared["path"]).content.decode()
    assert "PHQ-9" in page and "18" in page
    bundle = json.loads(professional.get(shared["path"].replace("/gedeeld/", "/gedeeld/fhir/")).content)
    codes = [
        coding["code"]
        for entry in bundle["entry"]
        if entry["resource"]["resourceType"] == "Observation"
        for coding in entry["resource"]["code"]["coding"]
    ]
    assert "44261-6" in codes  # the LOINC code of the PHQ-9 total
