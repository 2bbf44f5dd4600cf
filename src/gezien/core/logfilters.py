"""Filters for Gezien's log handler (settings.LOGGING)."""

from __future__ import annotations

import logging


class OneLineForRejected(logging.Filter):
    """A request Django refuses with a 4xx (too large, too many fields, a broken body) is
    logged with its reason on one line, without the traceback Django attaches: anyone can
    send such requests, and a traceback for each would fill the log. Server errors (5xx)
    keep their traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if 400 <= getattr(record, "status_code", 0) < 500:
            record.exc_info = None
            record.exc_text = None
        return True
