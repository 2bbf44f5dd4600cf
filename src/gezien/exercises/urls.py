from django.urls import path

from gezien.exercises import views

app_name = "exercises"
urlpatterns = [
    path("", views.index, name="index"),
    path("ademhaling/", views.exercise, {"exercise_id": "breathing"}, name="breathing"),
    path("5-4-3-2-1/", views.exercise, {"exercise_id": "grounding"}, name="grounding"),
    path("spieren-ontspannen/", views.exercise, {"exercise_id": "muscles"}, name="muscles"),
    path("veilige-plek/", views.exercise, {"exercise_id": "safe-place"}, name="safe-place"),
    path("wat-helpt-mij/", views.what_helps, name="what-helps"),
]
