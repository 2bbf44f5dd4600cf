from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "gezien.journal"
    verbose_name = "Emotion journal"

    def ready(self) -> None:
        from gezien.core import export, summary
        from gezien.journal import entries
        from gezien.journal import export as journal_export
        from gezien.journal import summary as journal_summary
        from gezien.journal.models import JournalEntry

        # Loading checks the data files: a broken file stops start-up naming file and field.
        entries.vocabulary()
        entries.helpers()
        entries.register_drafts()
        export.register("journal", journal_export.section, covers=[JournalEntry])
        summary.register("journal", journal_summary.section, order=50)
