from django.urls import include, path

from gezien.core import views as core

urlpatterns = [
    path("", core.home, name="home"),
    path("hulplijnen/", core.help_lines, name="help-lines"),
    path("over/", core.about, name="about"),
    path("privacy/", core.privacy, name="privacy"),
    path("snel-weg/", core.quick_exit_info, name="quick-exit-info"),
    path("weg/", core.quick_exit, name="quick-exit"),
    path("taal/<str:code>/", core.switch_language, name="switch-language"),
    path("healthz", core.healthz, name="healthz"),
    path("livez", core.livez, name="livez"),
    path("robots.txt", core.robots, name="robots"),
    path("account/", include("gezien.accounts.urls")),
    path("bibliotheek/", include("gezien.library.urls")),
    path("hulpwijzer/", include("gezien.navigator.urls")),
    path("herkennen/", include("gezien.recognise.urls")),
    path("veiligheidsplan/", include("gezien.safetyplan.urls")),
    path("vragenlijsten/", include("gezien.measure.urls")),
    path("concepten/", include("gezien.drafts.urls")),
    path("dagboek/", include("gezien.journal.urls")),
    path("oefeningen/", include("gezien.exercises.urls")),
    path("", include("gezien.story.urls")),
    path("", include("gezien.sharing.urls")),
    path("apk/", include("gezien.checkup.urls")),
    path("", include("gezien.partner.urls")),
    path("oefenladder/", include("gezien.practise.urls")),
    path("klikcheck/", include("gezien.therapyfit.urls")),
]

handler400 = core.bad_request
handler403 = core.permission_denied
handler404 = core.page_not_found
handler500 = core.server_error
