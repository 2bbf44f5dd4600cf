from django.urls import path

from gezien.library import views

app_name = "library"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:page_id>/", views.page, name="page"),
]
