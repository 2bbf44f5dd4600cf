from django.urls import path

from gezien.safetyplan import views

app_name = "safetyplan"
urlpatterns = [
    path("", views.plan, name="plan"),
    path("aanpassen/", views.edit, name="edit"),
    path("verwijderen/", views.delete, name="delete"),
]
