from django.urls import path

from gezien.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.home, name="home"),
    path("aanmelden/", views.signup, name="signup"),
    path("herstelcode/", views.recovery_code, name="recovery-code"),
    path("herstelcode/bestand/", views.recovery_download, name="recovery-download"),
    path("inloggen/", views.login, name="login"),
    path("inloggen/code/", views.second_step, name="second-step"),
    path("uitloggen/", views.logout, name="logout"),
    path("wachtwoord/", views.change_passphrase, name="change-passphrase"),
    path("vergeten/", views.reset, name="reset"),
    path("sessies/", views.session_list, name="sessions"),
    path("sessies/<uuid:pk>/beeindigen/", views.end_session, name="end-session"),
    path("sessies/andere-beeindigen/", views.end_other_sessions, name="end-other-sessions"),
    path("bevestigen/", views.confirm_passphrase, name="confirm-passphrase"),
    path("mijn-gegevens/", views.my_data, name="my-data"),
    path("mijn-gegevens/export/", views.export_data, name="export"),
    path("verwijderen/", views.delete_account, name="delete"),
    path("tweede-stap/", views.second_step_settings, name="second-step-settings"),
    path("tweede-stap/toevoegen/", views.second_step_add, name="second-step-add"),
    path("tweede-stap/verwijderen/", views.second_step_remove, name="second-step-remove"),
    path("verlengen/", views.extend, name="extend"),
    path("sleutel-vervangen/", views.replace_key, name="replace-key"),
]
