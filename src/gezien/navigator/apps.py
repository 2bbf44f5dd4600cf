from django.apps import AppConfig


class NavigatorConfig(AppConfig):
    name = "gezien.navigator"
    verbose_name = "Help navigator"

    def ready(self) -> None:
        from gezien.core import lookups
        from gezien.navigator import web

        # A broken rules file, or a kind of help that links to a missing library page,
        # must stop start-up.
        web.start()
        lookups.provide("navigator", web.Answers())
        lookups.provide("care-route", web.CareRoute())
