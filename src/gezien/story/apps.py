from django.apps import AppConfig


class StoryConfig(AppConfig):
    name = "gezien.story"
    verbose_name = "My story and help question"

    def ready(self) -> None:
        from gezien.core import export, summary
        from gezien.drafts import service as drafts
        from gezien.story import export as story_export
        from gezien.story import helpquestion, periods, store
        from gezien.story import summary as story_summary
        from gezien.story.models import HelpQuestion, StoryPeriod

        # A broken data file must stop start-up, not a page view later.
        helpquestion.load()
        export.register("story", story_export.section, covers=[StoryPeriod, HelpQuestion])
        summary.register("help", story_summary.help_section, order=10)
        summary.register("story", story_summary.story_section, order=20)
        drafts.register(
            "story",
            fields=periods.field_label,
            hidden={"story_version"},
            texts={f"{p.key}_{q}" for p in periods.PERIODS for q in periods.QUESTION_KEYS},
            max_chars=store.MAX_PART_CHARS,
        )
