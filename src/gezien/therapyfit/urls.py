from django.urls import path

from gezien.therapyfit import views

app_name = "therapyfit"
urlpatterns = [
    path("", views.index, name="index"),
    path("na-een-sessie/", views.new, name="new"),
    path("<uuid:pk>/verwijderen/", views.delete, name="delete"),
]
