from django.urls import path

from gezien.journal import views

app_name = "journal"
urlpatterns = [
    path("", views.index, name="index"),
    path("over/", views.about, name="about"),
    path("nieuw/", views.new, name="new"),
    path("stap/lichaam/", views.step, {"number": 1}, name="step-body"),
    path("stap/gevoel/", views.step, {"number": 2}, name="step-map"),
    path("stap/woorden/", views.step, {"number": 3}, name="step-words"),
    path("stap/verder/", views.step, {"number": 4}, name="step-rest"),
    path("zoeken/", views.search, name="search"),
    path("patronen/", views.patterns, name="patterns"),
    path("<uuid:pk>/", views.edit, name="edit"),
    path("<uuid:pk>/verwijderen/", views.delete, name="delete"),
]
