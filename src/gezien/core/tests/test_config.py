import os
import stat
import subprocess
import sys

import pytest

from gezien import config


@pytest.fixture
def env(monkeypatch, tmp_path):
    for name in list(os.environ):
        if name.startswith("GEZIEN_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("GEZIEN_DATA_DIR", str(tmp_path / "data"))
    return monkeypatch


def test_it_creates_the_data_folder_and_a_private_secret_key(env, tmp_path) -> None:
    folder = config.data_dir()
    key = config.secret_key(folder)
    assert len(key) >= 50
    path = folder / "secret_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert config.secret_key(folder) == key


def test_a_given_secret_key_wins_but_must_be_long(env, tmp_path) -> None:
    env.setenv("GEZIEN_SECRET_KEY", "x" * 60)
    assert config.secret_key(tmp_path) == "x" * 60
    assert not (tmp_path / "secret_key").exists()
    env.setenv("GEZIEN_SECRET_KEY", "short")
    with pytest.raises(config.ConfigError, match="^GEZIEN_SECRET_KEY: "):
        config.secret_key(tmp_path)


@pytest.mark.parametrize(
    "name,value",
    [
        ("GEZIEN_BEHIND_TLS", "maybe"),
        ("GEZIEN_DATABASE_URL", "mysql://x/y"),
        ("GEZIEN_DATABASE_URL", "sqlite://"),
        ("GEZIEN_DATABASE_URL", "postgres://user@host"),
        ("GEZIEN_ALLOWED_HOSTS", "https://example.org"),
        ("GEZIEN_ALLOWED_HOSTS", "example.org:8000"),
        ("GEZIEN_EXIT_URL", "http://plain.example/"),
    ],
)
def test_a_wrong_value_names_the_variable(env, tmp_path, name, value) -> None:
    env.setenv(name, value)
    with pytest.raises(config.ConfigError, match=f"^{name}: "):
        config.env_bool("GEZIEN_BEHIND_TLS", False)
        config.database(tmp_path)
        config.allowed_hosts()
        config.exit_url()


def test_sqlite_gets_wal_full_sync_foreign_keys_and_a_busy_timeout(env, tmp_path) -> None:
    options = config.database(tmp_path)["OPTIONS"]
    assert "journal_mode=WAL" in options["init_command"]
    assert "synchronous=FULL" in options["init_command"]
    assert "foreign_keys=ON" in options["init_command"]
    assert options["timeout"] >= 5


def test_allowed_hosts_accept_names_and_bracketed_ipv6(env) -> None:
    env.setenv("GEZIEN_ALLOWED_HOSTS", "gezien.example.org, [::1],10.0.0.5")
    assert config.allowed_hosts() == ["gezien.example.org", "[::1]", "10.0.0.5"]


def _gezien(*args: str, **extra_env: str) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GEZIEN_") and k != "DJANGO_SETTINGS_MODULE"
    }
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "-m", "gezien", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_command_prints_one_line_naming_the_variable_instead_of_a_traceback(tmp_path) -> None:
    result = _gezien("check", GEZIEN_DATA_DIR=str(tmp_path), GEZIEN_BEHIND_TLS="sometimes")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "gezien: GEZIEN_BEHIND_TLS: use true or false, not 'sometimes'"
    ]


def test_the_check_command_explains_in_plain_words(tmp_path) -> None:
    result = _gezien(
        "check", GEZIEN_DATA_DIR=str(tmp_path), GEZIEN_ALLOWED_HOSTS="gezien.example.org"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "gezien.W001" in result.stdout
    assert "security.W003" not in result.stdout  # the CSRF middleware is a subclass of Django's
    assert "what to do: Put Gezien behind a proxy with HTTPS" in result.stdout


def test_the_check_command_fails_on_a_readable_secret_key(tmp_path) -> None:
    _gezien("check", GEZIEN_DATA_DIR=str(tmp_path))
    (tmp_path / "secret_key").chmod(0o644)
    result = _gezien("check", GEZIEN_DATA_DIR=str(tmp_path))
    assert result.returncode == 1
    assert "gezien.E001" in result.stdout


def test_behind_tls_cookies_are_secure_host_cookies_with_hsts(tmp_path) -> None:
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='gezien.settings'; django.setup();"
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.LANGUAGE_COOKIE_NAME,"
        " s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS,"
        " s.SECURE_SSL_REDIRECT)"
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GEZIEN_") and k != "DJANGO_SETTINGS_MODULE"
    }
    env.update(GEZIEN_DATA_DIR=str(tmp_path), GEZIEN_BEHIND_TLS="true")
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == [
        "__Host-session",
        "__Host-csrftoken",
        "__Host-language",
        "True",
        "True",
        "31536000",
        "True",
    ], result.stderr


def test_a_fresh_installation_has_no_accounts(tmp_path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GEZIEN_") and k != "DJANGO_SETTINGS_MODULE"
    }
    env["GEZIEN_DATA_DIR"] = str(tmp_path)
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='gezien.settings'; django.setup();"
        "from django.core.management import call_command; call_command('migrate', verbosity=0);"
        "from gezien.accounts.models import Account; print(Account.objects.count())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip() == "0", result.stderr
