from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "gezien.sharing"
    verbose_name = "Sharing a summary with a professional"

    def ready(self) -> None:
        from gezien.core import export
        from gezien.sharing import export as sharing_export
        from gezien.sharing.models import Share

        # The shares have always been part of the story's section of the export.
        export.register("story.shares", sharing_export.section, covers=[Share])
