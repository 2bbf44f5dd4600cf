from django.urls import path

from gezien.partner import views

app_name = "partner"
urlpatterns = [
    path("voor-mijn-partner/", views.write, name="write"),
    path("samen-praten/", views.conversation, name="checkin"),
    path("samen-praten/notities/", views.notes, name="notes"),
    path("samen-praten/notities/<uuid:pk>/verwijderen/", views.note_delete, name="note-delete"),
]
