from django.urls import path

from gezien.practise import views

app_name = "practise"
urlpatterns = [
    path("", views.index, name="index"),
    path("maken/", views.make, name="make"),
    path("volgorde/", views.order, name="order"),
    path("verloop/", views.history, name="history"),
    path("<uuid:pk>/proberen/", views.attempt, name="try"),
    path("<uuid:pk>/verplaatsen/", views.move, name="move"),
    path("<uuid:pk>/verwijderen/", views.delete, name="delete"),
]
