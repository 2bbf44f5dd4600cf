from django.urls import path

from gezien.measure import views

app_name = "measure"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("over/", views.about, name="about"),
    path("uitslagen/", views.results, name="results"),
    path("uitslagen/<uuid:pk>/", views.result, name="result"),
    path("uitslagen/<uuid:pk>/verwijderen/", views.delete, name="delete"),
    path("<slug:instrument_id>/", views.take, name="take"),
    path("<slug:instrument_id>/verloop/", views.history, name="history"),
]
