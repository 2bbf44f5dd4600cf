from django.urls import path

from gezien.drafts import views

app_name = "drafts"
urlpatterns = [
    path("bewaren/", views.save, name="save"),
    path("kiezen/", views.resolve, name="resolve"),
    path("weggooien/", views.discard, name="discard"),
    path("status/", views.status, name="status"),
    path("terug/", views.restore, name="restore"),
]
