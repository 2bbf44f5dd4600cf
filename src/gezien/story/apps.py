from django.apps import AppConfig


class StoryConfig(AppConfig):
    name = "gezien.story"
    verbose_name = "My story and help question"

    def ready(self) -> None:
        from gezien.core import export as account_export
        from gezien.core import summary
        from gezien.drafts import service as drafts
        from gezien.story import export, helpquestion, periods, sections, stories
        from gezien.story.models import HelpQuestion, StoryPeriod

        # A broken data file must stop start-up, not a page view later.
        helpquestion.load()
        account_export.register("story", export.export_section, covers=[StoryPeriod, HelpQuestion])
        summary.register("help", sections.help_section, order=10)
        summary.register("story", sections.story_section, order=20)
        drafts.register(
            "story",
            fields=periods.field_label,
            hidden={"story_version"},
            texts={f"{p.key}_{q}" for p in periods.PERIODS for q in periods.QUESTION_KEYS},
            max_chars=stories.MAX_PART_CHARS,
        )
