"""Django settings for Gezien. Everything an operator may change comes from the
environment (see config.py and the README's configuration table)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from django.utils.translation import gettext_lazy as _

from gezien import config

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = config.data_dir()

# DEBUG is on only under `gezien serve --dev`, which sets this variable for its own process.
DEBUG = os.environ.get("GEZIEN_DEV") == "1"
SECRET_KEY = config.secret_key(DATA_DIR)
ALLOWED_HOSTS = config.allowed_hosts()
BEHIND_TLS = config.env_bool("GEZIEN_BEHIND_TLS", False)
# How many reverse proxies stand in front of Gezien (for the client address in X-Forwarded-For).
PROXY_COUNT = config.env_int("GEZIEN_PROXY_COUNT", 0, 0, 5)
EXIT_URL = config.exit_url()
# The questionnaires this installation offers (ids, or "all"); empty: every questionnaire whose
# licence allows use without asking. Checked against the definitions at start-up.
GEZIEN_INSTRUMENTS = config.env_list("GEZIEN_INSTRUMENTS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.messages",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "gezien.core",
    "gezien.accounts",
    "gezien.library",
    "gezien.navigator",
    "gezien.recognise",
    "gezien.safetyplan",
    "gezien.measure",
    "gezien.drafts",
    "gezien.journal",
    "gezien.exercises",
    "gezien.story",
    "gezien.sharing",
    "gezien.checkup",
    "gezien.partner",
    "gezien.practise",
    "gezien.therapyfit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "gezien.core.compression.PublicPageCompressionMiddleware",
    "gezien.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "gezien.core.methods.HeadAndOptionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "gezien.core.middleware.DutchFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "gezien.core.middleware.CsrfMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "gezien.accounts.middleware.SessionExpiryMiddleware",
    "gezien.vault.session.VaultCookieMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# security.W003 looks for Django's own CSRF middleware by name; Gezien uses a subclass of it
# (gezien.core.middleware.CsrfMiddleware), so the protection is on.
SILENCED_SYSTEM_CHECKS = ["security.W003"]

ROOT_URLCONF = "gezien.urls"
WSGI_APPLICATION = "gezien.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gezien.core.context_processors.shell",
            ],
        },
    },
]

DATABASES = {"default": config.database(DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.Account"
PASSWORD_HASHERS = ["gezien.accounts.hashers.GezienArgon2Hasher"]
LOGIN_URL = "/account/inloggen/"

# Sessions live in the database, so any worker on any machine can serve any request.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_IDLE_SECONDS = 60 * config.env_int("GEZIEN_SESSION_IDLE_MINUTES", 25, 5, 120)
SESSION_MAX_SECONDS = 3600 * config.env_int("GEZIEN_SESSION_MAX_HOURS", 12, 1, 24)
SESSION_COOKIE_AGE = SESSION_MAX_SECONDS
# The session cookie is forgotten when the browser closes; nothing lingers on the device.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Exporting, deleting and sharing ask for the passphrase again after this long.
REAUTH_SECONDS = 5 * 60
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# Gone when the browser closes (Django's default keeps it a year, a trace on a shared device).
CSRF_COOKIE_AGE = None
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "gezien.core.views.csrf_failure"
LANGUAGE_COOKIE_SAMESITE: Literal["Lax"] = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
if BEHIND_TLS:
    # __Host- cookies are refused by browsers without Secure, so only behind TLS.
    SESSION_COOKIE_NAME = "__Host-session"
    LANGUAGE_COOKIE_NAME = "__Host-language"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # Files made from data files: the operator's theme, the breathing animation.
    "gezien.core.generated.GeneratedFinder",
]

# The log never holds personal content: requests are logged by path only, and paths
# carry no personal data (see SECURITY.md). The PDF libraries report at INFO what they
# draw (fontTools lists the glyph names of a person's text when it subsets a font), so they
# are held at WARNING here, whatever else sets their level.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {"one_line_for_rejected": {"()": "gezien.core.logfilters.OneLineForRejected"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["one_line_for_rejected"],
        }
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.request": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
    },
}
