from django.apps import AppConfig


class TherapyFitConfig(AppConfig):
    name = "gezien.therapyfit"
    verbose_name = "Does this therapy fit me? (klik-check)"

    def ready(self) -> None:
        from gezien.core import export, summary
        from gezien.therapyfit import export as therapyfit_export
        from gezien.therapyfit import reflection, web
        from gezien.therapyfit import summary as therapyfit_summary
        from gezien.therapyfit.models import SessionReflection

        # A broken data file, or a route step the navigator does not have, must stop
        # start-up, naming the file and the field.
        reflection.load()
        web.start()
        export.register("therapy_fit", therapyfit_export.section, covers=[SessionReflection])
        summary.register("therapyfit", therapyfit_summary.section, order=15)
