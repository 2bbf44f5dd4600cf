from django.apps import AppConfig


class MeasureConfig(AppConfig):
    name = "gezien.measure"
    label = "measure"
    verbose_name = "Questionnaires"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gezien.core import export, lookups, summary
        from gezien.measure import catalogue, checks, keeping  # noqa: F401  (checks register themselves)
        from gezien.measure import export as measure_export
        from gezien.measure import summary as measure_summary
        from gezien.measure.models import QuestionnaireResult

        # A broken definition or guidance file, or a wrong GEZIEN_INSTRUMENTS, must stop
        # start-up, naming the file and field or the variable.
        catalogue.guidance()
        catalogue.offered()
        export.register("questionnaires", measure_export.section, covers=[QuestionnaireResult])
        summary.register("measure", measure_summary.section, order=30)
        lookups.provide("questionnaires", catalogue.Offer())
        lookups.provide("questionnaire_forms", keeping.Forms())
