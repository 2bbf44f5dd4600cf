from django.apps import AppConfig


class SafetyPlanConfig(AppConfig):
    name = "gezien.safetyplan"
    verbose_name = "Safety plan"

    def ready(self) -> None:
        from gezien.core import export
        from gezien.safetyplan import models

        export.register("safety_plan", models.export_section, covers=[models.SafetyPlan])
