"""Settings read the environment and production fails closed."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from settings import base

ROOT = Path(__file__).resolve().parents[1]
STRONG_KEY = "k9#Tq2!vLx8@pR4$wZ7^mN1&bC6*hJ3(eG5)yU0-sA9+dF2=qW8"


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))}
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120
    )


def start_production(**env: str) -> subprocess.CompletedProcess:
    return run_python("import django; django.setup()", DJANGO_SETTINGS_MODULE="settings.production", **env)


def test_production_refuses_to_start_without_a_secret_key():
    result = start_production(DJANGO_ALLOWED_HOSTS="sscp.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY must be set in production." in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = start_production(DJANGO_SECRET_KEY=STRONG_KEY)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must be set in production" in result.stderr


def test_production_refuses_a_wildcard_host():
    result = start_production(DJANGO_SECRET_KEY=STRONG_KEY, DJANGO_ALLOWED_HOSTS="*")
    assert result.returncode != 0
    assert "not '*'" in result.stderr


def test_production_starts_with_its_secrets_and_reads_them_from_the_environment():
    result = run_python(
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], s.SECURE_PROXY_SSL_HEADER)",
        DJANGO_SETTINGS_MODULE="settings.production",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="sscp.example.org,www.sscp.example.org",
        DATABASE_URL="postgres://sscp:pw@db.internal:5432/sscp",
        DJANGO_SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "False ['sscp.example.org', 'www.sscp.example.org'] django.db.backends.postgresql "
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_deploy_check_is_clean_in_production():
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SETTINGS_MODULE": "settings.production",
            "DJANGO_SECRET_KEY": STRONG_KEY,
            "DJANGO_ALLOWED_HOSTS": "sscp.example.org",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_defaults_are_sqlite_london_time_and_british_english():
    result = run_python(
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.TIME_ZONE, s.USE_TZ, s.LANGUAGE_CODE, s.WAGTAIL_I18N_ENABLED,"
        " s.WAGTAIL_ENABLE_UPDATE_CHECK, s.WAGTAIL_GRAVATAR_PROVIDER_URL)",
        DJANGO_SETTINGS_MODULE="settings.dev",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "Europe/London",
        "True",
        "en-gb",
        "True",
        "False",
        "None",
    ]


@pytest.mark.parametrize(
    ("value", "expected"), [("true", True), ("1", True), ("off", False), ("", False), (None, False)]
)
def test_boolean_environment_values(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("SSCP_FLAG", raising=False)
    else:
        monkeypatch.setenv("SSCP_FLAG", value)
    assert base.env_bool("SSCP_FLAG") is expected


def test_a_mistyped_setting_is_an_error_not_a_guess(monkeypatch):
    monkeypatch.setenv("SSCP_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="SSCP_FLAG must be true or false"):
        base.env_bool("SSCP_FLAG")
    monkeypatch.setenv("SSCP_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="SSCP_NUMBER must be a whole number"):
        base.env_int("SSCP_NUMBER", 1)


def test_cache_url_choices():
    result = run_python(
        "import django; django.setup(); from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])",
        DJANGO_SETTINGS_MODULE="settings.dev",
        CACHE_URL="redis://127.0.0.1:6379/1",
    )
    assert result.stdout.strip() == "django_redis.cache.RedisCache"
    bad = run_python("import django; django.setup()", DJANGO_SETTINGS_MODULE="settings.dev", CACHE_URL="memcache://x")
    assert "CACHE_URL must be" in bad.stderr
