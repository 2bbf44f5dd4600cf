from django.urls import path

from gezien.story import views
from gezien.story.periods import PERIODS

app_name = "story"
urlpatterns = [
    path("mijn-verhaal/", views.home, name="home"),
    *[
        path(
            f"mijn-verhaal/{period.slug}/",
            views.period,
            {"key": period.key},
            name=f"period-{period.key}",
        )
        for period in PERIODS
    ],
    path("mijn-verhaal/hulpvraag/", views.help_question, name="help-question"),
    path("mijn-verhaal/hulpvraag/tekst/", views.help_question_text, name="help-question-text"),
    path(
        "mijn-verhaal/hulpvraag/uit-hulpwijzer/",
        views.help_question_from_navigator,
        name="help-question-from-navigator",
    ),
]
