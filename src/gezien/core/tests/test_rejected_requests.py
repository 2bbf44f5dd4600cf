"""A request Gezien refuses (too large, not UTF-8, too many fields) gets the calm error page
and one line in the server log, never a traceback: anyone can send such requests, and a
traceback per request would let them fill the log."""

from __future__ import annotations

import io
import logging

import pytest
from django.test import Client


@pytest.fixture
def server_log():
    """What the server's own log handler (settings.LOGGING "console") writes."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


TEN_MB = b"a=" + b"x" * (10 * 1024 * 1024)
REJECTED = {
    "ten megabytes": (TEN_MB, "application/x-www-form-urlencoded"),
    "not utf-8": (
        b"username=\xff\xfe\xfa&passphrase=\xc3\x28",
        "application/x-www-form-urlencoded; charset=utf-8",
    ),
    "too many fields": (
        "&".join(f"f{n}=1" for n in range(1200)).encode(),
        "application/x-www-form-urlencoded",
    ),
    "broken multipart": (
        b'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n\xff',
        "multipart/form-data",
    ),
}


@pytest.mark.parametrize("body,content_type", REJECTED.values(), ids=REJECTED.keys())
def test_a_rejected_request_logs_one_line_and_no_traceback(server_log, body, content_type) -> None:
    response = Client().generic("POST", "/account/inloggen/", body, content_type=content_type)
    assert response.status_code in (200, 400, 413)
    assert b"Traceback" not in response.content
    written = server_log.getvalue()
    assert "Traceback" not in written, written[:2000]
    assert len(written.splitlines()) <= 1, written[:2000]
