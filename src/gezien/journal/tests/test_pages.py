"""The journal through its pages: writing (guided and plain), drafts, editing from two
tabs, deleting, searching, patterns, bad input, and an ended session."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from gezien.accounts.testing import PASSPHRASE, logged_in_client
from gezien.drafts.models import Draft
from gezien.drafts.service import FormRef
from gezien.journal.models import JournalEntry


@pytest.fixture
def client() -> Client:
    return logged_in_client()


def _only_entry(client: Client) -> dict:
    record = JournalEntry.objects.get(owner=client.account)
    request = client.get("/").wsgi_request
    from gezien.vault import session

    return record.open_content(session.data_key(request))


def _page_state(html: str) -> dict[str, str]:
    """The hidden fields a form page carries (draft key, version, token); the page also
    fills in today's date, which the tests send when it matters."""
    return {
        name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
        for name in ("draft_key", "draft_version", "submit_token")
    }


def test_without_an_account_the_journal_explains_why_one_is_needed() -> None:
    page = Client().get("/dagboek/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "account" in html.lower() and "/account/aanmelden/" in html
    assert Client().get("/dagboek/nieuw/").status_code == 302


def test_a_plain_entry_is_saved_sealed_and_shown_in_the_overview(client) -> None:
    page = client.get("/dagboek/nieuw/").content.decode()
    state = _page_state(page)
    response = client.post(
        "/dagboek/nieuw/",
        {
            **state,
            "date": timezone.localdate().isoformat(),
            "happened": "Ruzie met mijn zus.",
            "words": ["boos"],
            "intensity_boos": "7",
            "helpers": ["bewegen"],
        },
    )
    assert response.status_code == 302
    record = JournalEntry.objects.get(owner=client.account)
    assert b"Ruzie" not in bytes(record.sealed)
    content = _only_entry(client)
    assert content["words"] == [{"id": "boos", "intensity": 7}]
    assert content["date"] == timezone.localdate().isoformat()
    overview = client.get(response["Location"]).content.decode()
    assert "Ruzie met mijn zus." in overview and "boos (7/10)" in overview


def test_an_entry_shows_only_its_filled_parts_in_the_forms_order_with_text_escaped(client) -> None:
    from django.utils import translation

    from gezien.journal.entries import parts

    content = {
        "happened": "Ruzie\n<b>hard</b>",
        "body_areas": ["borst"],
        "sensations": [],
        "body_note": "",
        "quadrant": None,
        "pleasantness": -3,
        "energy": None,
        "words": [{"id": "boos", "intensity": 7}, {"id": "moe", "intensity": None}],
        "feeling_note": "",
        "thoughts": "",
        "needs": "",
        "did": "",
        "helpers": [],
        "helped": "even lopen",
    }
    with translation.override("nl"):
        shown = [(str(heading), str(value)) for heading, value in parts(content)]
    assert shown == [
        ("Wat er gebeurde", "Ruzie<br>&lt;b&gt;hard&lt;/b&gt;"),
        ("In mijn lijf", "borst"),
        ("Hoe het voelt", "onprettig"),
        ("Woorden voor het gevoel", "boos (7/10), moe"),
        ("Wat hielp", "even lopen"),
    ]


def test_an_empty_entry_is_refused_with_a_clear_message(client) -> None:
    response = client.post("/dagboek/nieuw/", {"date": timezone.localdate().isoformat()})
    assert response.status_code == 200
    assert "Vul minstens één deel in" in response.content.decode()
    assert not JournalEntry.objects.exists()


def test_the_guided_path_keeps_each_step_as_a_draft_and_saves_one_entry(client) -> None:
    body = _page_state(client.get("/dagboek/stap/lichaam/").content.decode())
    step = client.post(
        "/dagboek/stap/lichaam/", {**body, "body_areas": ["buik"], "sensations": ["knoop_in_maag"]}
    )
    assert step["Location"] == "/dagboek/stap/gevoel/"
    feel = _page_state(client.get("/dagboek/stap/gevoel/").content.decode())
    assert feel["draft_version"] == "1"
    # The square "unpleasant, much energy" of the mood meter.
    client.post("/dagboek/stap/gevoel/", {**feel, "mood": "-2,2"})
    words_page = client.get("/dagboek/stap/woorden/").content.decode()
    # The words in view fit the unpleasant, high-energy corner and come with their
    # definitions; the others wait behind "More words".
    in_view = words_page.split('<details class="disclosure gz-word-group"')[0]
    assert 'value="angstig"' in in_view and 'value="tevreden"' not in in_view
    assert in_view.count('name="words"') == 15 and "word-angstig-def" in in_view
    assert 'value="tevreden"' in words_page
    words = _page_state(words_page)
    client.post("/dagboek/stap/woorden/", {**words, "words": ["angstig"], "intensity_angstig": "6"})
    rest = _page_state(client.get("/dagboek/stap/verder/").content.decode())
    done = client.post("/dagboek/stap/verder/", {**rest, "happened": "Een brief van de gemeente."})
    assert done.status_code == 302 and "stukje=" in done["Location"]
    content = _only_entry(client)
    assert content["body_areas"] == ["buik"] and content["sensations"] == ["knoop_in_maag"]
    assert (content["pleasantness"], content["energy"], content["quadrant"]) == (
        -2,
        2,
        "unpleasant-high",
    )
    assert content["words"] == [{"id": "angstig", "intensity": 6}]
    assert content["happened"] == "Een brief van de gemeente."
    assert not Draft.objects.exists()


def test_going_back_a_step_keeps_what_was_typed(client) -> None:
    client.post(
        "/dagboek/stap/lichaam/",
        {**_page_state(client.get("/dagboek/stap/lichaam/").content.decode()), "body_note": "warm"},
    )
    state = _page_state(client.get("/dagboek/stap/gevoel/").content.decode())
    back = client.post("/dagboek/stap/gevoel/", {**state, "energy": "2", "go": "back"})
    assert back["Location"] == "/dagboek/stap/lichaam/"
    assert "warm" in client.get("/dagboek/stap/lichaam/").content.decode()
    # Energy alone (its text version) cannot be a square: it stays in the text version.
    assert (
        'id="id_energy_3" value="2" checked' in client.get("/dagboek/stap/gevoel/").content.decode()
    )


def test_a_double_submit_stores_one_entry_and_both_go_to_it(client) -> None:
    state = _page_state(client.get("/dagboek/nieuw/").content.decode())
    first = client.post("/dagboek/nieuw/", {**state, "happened": "Eén keer"})
    second = client.post("/dagboek/nieuw/", {**state, "happened": "Eén keer"})
    assert JournalEntry.objects.filter(owner=client.account).count() == 1
    assert first["Location"] == second["Location"]


def test_a_draft_comes_back_on_the_form(client) -> None:
    state = _page_state(client.get("/dagboek/nieuw/").content.decode())
    client.post(
        "/concepten/bewaren/", {**state, "thoughts": "Half af"}, HTTP_X_REQUESTED_WITH="fetch"
    )
    again = client.get("/dagboek/nieuw/").content.decode()
    assert "Half af" in again and 'name="draft_version" value="1"' in again
    assert "niet afgemaakt" in client.get("/dagboek/").content.decode()


def test_the_one_page_form_and_the_guided_path_keep_separate_drafts(client) -> None:
    state = _page_state(client.get("/dagboek/nieuw/").content.decode())
    client.post(
        "/concepten/bewaren/",
        {**state, "thoughts": "Half af, op één pagina"},
        HTTP_X_REQUESTED_WITH="fetch",
    )
    # A new entry step by step starts empty...
    assert "Half af, op één pagina" not in client.get("/dagboek/stap/verder/").content.decode()
    body = _page_state(client.get("/dagboek/stap/lichaam/").content.decode())
    client.post("/dagboek/stap/lichaam/", {**body, "body_note": "Alleen stap voor stap"})
    assert "Alleen stap voor stap" in client.get("/dagboek/stap/lichaam/").content.decode()
    # ...and its words stay out of the one-page form, which still has its own.
    one_page = client.get("/dagboek/nieuw/").content.decode()
    assert "Alleen stap voor stap" not in one_page and "Half af, op één pagina" in one_page
    # The overview offers each unfinished entry with its own form.
    notices = re.findall(
        r'<p class="notice">([^<]*)<a href="([^"]+)">', client.get("/dagboek/").content.decode()
    )
    assert [(" ".join(text.split()[:5]), link) for text, link in notices] == [
        ("Je hebt een stukje op", "/dagboek/nieuw/"),
        ("Je hebt een stukje stap", "/dagboek/stap/lichaam/"),
    ]


def test_a_draft_with_one_word_comes_back_ticked(client) -> None:
    state = _page_state(client.get("/dagboek/nieuw/").content.decode())
    client.post(
        "/concepten/bewaren/",
        {**state, "words": ["eenzaam"], "intensity_eenzaam": "4"},
        HTTP_X_REQUESTED_WITH="fetch",
    )
    page = client.get("/dagboek/nieuw/").content.decode()
    assert re.search(
        r'value="eenzaam" id="word-eenzaam" aria-describedby="word-eenzaam-def" checked', page
    )
    assert re.search(r'<option value="4" selected>4</option>', page)


def test_a_wrong_strength_is_marked_at_its_word_and_the_choices_stay(client) -> None:
    page = client.post(
        "/dagboek/nieuw/",
        {
            "happened": "iets",
            "words": ["boos", "blij"],
            "intensity_boos": "12",
            "intensity_blij": "3",
        },
    ).content.decode()
    row = page[page.index('id="word-boos"') :]
    row = row[: row.index("</li>")]
    assert "field-with-error" in row and 'aria-invalid="true"' in row
    assert '<option value="3" selected>3</option>' in page  # blij keeps its strength
    assert not JournalEntry.objects.exists()


def test_a_wrong_strength_is_named_in_the_language_the_person_chose(client) -> None:
    wrong = {"happened": "iets", "words": ["boos"], "intensity_boos": "12"}
    assert (
        "Hoe sterk is “boos”? (0 tot 10)" in client.post("/dagboek/nieuw/", wrong).content.decode()
    )
    client.get("/taal/en/?next=/dagboek/nieuw/")
    page = client.post("/dagboek/nieuw/", wrong).content.decode()
    assert "How strong is “angry”? (0 to 10)" in page and "Hoe sterk" not in page


def _edit_state(client: Client, entry_id) -> dict[str, str]:
    html = client.get(f"/dagboek/{entry_id}/").content.decode()
    state = _page_state(html)
    state["entry_version"] = re.search(r'name="entry_version" value="([^"]*)"', html).group(1)
    return state


def _as_a_browser_sends_it(html: str) -> dict[str, list[str]]:
    """The hidden fields, ticked boxes and chosen radio buttons of a form page."""
    sent: dict[str, list[str]] = {}
    for tag in re.findall(r"<input [^>]*>", html):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name and value and ('type="hidden"' in tag or tag.endswith(" checked>")):
            sent.setdefault(name.group(1), []).append(value.group(1))
    return sent


@pytest.mark.parametrize(
    ("old", "shown"),
    [
        (
            {"pleasantness": 3, "energy": -1, "quadrant": "pleasant-low"},
            "Prettig, gemiddelde energie",
        ),
        ({"quadrant": "unpleasant-high"}, "Onprettig, veel energie"),  # only a corner
        ({"pleasantness": -5}, "heel onprettig"),  # only one of the two scales
    ],
)
def test_an_entry_from_before_the_mood_meter_keeps_its_values_when_saved_again(
    client, old, shown
) -> None:
    client.post("/dagboek/nieuw/", {"happened": "Van vroeger"})
    record = JournalEntry.objects.get(owner=client.account)
    from gezien.vault import session

    key = session.data_key(client.get("/").wsgi_request)
    record.seal_content(key, {**record.open_content(key), **old})
    record.save()
    assert shown in client.get("/dagboek/").content.decode()
    page = client.get(f"/dagboek/{record.pk}/").content.decode()
    sent = {**_as_a_browser_sends_it(page), "happened": ["Van vroeger, nu met meer woorden"]}
    assert client.post(f"/dagboek/{record.pk}/", sent).status_code == 302
    content = _only_entry(client)
    assert content["happened"] == "Van vroeger, nu met meer woorden"
    for field_name in ("pleasantness", "energy", "quadrant"):
        assert content[field_name] == old.get(field_name, None if field_name != "quadrant" else "")


def test_editing_from_two_tabs_shows_both_versions_instead_of_overwriting(client) -> None:
    client.post("/dagboek/nieuw/", {"happened": "Origineel"})
    entry = JournalEntry.objects.get(owner=client.account)
    tab_a, tab_b = _edit_state(client, entry.pk), _edit_state(client, entry.pk)
    assert (
        client.post(f"/dagboek/{entry.pk}/", {**tab_a, "happened": "Versie A"}).status_code == 302
    )
    conflict = client.post(f"/dagboek/{entry.pk}/", {**tab_b, "happened": "Versie B"})
    assert conflict.status_code == 409
    html = conflict.content.decode()
    assert "Versie A" in html and "Versie B" in html
    assert _only_entry(client)["happened"] == "Versie A"
    # The person keeps both; the result goes into the form to check and save.
    key = re.search(r'name="draft_key" value="([^"]*)"', html).group(1)
    base = re.search(r'name="base_version" value="([^"]*)"', html).group(1)
    chosen = client.post(
        "/concepten/kiezen/",
        {
            "draft_key": key,
            "base_version": base,
            "mine:happened": "Versie B",
            "theirs:happened": "Versie A",
            "choice:happened": "both",
            "theirs:entry_version": "2",
            "mine:entry_version": "2",
        },
    )
    assert chosen["Location"] == f"/dagboek/{entry.pk}/"
    form = client.get(f"/dagboek/{entry.pk}/").content.decode()
    assert "Versie B\n\nVersie A" in form and 'name="entry_version" value="2"' in form
    saved = client.post(
        f"/dagboek/{entry.pk}/",
        {**_edit_state(client, entry.pk), "happened": "Versie B\n\nVersie A"},
    )
    assert saved.status_code == 302
    assert _only_entry(client)["happened"] == "Versie B\n\nVersie A"


def test_deleting_asks_first_then_removes_the_entry_and_its_draft(client) -> None:
    client.post("/dagboek/nieuw/", {"happened": "Weg ermee"})
    entry = JournalEntry.objects.get(owner=client.account)
    state = _edit_state(client, entry.pk)
    client.post(
        "/concepten/bewaren/",
        {**state, "happened": "Weg ermee, toch niet"},
        HTTP_X_REQUESTED_WITH="fetch",
    )
    confirm = client.get(f"/dagboek/{entry.pk}/verwijderen/")
    assert confirm.status_code == 200 and "Weg ermee" in confirm.content.decode()
    assert JournalEntry.objects.exists()
    client.post(f"/dagboek/{entry.pk}/verwijderen/")
    assert not JournalEntry.objects.exists() and not Draft.objects.exists()


def test_search_finds_text_and_feeling_words_and_uses_post(client) -> None:
    client.post("/dagboek/nieuw/", {"happened": "Wandeling in het bos", "words": ["opgelucht"]})
    client.post("/dagboek/nieuw/", {"happened": "Vergadering op het werk"})
    by_text = client.post("/dagboek/zoeken/", {"q": "BOS"}).content.decode()
    assert "<mark>bos</mark>" in by_text and "Vergadering" not in by_text
    by_word = client.post("/dagboek/zoeken/", {"q": "opgelucht"}).content.decode()
    assert "1 stukje gevonden" in by_word
    assert client.get("/dagboek/zoeken/?q=bos").content.decode().count("<mark>") == 0
    too_long = client.post("/dagboek/zoeken/", {"q": "x" * 201})
    assert too_long.status_code == 400 and "200" in too_long.content.decode()


def test_patterns_count_corners_words_intensity_and_what_helped(client) -> None:
    today = timezone.localdate()
    for days_ago, word, strength, helper in [
        (1, "boos", "8", "bewegen"),
        (2, "boos", "6", "bewegen"),
        (40, "blij", "5", "muziek"),
    ]:
        client.post(
            "/dagboek/nieuw/",
            {
                "date": (today - timedelta(days=days_ago)).isoformat(),
                "words": [word],
                f"intensity_{word}": strength,
                "helpers": [helper],
            },
        )
    month = client.get("/dagboek/patronen/?periode=maand").content.decode()
    assert 'class="gz-map__grid" role="img"' in month
    assert re.search(r"<th scope=\"row\">boos</th><td>2</td><td>7,0</td>", month)
    assert '<th scope="row">blij</th>' not in month
    assert re.search(r"<th scope=\"row\">bewegen of wandelen</th><td>2</td>", month)
    year = client.get("/dagboek/patronen/?periode=jaar").content.decode()
    assert re.search(r"<th scope=\"row\">blij</th><td>1</td>", year)
    assert client.get("/dagboek/patronen/?periode=eeuw").status_code == 200


def test_the_patterns_map_and_its_table_show_the_same_numbers(client) -> None:
    for fields in [
        {"mood": "-2,2"},
        {"mood": "-2,2", "words": ["boos"]},
        {"words": ["boos", "blij"]},  # their middle lies on no corner
        {"mood": "0,-4"},
        {"happened": "alleen tekst"},  # no place on the map
    ]:
        assert client.post("/dagboek/nieuw/", fields).status_code == 302
    page = client.get("/dagboek/patronen/?periode=week").content.decode()
    in_squares = [int(n) for n in re.findall(r'<span class="gz-map__count">(\d+)</span>', page)]
    table = page[page.index('class="gz-map-table"') :]
    table = table[: table.index("</table>")]
    rows = [int(n) for n in re.findall(r"</th><td>(\d+)</td></tr>", table)]
    assert sorted(in_squares) == sorted(rows) == [1, 1, 2]
    assert "4 van de 5 stukjes staan op de kaart" in page and "1 stukje heeft geen plek" in page


@pytest.mark.parametrize(
    "text",
    [
        "مرحبا، كان يومًا صعبًا",
        "Vandaag 😢 en daarna 🙂",
        "<script>alert('x')</script>",
        "tab\there\x07bell\x00null",
    ],
)
def test_odd_text_is_stored_and_shown_as_text(client, text) -> None:
    response = client.post("/dagboek/nieuw/", {"happened": text})
    assert response.status_code == 302
    stored = _only_entry(client)["happened"]
    assert "\x00" not in stored and "\x07" not in stored
    overview = client.get(response["Location"]).content.decode()
    assert "<script>alert" not in overview
    if "script" in text:
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in overview
    else:
        assert stored in overview


def test_a_megabyte_of_text_is_refused_with_the_limit_and_kept_in_the_form(client) -> None:
    text = "woorden " * 131072
    response = client.post("/dagboek/nieuw/", {"happened": text})
    assert response.status_code == 200
    html = response.content.decode()
    assert "20000" in html.replace(".", "") and text[:1000] in html
    assert not JournalEntry.objects.exists()


@pytest.mark.parametrize(
    "field",
    [
        {"pleasantness": "9"},
        {"energy": "-6"},
        {"words": ["boos"], "intensity_boos": "11"},
        {"words": ["boos"], "intensity_boos": "-1"},
        {"words": ["boos"], "intensity_boos": "heel erg"},
        {"words": ["bestaat-niet"]},
        {"quadrant": "midden"},
        {"mood": "9,9"},
        {"mood": "-2,4,1"},
        {"mood": "zomaar"},
        {"body_areas": ["staart"]},
        {"date": "3000-01-01"},
        {"date": "gisteren"},
        {"time": "25:99"},
        {"helpers": ["x"]},
    ],
)
def test_values_outside_the_scales_are_refused_without_a_crash(client, field) -> None:
    response = client.post("/dagboek/nieuw/", {"happened": "iets", **field})
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert not JournalEntry.objects.exists()


def test_a_submit_after_the_session_ended_keeps_the_text_until_login(client, settings) -> None:
    state = _page_state(client.get("/dagboek/nieuw/").content.decode())
    settings.SESSION_IDLE_SECONDS = -1
    expired = client.post("/dagboek/nieuw/", {**state, "happened": "Niet kwijtraken alsjeblieft"})
    assert expired.status_code == 401
    assert "Niet kwijtraken alsjeblieft" in expired.content.decode()
    assert not JournalEntry.objects.exists() and not Draft.objects.exists()
    settings.SESSION_IDLE_SECONDS = 1500
    client.post("/account/inloggen/", {"username": "merel", "passphrase": PASSPHRASE})
    back = client.get("/concepten/terug/")
    assert back["Location"] == "/dagboek/nieuw/"
    assert "Niet kwijtraken alsjeblieft" in client.get("/dagboek/nieuw/").content.decode()


def test_another_accounts_page_cannot_write_into_this_account(client) -> None:
    other = logged_in_client("ander")
    ref = FormRef("journal:new", str(client.account.pk), "/dagboek/nieuw/").sign()
    response = other.post("/dagboek/nieuw/", {"draft_key": ref, "happened": "verkeerd account"})
    assert response.status_code == 401
    assert not JournalEntry.objects.exists() and not Draft.objects.exists()


def test_entries_are_in_the_export_and_go_with_the_account(client) -> None:
    client.post("/dagboek/nieuw/", {"needs": "Rust"})
    client.post("/account/bevestigen/", {"passphrase": PASSPHRASE})
    export = json.loads(client.post("/account/mijn-gegevens/export/").content)
    assert export["journal"][0]["needs"] == "Rust"
    client.post("/account/verwijderen/", {"passphrase": PASSPHRASE, "sure": "on"})
    assert not JournalEntry.objects.exists()


def test_the_overview_goes_by_month(client) -> None:
    today = timezone.localdate()
    old = today.replace(day=1) - timedelta(days=40)
    # Words that appear nowhere else on the page (the crisis bar's "Nu" would always match).
    client.post("/dagboek/nieuw/", {"happened": "Stukje-van-deze-maand", "date": today.isoformat()})
    client.post("/dagboek/nieuw/", {"happened": "Stukje-van-vroeger", "date": old.isoformat()})
    now = client.get("/dagboek/").content.decode()
    assert "Stukje-van-deze-maand" in now and "Stukje-van-vroeger" not in now
    then = client.get(f"/dagboek/?maand={old:%Y-%m}").content.decode()
    assert "Stukje-van-vroeger" in then and "Stukje-van-deze-maand" not in then


def test_what_helped_can_go_into_the_summary_for_a_professional(client) -> None:
    from gezien.sharing.tests.support import preview

    for _ in range(2):
        state = _page_state(client.get("/dagboek/nieuw/").content.decode())
        client.post(
            "/dagboek/nieuw/",
            {
                **state,
                "date": timezone.localdate().isoformat(),
                "happened": "Een lange dag.",
                "helpers": ["bewegen"],
            },
        )
    assert (
        'value="journal.what-helped"' in client.get("/mijn-verhaal/samenvatting/").content.decode()
    )
    page = preview(client, ["journal.what-helped"])["page"]
    assert "2 keer aangevinkt" in page
    assert "Een lange dag" not in page  # only what helped, never the entries themselves
