"""Test settings: fast hashing, in-memory cache and mail, no static manifest."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="sscp-test-media-")
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="sscp-test-static-"))
# Tests get their own database file so they never touch the demo database, in a
# folder of their own so two runs in one checkout do not overwrite each other's.
if env("DATABASE_URL") is None:
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.mkdtemp(prefix="sscp-test-db-")) / "test-db.sqlite3")
    }
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Demo users' generated password: never written into the checkout by tests.
SSCP_DEMO_USER_PASSWORD_FILE = Path(tempfile.mkdtemp(prefix="sscp-test-")) / ".demo-user-password"
# Referral attachments: a throwaway folder, never the checkout.
SSCP_REFERRAL_FILES_ROOT = Path(tempfile.mkdtemp(prefix="sscp-test-referrals-"))
SSCP_REFERRAL_NOTIFY_EMAIL = "safeguarding-unit@example.invalid"
