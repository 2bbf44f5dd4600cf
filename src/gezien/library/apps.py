from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "gezien.library"
    verbose_name = "Library"

    def ready(self) -> None:
        from gezien.core import lookups
        from gezien.library import pages

        # A broken page, link, source or image must stop start-up, not a page view later.
        pages.start()
        lookups.provide("library", pages.References())
