from django.apps import AppConfig


class MeasureConfig(AppConfig):
    name = "gezien.measure"
    label = "measure"
    verbose_name = "Questionnaires"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gezien.core import export, lookups, summary
        from gezien.measure import catalogue, checks, storage, summary_section  # noqa: F401
        from gezien.measure.models import QuestionnaireResult

        # A broken definition or guidance file, or a wrong GEZIEN_INSTRUMENTS, must stop
        # start-up, naming the file and field or the variable.
        catalogue.guidance()
        catalogue.offered()
        export.register("questionnaires", storage.export_section, covers=[QuestionnaireResult])
        summary.register("measure", summary_section.section, order=30)
        lookups.provide("questionnaires", catalogue.Offer())
