from django.urls import path

from gezien.core.summary import PARTNER
from gezien.sharing import professional, views

# The paths are the ones links were made with while sharing was part of the story app: a
# link a person already gave out keeps working.
app_name = "sharing"
urlpatterns = [
    path("mijn-verhaal/samenvatting/", views.summary_choose, name="summary"),
    path("mijn-verhaal/samenvatting/bekijken/", views.summary_preview, name="summary-preview"),
    path("mijn-verhaal/samenvatting/pdf/", views.summary_pdf, name="summary-pdf"),
    # The same pages for the partner's view (audience "partner").
    path("voor-mijn-partner/delen/", views.summary_choose, {"audience": PARTNER}, name="partner"),
    path(
        "voor-mijn-partner/delen/bekijken/",
        views.summary_preview,
        {"audience": PARTNER},
        name="partner-preview",
    ),
    path("mijn-verhaal/delen/", views.shares, name="shares"),
    path("mijn-verhaal/delen/nieuw/", views.share_create, name="share-create"),
    path("mijn-verhaal/delen/<uuid:pk>/stoppen/", views.share_revoke, name="share-revoke"),
    # The professional's side: no account, the link's id and key in the query string.
    path("gedeeld/", professional.shared, name="shared"),
    path("gedeeld/pdf/", professional.shared_pdf, name="shared-pdf"),
    path("gedeeld/fhir/", professional.shared_fhir, name="shared-fhir"),
]
