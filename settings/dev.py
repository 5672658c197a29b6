"""Local development: debug on, mail printed to the console, a local-only key."""

from .base import *  # noqa: F403
from .base import env, env_list

DEBUG = True
# A development-only key: production.py never falls back to it.
SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-insecure-key-never-used-in-production")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# The referral form's notifications, printed to the console with the rest of the mail.
SSCP_REFERRAL_NOTIFY_EMAIL = env("SSCP_REFERRAL_NOTIFY_EMAIL", "safeguarding-unit@localhost")
