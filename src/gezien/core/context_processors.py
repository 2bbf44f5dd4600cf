from typing import Any

from django.conf import settings
from django.http import HttpRequest

from gezien.core import helplines


def shell(request: HttpRequest) -> dict[str, Any]:
    """What the page shell needs on every page: the crisis lines and the path to return to
    after switching language."""
    return {
        "crisis_lines": helplines.crisis_lines(),
        "session_idle_seconds": settings.SESSION_IDLE_SECONDS,
        "current_path": request.path if request is not None else "/",
    }
