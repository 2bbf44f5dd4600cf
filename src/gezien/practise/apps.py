from django.apps import AppConfig


class PractiseConfig(AppConfig):
    name = "gezien.practise"
    verbose_name = "Practice ladder"

    def ready(self) -> None:
        from gezien.core import export, summary
        from gezien.practise import export as practise_export
        from gezien.practise import ladder
        from gezien.practise import summary as practise_summary
        from gezien.practise.models import LadderStep

        # A broken data file must stop start-up, naming the file and the field.
        ladder.load()
        export.register("practice_ladder", practise_export.section, covers=[LadderStep])
        summary.register("practise", practise_summary.section, order=45)
