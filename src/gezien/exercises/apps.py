from django.apps import AppConfig


class ExercisesConfig(AppConfig):
    name = "gezien.exercises"
    verbose_name = "Exercises for overwhelming moments"

    def ready(self) -> None:
        from gezien.core import export, summary
        from gezien.exercises import catalogue
        from gezien.exercises import export as exercises_export
        from gezien.exercises import summary as exercises_summary
        from gezien.exercises.models import ExerciseRating

        # Loading checks the data file: a broken file stops start-up naming file and field.
        catalogue.loaded()
        export.register("exercise_ratings", exercises_export.section, covers=[ExerciseRating])
        summary.register("exercises", exercises_summary.section, order=40)
