import pytest
from django.test import Client

PAGES = ["/", "/hulplijnen/", "/over/", "/privacy/", "/snel-weg/", "/herkennen/"]


@pytest.mark.parametrize("path", PAGES)
def test_it_serves_every_page_in_dutch_by_default(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert html.count("<h1") == 1
    assert "Snel weg" in html


@pytest.mark.parametrize("path", PAGES)
def test_it_serves_every_page_in_english_after_switching(client: Client, path: str) -> None:
    switched = client.get(f"/taal/en/?next={path}")
    assert switched.status_code == 302
    assert switched["Location"] == path
    html = client.get(path).content.decode()
    assert '<html lang="en">' in html
    assert "Leave now" in html
    assert 'href="/taal/nl/' in html


def test_it_shows_the_crisis_bar_with_113_and_112_on_every_page(client: Client) -> None:
    for path in [*PAGES, "/does-not-exist/"]:
        html = client.get(path).content.decode()
        assert 'href="tel:113"' in html, path
        assert 'href="tel:112"' in html, path
        assert 'href="https://www.113.nl/"' in html, path
        assert 'href="/hulplijnen/"' in html, path


def test_it_puts_the_quick_exit_before_everything_else_a_keyboard_reaches(client: Client) -> None:
    html = client.get("/").content.decode()
    body = html.split("<body>", 1)[1]
    first_link = body.split("<a ", 1)[1]
    assert first_link.startswith('class="quick-exit" href="/weg/"')


def test_it_refuses_to_switch_to_an_unknown_language_or_a_foreign_next(client: Client) -> None:
    response = client.get("/taal/xx/?next=/over/")
    assert "django_language" not in response.cookies
    response = client.get("/taal/en/?next=https://evil.example/")
    assert response["Location"] == "/"


def test_the_help_lines_page_lists_only_lines_with_numbers_and_the_check_date(
    client: Client,
) -> None:
    html = client.get("/hulplijnen/").content.decode()
    for number in (
        "113",
        "0800-0113",
        "112",
        "0800-2000",
        "0900-1450",
        "088-0767 000",
        "0800-0188",
    ):
        assert number in html
    assert "gecontroleerd op 10 september 2026" in html


def test_the_not_found_page_is_calm_and_in_the_shell(client: Client) -> None:
    response = client.get("/nergens/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html
    assert "Snel weg" in html


def test_the_server_error_page_uses_the_shell_and_hides_the_error(rf, settings) -> None:
    from gezien.core.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging bij ons iets mis" in html
    assert 'href="tel:113"' in html
    assert "Traceback" not in html


def test_a_post_without_csrf_token_gets_a_clear_message_and_changes_nothing() -> None:
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/taal/en/", {"next": "/"})
    assert response.status_code == 403
    assert "Het formulier is verlopen" in response.content.decode()
    assert "django_language" not in response.cookies


def test_a_forged_post_is_refused_with_the_expired_form_page(settings) -> None:
    from django.http import HttpResponse
    from django.middleware.csrf import CsrfViewMiddleware
    from django.test import RequestFactory

    request = RequestFactory().post("/", {"a": "b"})
    request._dont_enforce_csrf_checks = False
    middleware = CsrfViewMiddleware(lambda r: HttpResponse("changed"))
    response = middleware.process_view(request, lambda r: HttpResponse("changed"), (), {})
    assert response.status_code == 403
    assert "Het formulier is verlopen" in response.content.decode()


def test_dutch_is_the_default_even_when_the_browser_asks_for_english(client: Client) -> None:
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="nl">' in html


def test_the_first_path_on_the_home_page_is_for_someone_who_doubts(client: Client) -> None:
    client.get("/taal/nl/")
    main = client.get("/").content.decode().split("<main")[1]
    paths = main[main.index('<ul class="paths">') :]
    first = paths[paths.index("<li>") : paths.index("</li>")]
    assert 'href="/herkennen/"' in first
    assert "Twijfel je of je verhaal telt?" in first
