from django.apps import AppConfig


class DraftsConfig(AppConfig):
    name = "gezien.drafts"
    verbose_name = "Drafts: never lose words"

    def ready(self) -> None:
        from gezien.accounts import export
        from gezien.drafts import service

        export.register("drafts", service.export_section)
