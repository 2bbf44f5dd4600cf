from django.apps import AppConfig


class DraftsConfig(AppConfig):
    name = "gezien.drafts"
    verbose_name = "Drafts: never lose words"

    def ready(self) -> None:
        from gezien.core import export
        from gezien.drafts import service
        from gezien.drafts.models import Draft

        export.register("drafts", service.export_section, covers=[Draft])
