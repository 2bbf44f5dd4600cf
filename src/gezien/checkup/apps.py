from django.apps import AppConfig


class CheckupConfig(AppConfig):
    name = "gezien.checkup"
    verbose_name = "Emotional check-up"

    def ready(self) -> None:
        from gezien.checkup import due, plan
        from gezien.checkup import export as checkup_export
        from gezien.checkup import summary as checkup_summary
        from gezien.checkup.models import Checkup, CheckupPlan
        from gezien.core import export, lookups, summary

        # A broken data file must stop start-up, not a page view later.
        plan.rules()
        export.register("checkup", checkup_export.section, covers=[CheckupPlan, Checkup])
        summary.register("checkup", checkup_summary.section, order=35)
        lookups.provide("checkups", due.Due())
