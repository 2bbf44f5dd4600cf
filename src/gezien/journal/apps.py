from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "gezien.journal"
    verbose_name = "Emotion journal"

    def ready(self) -> None:
        from gezien.core import export, summary
        from gezien.journal import entries, summary_section
        from gezien.journal.models import JournalEntry

        # Loading checks the data files: a broken file stops start-up naming file and field.
        entries.vocabulary()
        entries.helpers()
        entries.register_drafts()
        export.register("journal", entries.export_section, covers=[JournalEntry])
        summary.register("journal", summary_section.section, order=50)
