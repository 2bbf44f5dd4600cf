"""Bounded work behind a shared link: the PDF is made once per snapshot (and kept only
sealed with the link's key), a burst of downloads for one link is slowed down, and the
person's list shows openings close together as one line with a count."""

from __future__ import annotations

import pytest
from django.test import Client

from gezien.accounts.testing import logged_in_client
from gezien.sharing import links, pdf
from gezien.sharing.models import Share, ShareOpening
from gezien.sharing.tests.support import share
from gezien.story.tests.support import make_help_question


class Counting:
    def __init__(self, function) -> None:
        self.function, self.calls = function, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.function(*args, **kwargs)


@pytest.fixture
def person() -> Client:
    client = logged_in_client()
    make_help_question(client, bothers="Ik slaap slecht", pace="slow")
    return client


def _pdf_path(made: dict) -> str:
    return made["path"].replace("/gedeeld/", "/gedeeld/pdf/")


def test_the_shared_pdf_is_made_once_per_snapshot_and_kept_only_sealed(person, monkeypatch) -> None:
    rendered = Counting(pdf.render)
    monkeypatch.setattr(pdf, "render", rendered)
    made = share(person, ["help.question"])
    bodies = [Client().get(_pdf_path(made)) for _ in range(3)]
    assert [b.status_code for b in bodies] == [200, 200, 200]
    assert bodies[0].content.startswith(b"%PDF") and bodies[0].content == bodies[2].content
    assert rendered.calls == 1
    stored = bytes(Share.objects.get().pdf)
    assert b"%PDF" not in stored and b"slaap" not in stored
    # Stopping the link deletes the PDF with the snapshot.
    person.post(f"/mijn-verhaal/delen/{Share.objects.get().pk}/stoppen/")
    assert Share.objects.get().pdf is None
    assert Client().get(_pdf_path(made)).status_code == 404


def test_a_burst_of_downloads_for_one_link_is_slowed_down(person) -> None:
    made = share(person, ["help.question"])
    answers = [Client().get(_pdf_path(made)) for _ in range(links.DOWNLOADS_FREE + 5)]
    statuses = [a.status_code for a in answers]
    assert statuses[: links.DOWNLOADS_FREE] == [200] * links.DOWNLOADS_FREE
    assert statuses.count(429) >= 4
    refused = next(a for a in answers if a.status_code == 429)
    assert int(refused["Retry-After"]) > 0
    assert "Wacht" in refused.content.decode() and refused["Content-Type"].startswith("text/html")
    # The FHIR file of the same link waits too; another link does not.
    assert Client().get(made["path"].replace("/gedeeld/", "/gedeeld/fhir/")).status_code == 429
    other = share(person, ["help.question"])
    assert Client().get(_pdf_path(other)).status_code == 200


def test_openings_close_together_show_as_one_line_with_a_count(person) -> None:
    made = share(person, ["help.question"], label="Huisarts")
    for _ in range(4):
        Client().get(_pdf_path(made))
    for _ in range(2):
        Client().get(made["path"])
    lines = sorted(ShareOpening.objects.values_list("what", "count"))
    assert lines == [("page", 2), ("pdf", 4)]
    overview = person.get("/mijn-verhaal/delen/").content.decode()
    assert "6 keer" in overview and "PDF gedownload (4 keer)" in overview
