"""Kept questionnaire results can go into the summary for a professional, with their
levels, and into the shared page and FHIR bundle only when the person picks them."""

import json

from django.test import Client

from gezien.accounts.testing import PASSPHRASE, logged_in_client
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
    bundle = json.loads(
        professional.get(shared["path"].replace("/gedeeld/", "/gedeeld/fhir/")).content
    )
    codes = [
        coding["code"]
        for entry in bundle["entry"]
        if entry["resource"]["resourceType"] == "Observation"
        for coding in entry["resource"]["code"]["coding"]
    ]
    assert "44261-6" in codes  # the LOINC code of the PHQ-9 total


def _without(resource: dict, *keys: str) -> dict:
    return {key: value for key, value in resource.items() if key not in keys}


def test_the_export_and_the_shared_bundle_encode_a_result_identically(instruments) -> None:
    client = logged_in_client()
    kept = {
        "phq9": {f"phq9_{n}": str(n % 4) for n in range(1, 10)} | {"phq9_difficulty": "1"},
        "itq": {item.id: str(item.options.highest) for item in instruments["itq"].items},
        "who5": {item.id: "3" for item in instruments["who5"].items},  # a percentage
    }
    for name, answers in kept.items():
        response = client.post(f"/vragenlijsten/{name}/", {**answers, "keep": "on"})
        assert response.status_code == 302

    client.post("/account/bevestigen/", {"passphrase": PASSPHRASE})
    export = json.loads(client.post("/account/mijn-gegevens/export/").content)
    # Per questionnaire: its QuestionnaireResponse and Observation.
    exported = {e["fhir"][0]["questionnaire"]: e["fhir"] for e in export["questionnaires"]}

    path = share(client, [f"measure.{name}" for name in kept])["path"]
    bundle = json.loads(Client().get(path.replace("/gedeeld/", "/gedeeld/fhir/")).content)
    by_url = {entry["fullUrl"]: entry["resource"] for entry in bundle["entry"]}
    [patient] = [url for url, r in by_url.items() if r["resourceType"] == "Patient"]
    shared = {}
    for observation in by_url.values():
        if observation["resourceType"] == "Observation":
            response = by_url[observation["derivedFrom"][0]["reference"]]
            shared[response["questionnaire"]] = [response, observation]

    assert len(exported) == 3 and shared.keys() == exported.keys()
    for questionnaire, (response, observation) in exported.items():
        shared_response, shared_observation = shared[questionnaire]
        # The same answers and scores; only the ids, the references between the two and the
        # patient the bundle adds differ.
        assert _without(shared_response, "id", "subject", "author") == _without(response, "id")
        assert _without(shared_observation, "id", "subject", "derivedFrom") == _without(
            observation, "id", "derivedFrom"
        )
        assert shared_response["subject"] == shared_observation["subject"] == {"reference": patient}
    phq9_answer = exported["urn:gezien:fhir:Questionnaire:phq9|1"][0]["item"][0]["answer"][0]
    ordinal = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
    assert phq9_answer["valueCoding"]["extension"] == [{"url": ordinal, "valueDecimal": 1}]
    itq_scores = exported["urn:gezien:fhir:Questionnaire:itq|1"][1]
    assert itq_scores["dataAbsentReason"]["coding"][0]["code"] == "not-applicable"
