import pytest
from django.test import Client

from gezien.core.middleware import CONTENT_SECURITY_POLICY


@pytest.mark.parametrize(
    "path", ["/", "/hulplijnen/", "/nergens/", "/weg/", "/healthz", "/taal/en/"]
)
def test_every_response_carries_the_security_headers(client: Client, path: str) -> None:
    response = client.get(path)
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cache-Control"] == "no-store"


def test_the_policy_allows_nothing_inline_and_nothing_from_elsewhere() -> None:
    policy = dict(part.split(" ", 1) for part in CONTENT_SECURITY_POLICY.split("; "))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


def test_html_pages_set_cross_origin_opener_policy(client: Client) -> None:
    assert client.get("/")["Cross-Origin-Opener-Policy"] == "same-origin"


def test_templates_have_no_inline_script_or_style_and_load_nothing_from_elsewhere() -> None:
    import re
    from pathlib import Path

    import gezien

    root = Path(gezien.__file__).parent
    for template in root.rglob("templates/**/*.html"):
        text = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template
        assert "style=" not in text and "<style" not in text, template
        assert not re.search(
            r'<(script|link|img|iframe|source)[^>]+(src|href)="(https?:)?//', text
        ), template


def test_the_quick_exit_ends_the_session_and_clears_the_site(client: Client) -> None:
    session = client.session
    session["marker"] = "x"
    session.save()
    key = session.session_key
    response = client.get("/weg/")
    assert response.status_code == 303
    assert response["Location"] == "https://www.buienradar.nl/"
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=key).exists()


def test_cookies_are_httponly_and_samesite(client: Client) -> None:
    response = client.get("/taal/en/?next=/")
    cookie = response.cookies["django_language"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_healthz_says_ok_and_nothing_else(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_healthz_reports_503_when_the_database_is_down(client: Client, monkeypatch) -> None:
    from django.db.utils import OperationalError

    from gezien.core import views

    class Unreachable:
        def cursor(self):
            raise OperationalError("database is gone")

    monkeypatch.setattr(views, "connection", Unreachable())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert b"gone" not in response.content


def _post_with_token(**headers):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.get("/")
    from django.middleware.csrf import get_token
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    token = get_token(request)
    client.cookies["csrftoken"] = request.META["CSRF_COOKIE"]
    return client.post(
        "/account/inloggen/",
        {"csrfmiddlewaretoken": token, "username": "x", "passphrase": "y"},
        **headers,
    )


def test_own_forms_work_under_no_referrer_where_browsers_send_origin_null() -> None:
    response = _post_with_token(HTTP_ORIGIN="null", HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 200


@pytest.mark.parametrize("site", ["cross-site", "same-site", None])
def test_a_null_origin_from_elsewhere_is_refused(site) -> None:
    headers = {"HTTP_ORIGIN": "null"}
    if site:
        headers["HTTP_SEC_FETCH_SITE"] = site
    assert _post_with_token(**headers).status_code == 403


def test_a_foreign_origin_is_refused_even_with_a_token() -> None:
    assert (
        _post_with_token(
            HTTP_ORIGIN="https://evil.example", HTTP_SEC_FETCH_SITE="cross-site"
        ).status_code
        == 403
    )


def test_livez_answers_without_touching_the_database(client, django_assert_num_queries) -> None:
    with django_assert_num_queries(0):
        response = client.get("/livez")
    assert response.status_code == 200 and response.content == b"ok\n"
