"""What one app looks up in another through core, without importing it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation

from gezien.core import lookups


def test_site_names_point_to_installed_tools_only() -> None:
    assert lookups.site_url("help") == "/hulplijnen/"
    assert lookups.site_url("safety-plan") == "/veiligheidsplan/"
    assert lookups.site_url("navigator") == "/hulpwijzer/"
    assert lookups.site_url("forum") is None


def test_the_library_gives_pages_in_the_readers_language() -> None:
    library = lookups.library()
    assert "vijf-vormen" in library.page_ids()
    with translation.override("nl"):
        dutch = library.page("vijf-vormen")
    with translation.override("en"):
        english = library.page("vijf-vormen")
    assert dutch is not None and english is not None
    assert dutch.url == english.url == "/bibliotheek/vijf-vormen/"
    assert dutch.title != english.title
    assert library.page("bestaat-niet") is None


def test_questionnaires_on_offer_and_off(settings) -> None:
    questionnaires = lookups.questionnaires()
    assert questionnaires is not None
    phq9 = questionnaires.offered("phq9")
    assert phq9 is not None and phq9.url == "/vragenlijsten/phq9/" and not phq9.in_english
    assert questionnaires.offered("bestaat-niet") is None


def test_a_lookup_nobody_provides_says_which_app_is_missing(monkeypatch) -> None:
    monkeypatch.setattr(lookups, "_provided", {})
    with pytest.raises(ImproperlyConfigured, match="gezien.library"):
        lookups.library()
    assert lookups.navigator() is None and lookups.questionnaires() is None


def test_a_lookup_cannot_be_provided_twice(monkeypatch) -> None:
    monkeypatch.setattr(lookups, "_provided", {})
    lookups.provide("library", object())  # type: ignore[arg-type]
    with pytest.raises(ImproperlyConfigured, match="twice"):
        lookups.provide("library", object())  # type: ignore[arg-type]


def test_the_navigator_gives_its_intake_questions_and_route_steps_in_the_readers_language() -> None:
    route = lookups.care_route()
    assert route is not None
    with translation.override("nl"):
        questions = route.intake_questions()
        step = route.route_step("wachtlijstbemiddeling")
    with translation.override("en"):
        english = route.intake_questions()
    assert "Mag ik het tempo meebepalen?" in questions and "Can I help decide the pace?" in english
    assert step is not None and "wachtlijstbemiddeling" in step.text and step.sources
    assert route.route_step("bestaat-niet") is None
