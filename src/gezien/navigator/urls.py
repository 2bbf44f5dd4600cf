from django.urls import path

from gezien.navigator import views

app_name = "navigator"
urlpatterns = [
    path("", views.navigator, name="form"),
]
