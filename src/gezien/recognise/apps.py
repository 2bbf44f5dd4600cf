from django.apps import AppConfig


class RecogniseConfig(AppConfig):
    name = "gezien.recognise"
    label = "recognise"
    verbose_name = "Recognise (Herkennen)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gezien.core import export
        from gezien.recognise import export as recognise_export
        from gezien.recognise import web
        from gezien.recognise.models import Reflection

        # A broken statements file, or a group that names a missing library page, must stop
        # start-up with the file and the field named.
        web.start()
        export.register("reflections", recognise_export.section, covers=[Reflection])
