"""Kept questionnaire results can go into the summary for a professional, with their
levels, and into the shared page and FHIR bundle only when the person picks them."""

import json

from django.test import Client

from gezien.accounts.testing import PASSPHRASE, logged_in_client
from gezien.story.tests.support import make_help_question, share


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


def _without(resource: dict, *keys: str) -> dict:
    return {key: value for key, value in resource.items() if key not in keys}


def test_the_export_and_the_shared_bundle_encode_a_result_identically(instruments) -> None:
    client = logged_in_client()
    kept = {
        "phq9": {f"phq9_{n}": str(n % 4) for n in range(1, 10)} | {"phq9_difficulty": "1"},
        "itq": {item.id: str(item.options.highest) for item in instruments["itq"].items},  # no total
        "who5": {item.id: "3" for item in instruments["who5"].items},  # a percentage
    }
    for instrument_id, answers in kept.items():
        assert client.post(f"/vragenlijsten/{instrument_id}/", {**answers, "keep": "on"}).status_code == 302

    client.post("/account/bevestigen/", {"passphrase": PASSPHRASE})
    export = json.loads(client.post("/account/mijn-gegevens/export/").content)
    exported = {entry["instrument"]: entry["fhir"] for entry in export["questionnaires"]}

    shared = share(client, [f"measure.{instrument_id}" for instrument_id in kept])
    bundle = json.loads(Client().get(shared["path"].replace("/gedeeld/", "/gedeeld/fhir/")).content)
    resources = {entry["fullUrl"]: entry["resource"] for entry in bundle["entry"]}
    in_bundle = {}
    for response in (r for r in resources.values() if r["resourceType"] == "QuestionnaireResponse"):
        [observation] = [
            r for r in resources.values()
            if r["resourceType"] == "Observation" and r["derivedFrom"][0]["reference"] == f"urn:uuid:{response['id']}"
        ]
        in_bundle[response["questionnaire"].split(":")[-1].split("|")[0]] = [response, observation]

    assert exported.keys() == in_bundle.keys() == kept.keys()
    for instrument_id, (response, observation) in exported.items():
        shared_response, shared_observation = in_bundle[instrument_id]
        # The same answers and scores; only the ids, the references between the two and the
        # patient the bundle adds differ.
        assert _without(shared_response, "id", "subject", "author") == _without(response, "id")
        assert _without(shared_observation, "id", "subject", "derivedFrom") == _without(observation, "id", "derivedFrom")
        assert shared_response["subject"] == shared_observation["subject"] == {"reference": next(
            url for url, r in resources.items() if r["resourceType"] == "Patient"
        )}
    phq9_item = exported["phq9"][0]["item"][0]["answer"][0]["valueCoding"]
    assert phq9_item["extension"][0]["url"] == "http://hl7.org/fhir/StructureDefinition/ordinalValue"
    assert exported["itq"][1]["dataAbsentReason"]["coding"][0]["code"] == "not-applicable"
