from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "gezien.core"
    verbose_name = "Gezien core"

    def ready(self) -> None:
        from gezien.core import checks, generated, helplines, theme  # noqa: F401  (checks register)

        # A broken data file must stop start-up, not a page view later.
        helplines.load()
        theme.load()
        generated.register(theme.static_files)
