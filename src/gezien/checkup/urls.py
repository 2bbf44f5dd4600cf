from django.urls import path

from gezien.checkup import views

app_name = "checkup"
urlpatterns = [
    path("", views.home, name="home"),
    path("instellen/", views.setup, name="setup"),
    path("beginnen/", views.start, name="start"),
    path("herinnering/", views.calendar, name="calendar"),
    path("<uuid:pk>/", views.step, name="step"),
    path("<uuid:pk>/uitslag/", views.result, name="result"),
    path("<uuid:pk>/verwijderen/", views.delete, name="delete"),
]
