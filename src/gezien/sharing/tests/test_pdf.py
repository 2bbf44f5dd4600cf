"""The summary PDF: tagged, language set, text extractable, dates printed, nothing fetched."""

from __future__ import annotations

import io
import socket
from collections.abc import Iterator

import pypdf
import pytest
from weasyprint import HTML

from gezien.core.summary import Part, Section
from gezien.sharing import pdf
from gezien.sharing import snapshot as summary
from gezien.sharing.tests.support import MADE, snapshot


def _reader(body: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(body))


def _text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_shared_pdf_is_tagged_has_its_language_and_title_and_prints_both_dates() -> None:
    reader = _reader(pdf.render(snapshot(["help.question", "measure.phq9"]), shared=True))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert reader.metadata.title == "Startbrief voor een hulpverlener"
    text = _text(reader)
    assert "Ik zoek hulp bij somberheid." in text and "Matig ernstig" in text
    assert "Gedeeld op 2 juni 2025" in text and "De link werkt tot 9 juni 2025" in text


def test_an_english_summary_is_an_english_document() -> None:
    reader = _reader(pdf.render(snapshot(["help.preferences"], language="en"), shared=False))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    text = _text(reader)
    assert "Summary for a professional" in text and "Made on" in text and "Rustig" in text
    assert "works until" not in text


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.setblocking(False)
    yield server
    server.close()


def _was_contacted(server: socket.socket) -> bool:
    try:
        server.accept()[0].close()
    except BlockingIOError:
        return False
    return True


def test_markup_in_a_story_is_text_and_nothing_is_fetched(listener) -> None:
    address = f"http://127.0.0.1:{listener.getsockname()[1]}/x.png"
    typed = f'<img src="{address}"> <link rel="stylesheet" href="{address}">'
    sections = [Section("story", "Mijn verhaal", (Part("story.now.happened", "Nu", (typed,)),))]
    data = summary.snapshot(sections, ["story.now.happened"], language="nl", made_at=MADE)
    text = _text(_reader(pdf.render(data, shared=False)))
    assert f'<img src="{address}">' in text
    assert not _was_contacted(listener)


def test_the_fetcher_refuses_even_real_references(listener) -> None:
    address = f"http://127.0.0.1:{listener.getsockname()[1]}/"
    document = (
        f'<html lang="nl"><title>t</title><link rel="stylesheet" href="{address}a.css">'
        f'<img src="{address}b.png" alt="b"><p>tekst</p></html>'
    )
    body = HTML(string=document, url_fetcher=pdf.NoFetching()).write_pdf()
    assert "tekst" in _text(_reader(body))
    assert not _was_contacted(listener)
