"""Every URL that takes an object id answers 404 to another account and changes nothing.

When you add a URL with an object id, add an entry to OWNER_ONLY: the URL name, and a
function that creates such an object for the owner (a logged-in client with `.account`)
and returns the URL's kwargs. The first test fails for any URL that is not listed."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from gezien.accounts.testing import assert_outsider_gets_404, logged_in_client
from gezien.sharing.models import Share
from gezien.sharing.tests.support import share
from gezien.story.tests.support import make_help_question


def _own_session(owner) -> dict:
    return {"pk": owner.account.sessions.get().pk}


def _own_questionnaire_result(owner) -> dict:
    answers = {f"phq9_{n}": "1" for n in range(1, 10)}
    response = owner.post("/vragenlijsten/phq9/", {**answers, "keep": "on"})
    return {"pk": response.url.rstrip("/").split("/")[-1]}


def _own_journal_entry(owner) -> dict:
    from gezien.journal.models import JournalEntry

    owner.post("/dagboek/nieuw/", {"happened": "Een gewone dag."})
    return {"pk": JournalEntry.objects.get(owner=owner.account).pk}


def _own_reflection(owner) -> dict:
    response = owner.post("/herkennen/", {"statements": ["no-one-asked"], "action": "keep"})
    return {"pk": response.url.rstrip("/").split("/")[-1]}


def _own_exercise_rating(owner) -> dict:
    from gezien.exercises.models import ExerciseRating

    owner.post("/oefeningen/ademhaling/", {"before": "7", "after": "4", "submit_token": "t"})
    return {"pk": ExerciseRating.objects.get(owner=owner.account).pk}


def _own_share(owner) -> dict:
    make_help_question(owner, bothers="Ik slaap slecht")
    share(owner, ["help.question"])
    return {"pk": Share.objects.get(owner=owner.account).pk}


OWNER_ONLY = {
    "accounts:end-session": _own_session,
    "measure:result": _own_questionnaire_result,
    "measure:delete": _own_questionnaire_result,
    "journal:edit": _own_journal_entry,
    "journal:delete": _own_journal_entry,
    "sharing:share-revoke": _own_share,
    "exercises:done": _own_exercise_rating,
    "recognise:kept": _own_reflection,
    "recognise:delete": _own_reflection,
}


def _own_checkup(owner) -> dict:
    from gezien.checkup.tests.support import answers, set_up, take

    set_up(owner, ["k10"], reflections=False)
    result = take(owner, {"k10": answers("k10", 2, 10)})
    return {"pk": result.rstrip("/").split("/")[-2]}


def _own_checkin_note(owner) -> dict:
    from gezien.partner.models import CheckinNote
    from gezien.partner.tests.support import hidden, walk

    end = walk(owner)
    owner.post("/samen-praten/", {**hidden(end), "action": "keep", "keep_agreement": "on"})
    return {"pk": CheckinNote.objects.get(owner=owner.account).pk}


OWNER_ONLY |= {
    "checkup:step": _own_checkup,
    "checkup:result": _own_checkup,
    "checkup:delete": _own_checkup,
    "partner:note-delete": _own_checkin_note,
}


def _own_ladder_step(owner) -> dict:
    from gezien.practise.models import LadderStep
    from gezien.practise.tests.support import make_ladder

    make_ladder(owner, [("", "Nee zeggen", 3)])
    return {"pk": LadderStep.objects.get(owner=owner.account).pk}


def _own_session_reflection(owner) -> dict:
    from gezien.therapyfit.models import SessionReflection
    from gezien.therapyfit.tests.support import reflect

    reflect(owner, "2026-12-01", "bit")
    return {"pk": SessionReflection.objects.get(owner=owner.account).pk}


OWNER_ONLY |= {
    "practise:try": _own_ladder_step,
    "practise:move": _own_ladder_step,
    "practise:delete": _own_ladder_step,
    "therapyfit:delete": _own_session_reflection,
}


def _names_with_object_ids(resolver: URLResolver, prefix: str = "") -> set[str]:
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names |= _names_with_object_ids(pattern, namespace)
        elif isinstance(pattern, URLPattern) and pattern.pattern.converters:
            names.add(f"{prefix}{pattern.name}")
    return names


# URLs whose parameter names public content, not anyone's object.
PUBLIC = {"switch-language", "library:page", "measure:take", "measure:history"}


def test_every_url_with_an_object_id_has_an_outsider_test() -> None:
    assert _names_with_object_ids(get_resolver()) - PUBLIC == set(OWNER_ONLY)


@pytest.mark.parametrize("name", sorted(OWNER_ONLY))
def test_an_outsider_gets_404_and_changes_nothing(name: str) -> None:
    owner = logged_in_client("eigenaar")
    outsider = logged_in_client("buitenstaander")
    url = reverse(name, kwargs=OWNER_ONLY[name](owner))
    assert_outsider_gets_404(outsider, [url])
    # The owner can still use it, so the 404 was about ownership, not a broken URL.
    # (GET first: a POST may delete the object.)
    get = owner.get(url).status_code
    post = owner.post(url).status_code
    assert {post, get} <= {200, 302, 405} and {post, get} & {200, 302}, f"POST {post}, GET {get}"
