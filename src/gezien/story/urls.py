from django.urls import path

from gezien.story import professional, views
from gezien.story.periods import PERIODS

app_name = "story"
urlpatterns = [
    path("mijn-verhaal/", views.home, name="home"),
    *[
        path(f"mijn-verhaal/{period.slug}/", views.period, {"key": period.key}, name=f"period-{period.key}")
        for period in PERIODS
    ],
    path("mijn-verhaal/hulpvraag/", views.help_question, name="help-question"),
    path("mijn-verhaal/hulpvraag/tekst/", views.help_question_text, name="help-question-text"),
    path("mijn-verhaal/hulpvraag/uit-hulpwijzer/", views.help_question_from_navigator, name="help-question-from-navigator"),
    path("mijn-verhaal/samenvatting/", views.summary_choose, name="summary"),
    path("mijn-verhaal/samenvatting/bekijken/", views.summary_preview, name="summary-preview"),
    path("mijn-verhaal/samenvatting/pdf/", views.summary_pdf, name="summary-pdf"),
    path("mijn-verhaal/delen/", views.shares, name="shares"),
    path("mijn-verhaal/delen/nieuw/", views.share_create, name="share-create"),
    path("mijn-verhaal/delen/<uuid:pk>/stoppen/", views.share_revoke, name="share-revoke"),
    # The professional's side: no account, the link's id and key in the query string.
    path("gedeeld/", professional.shared, name="shared"),
    path("gedeeld/pdf/", professional.shared_pdf, name="shared-pdf"),
    path("gedeeld/fhir/", professional.shared_fhir, name="shared-fhir"),
]
