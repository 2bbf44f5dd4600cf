"""Gezien's production server: gunicorn, started from Python so `gezien serve` is one command."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gunicorn.app.base import BaseApplication
from gunicorn.workers.gthread import ThreadWorker

if TYPE_CHECKING:
    from django.core.handlers.wsgi import WSGIHandler

# Threads let one worker wait on the database for one request while serving others.
THREADS = 8


class Worker(ThreadWorker):
    """Ctrl-C stops each worker as SIGTERM would: it finishes the requests under way and
    leaves. Gunicorn's own quick stop raises SystemExit from the signal handler, and a
    second signal during that exit printed a traceback in the terminal (about 1 in 8 stops)."""

    def handle_quit(self, sig: int, frame: Any) -> None:
        self.handle_exit(sig, frame)


class _Server(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> WSGIHandler:
        from gezien.wsgi import application

        _warm_up()
        return application


def _warm_up() -> None:
    """Import every view and compile every one of Gezien's templates in each worker as it
    starts, so that the first person to open a page after a restart does not wait for it
    (the PDF library alone takes most of a second to import). Then set all of that aside
    for the garbage collector."""
    import gc
    from pathlib import Path

    from django.template.loader import get_template
    from django.template.utils import get_app_template_dirs
    from django.urls import get_resolver

    # Reading the resolver's patterns imports the URL configuration, and with it every view.
    _ = get_resolver().url_patterns
    for folder in get_app_template_dirs("templates"):
        if "gezien" in Path(folder).parts:
            for template in Path(folder).rglob("*.html"):
                get_template(template.relative_to(folder).as_posix())
    # What is loaded now lives as long as the worker. Left in the collector's care, its
    # 136,000 objects were walked on every full collection: 70-130 ms in the middle of
    # some request, about once per hundred. Frozen, a full collection takes about 10 ms.
    gc.collect()
    gc.freeze()


def run(host: str, port: int, workers: int) -> None:
    _Server(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "gezien.server.Worker",
            "threads": THREADS,
            "timeout": 60,
            "graceful_timeout": 10,
            # No access log: it would hold IP addresses (personal data).
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "proc_name": "gezien",
        }
    ).run()
