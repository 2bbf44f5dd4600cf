from django.apps import AppConfig


class SafetyPlanConfig(AppConfig):
    name = "gezien.safetyplan"
    verbose_name = "Safety plan"

    def ready(self) -> None:
        from gezien.core import export
        from gezien.safetyplan import export as safetyplan_export
        from gezien.safetyplan.models import SafetyPlan

        export.register("safety_plan", safetyplan_export.section, covers=[SafetyPlan])
