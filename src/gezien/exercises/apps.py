from django.apps import AppConfig


class ExercisesConfig(AppConfig):
    name = "gezien.exercises"
    verbose_name = "Exercises for overwhelming moments"

    def ready(self) -> None:
        from gezien.accounts import export
        from gezien.exercises import views

        # Loading checks the data file: a broken file stops start-up naming file and field.
        views.catalogue()
        export.register("exercise_ratings", views.export_section)

        from gezien.story import summary

        summary.register("exercises", views.summary_section, order=40)
