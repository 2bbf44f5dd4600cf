from django.apps import AppConfig


class StoryConfig(AppConfig):
    name = "gezien.story"
    verbose_name = "My story, help question and sharing"

    def ready(self) -> None:
        from gezien.accounts import export as account_export
        from gezien.drafts import service as drafts
        from gezien.story import export, helpquestion, periods, sections, stories, summary

        # A broken data file must stop start-up, not a page view later.
        helpquestion.load()
        account_export.register("story", export.export_section)
        summary.register("help", sections.help_section, order=10)
        summary.register("story", sections.story_section, order=20)
        drafts.register(
            "story",
            fields=periods.field_label,
            hidden={"story_version"},
            texts={f"{p.key}_{q}" for p in periods.PERIODS for q in periods.QUESTION_KEYS},
            max_chars=stories.MAX_PART_CHARS,
        )
