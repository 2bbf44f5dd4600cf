from django.urls import path

from gezien.recognise import views

app_name = "recognise"
urlpatterns = [
    path("", views.recognise, name="form"),
    path("bewaard/<uuid:pk>/", views.kept, name="kept"),
    path("bewaard/<uuid:pk>/verwijderen/", views.delete, name="delete"),
]
