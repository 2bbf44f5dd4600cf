from django.apps import AppConfig


class MeasureConfig(AppConfig):
    name = "gezien.measure"
    label = "measure"
    verbose_name = "Questionnaires"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gezien.core import export, summary
        from gezien.measure import catalogue, storage, summary_section
        from gezien.measure.models import QuestionnaireResult

        # A broken definition or guidance file must stop start-up, naming file and field.
        catalogue.guidance()
        export.register("questionnaires", storage.export_section, covers=[QuestionnaireResult])
        summary.register("measure", summary_section.section, order=30)
