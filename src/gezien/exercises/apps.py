from django.apps import AppConfig


class ExercisesConfig(AppConfig):
    name = "gezien.exercises"
    verbose_name = "Exercises for overwhelming moments"

    def ready(self) -> None:
        from gezien.core import export, summary
        from gezien.exercises import views
        from gezien.exercises.models import ExerciseRating

        # Loading checks the data file: a broken file stops start-up naming file and field.
        views.catalogue()
        export.register("exercise_ratings", views.export_section, covers=[ExerciseRating])
        summary.register("exercises", views.summary_section, order=40)
