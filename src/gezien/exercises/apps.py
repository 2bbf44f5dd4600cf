from django.apps import AppConfig

STYLESHEET = "gezien/exercises/breathing.css"


class ExercisesConfig(AppConfig):
    name = "gezien.exercises"
    verbose_name = "Exercises for overwhelming moments"

    def ready(self) -> None:
        from gezien.core import export, generated, summary
        from gezien.exercises import catalogue, views
        from gezien.exercises.models import ExerciseRating

        # Loading checks the data file: a broken file stops start-up naming file and field.
        views.catalogue()
        generated.register(
            lambda: {STYLESHEET: catalogue.breathing_stylesheet(views.catalogue()).encode()}
        )
        export.register("exercise_ratings", views.export_section, covers=[ExerciseRating])
        summary.register("exercises", views.summary_section, order=40)
