"""Gezien's production server: gunicorn, started from Python so `gezien serve` is one command."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):
    def __init__(self, options: dict) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from django.urls import get_resolver

        from gezien.wsgi import application

        # Import every view now, in each worker as it starts, rather than on the first
        # request it serves (the PDF library alone takes most of a second to import).
        get_resolver().url_patterns
        return application


def run(host: str, port: int, workers: int) -> None:
    _Server(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            # Threads let one worker wait on the database for one request while serving others.
            "worker_class": "gthread",
            "threads": 8,
            "timeout": 60,
            "graceful_timeout": 10,
            # No access log: it would hold IP addresses (personal data).
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "proc_name": "gezien",
        }
    ).run()
