"""The real URLs plus an exercises page, to test links to pages other apps build."""

from django.http import HttpResponse
from django.urls import path

from gezien.urls import handler400, handler403, handler404, handler500  # noqa: F401
from gezien.urls import urlpatterns as real

urlpatterns = [*real, path("oefeningen/", lambda request: HttpResponse("oefeningen"))]
