"""What production.py and the REDIS_URL / MEDIA_STORAGE switches give an operator."""

import json

from tests.test_settings import STRONG_KEY, run_python

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "settings.production",
    "DJANGO_SECRET_KEY": STRONG_KEY,
    "DJANGO_ALLOWED_HOSTS": "sscp.example.org",
}


def settings_of(names: list[str], **env: str) -> dict:
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {names!r}}}, default=str))"
    )
    result = run_python(code, **{**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_defaults():
    values = settings_of(
        [
            "STORAGES",
            "SESSION_SAVE_EVERY_REQUEST",
            "SESSION_COOKIE_AGE",
            "SESSION_EXPIRE_AT_BROWSER_CLOSE",
            "SSCP_ADMIN_2FA_REQUIRED",
            "SSCP_PAGE_CACHE",
            "X_FRAME_OPTIONS",
            "SECURE_HSTS_SECONDS",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "CSRF_COOKIE_SECURE",
            "SESSION_COOKIE_HTTPONLY",
            "WAGTAILDOCS_SERVE_METHOD",
        ]
    )
    assert values["STORAGES"]["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert values["SESSION_SAVE_EVERY_REQUEST"] is True  # two hours *idle*
    assert values["SESSION_COOKIE_AGE"] == 7200
    assert values["SESSION_EXPIRE_AT_BROWSER_CLOSE"] is True
    assert values["SSCP_ADMIN_2FA_REQUIRED"] is True
    # Without a cache shared by every process, purges could not reach them all.
    assert values["SSCP_PAGE_CACHE"] is False
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["SECURE_HSTS_SECONDS"] == 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"


def test_redis_url_turns_on_redis_cache_sessions_and_the_page_cache():
    values = settings_of(["CACHES", "SESSION_ENGINE", "SSCP_PAGE_CACHE"], REDIS_URL="redis://cache.internal:6379/2")
    backend = values["CACHES"]["default"]
    assert backend["BACKEND"] == "django_redis.cache.RedisCache"
    assert backend["LOCATION"] == "redis://cache.internal:6379/2"
    assert backend["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    assert values["SSCP_PAGE_CACHE"] is True


def test_media_in_s3_by_setting_private_and_signed():
    values = settings_of(
        ["STORAGES"],
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="sscp-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
    )
    default = values["STORAGES"]["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == "sscp-media"
    assert default["OPTIONS"]["default_acl"] == "private"
    assert default["OPTIONS"]["querystring_auth"] is True


def test_s3_without_a_bucket_refuses_to_start():
    result = run_python("import django; django.setup()", **PRODUCTION, MEDIA_STORAGE="s3")
    assert "MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME" in result.stderr


def test_frontend_cache_by_setting():
    values = settings_of(
        ["WAGTAILFRONTENDCACHE"], FRONTEND_CACHE="varnish", FRONTEND_CACHE_URL="http://varnish.internal:6081"
    )
    assert values["WAGTAILFRONTENDCACHE"]["varnish"]["LOCATION"] == "http://varnish.internal:6081"
