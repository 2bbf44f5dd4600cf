"""Settings for the test suite: Gezien's own settings, with a data folder of the test run's
own so tests never touch a real installation. GEZIEN_DATABASE_URL is passed through, which
is how CI runs the same suite on PostgreSQL."""

import os
import tempfile

os.environ.setdefault("GEZIEN_TEST_DATA_DIR", tempfile.mkdtemp(prefix="gezien-test-"))
os.environ["GEZIEN_DATA_DIR"] = os.environ["GEZIEN_TEST_DATA_DIR"]
os.environ.pop("GEZIEN_DEV", None)
# The suite checks the pages of every questionnaire, also those an operator must switch on
# (tests that need the default set it with override_settings).
os.environ["GEZIEN_INSTRUMENTS"] = "all"

from gezien.settings import *  # noqa: E402,F403

# In-process tests have no collected static files (the browser suite serves the real
# hashed and compressed ones through `gezien serve`), so plain file names are used here.
STORAGES = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
STATIC_ROOT.mkdir(exist_ok=True)  # noqa: F405  (WhiteNoise warns when it is missing)

# The canary test reads the raw database file, so the SQLite test database is a real file.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}  # noqa: F405

# Argon2id at the production cost (64 MiB, 3 passes) makes every sign-up and login in the
# in-process tests take a second; these tests check behaviour, not cost, so they use a
# light setting. The production parameters are asserted in accounts/tests/test_accounts.py,
# and the browser suite runs `gezien serve` with them.
PASSWORD_HASHERS = ["tests.hashers.LightArgon2Hasher"]
GEZIEN_TEST_KDF = {"time_cost": 1, "memory_kib": 8192}
