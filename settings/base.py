"""Settings shared by every environment.

Everything that differs between machines is read from the environment, so the
same code runs on a laptop (SQLite, nothing else installed) and in production
(PostgreSQL, real mail, shared cache). ``production.py`` refuses to start when
a secret is missing; the defaults here are only safe for local use.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = env(name)
    try:
        return default if value is None else int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The site's own apps first so their templates override Wagtail's.
    "home",
    "reviews",
    "search",
    "sscp_wagtail",
    "sscp_wagtail.learning",
    "sscp_wagtail.workflows",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "sscp_wagtail.urls"
WSGI_APPLICATION = "sscp_wagtail.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sscp_wagtail.context_processors.site_chrome",
            ],
        },
    },
]

# Database: SQLite file by default so a fresh machine needs nothing else;
# PostgreSQL (or anything dj-database-url understands) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: per-process memory by default; CACHE_URL=redis://host:6379/0 for a
# cache shared between processes and servers.
CACHE_URL = env("CACHE_URL", "locmem://")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
elif CACHE_URL == "dummy://":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
elif CACHE_URL == "locmem://":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    raise ImproperlyConfigured("CACHE_URL must be locmem://, dummy:// or a redis:// URL")

# Email: the console in development; SMTP settings from the environment.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: the languages are set in the translation block at the end.
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex pages post many fields from the Wagtail editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", "Safeguarding Children Partnership")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILFORMS_HELP_TEXT_ALLOW_HTML = False
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
# No calls out of the server: no update check, no Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# The site's own settings.
# Where "Exit this page" sends the reader: a neutral site that gives nothing away.
SSCP_EXIT_PAGE_URL = env("SSCP_EXIT_PAGE_URL", "https://www.bbc.co.uk/weather")
# Reviews listed per page on a review index.
SSCP_REVIEWS_PAGE_SIZE = env_int("SSCP_REVIEWS_PAGE_SIZE", 10)
# The demo-content command writes pages; only development and test allow it
# without --force.
SSCP_DEMO_CONTENT_ALLOWED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # Background-task bookkeeping (search index, reference index) is noise at INFO.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}


# --- Search (search/ app) -----------------------------------------------------
# Which engine answers /search/. The default is Wagtail's database backend:
# SQLite FTS5 on the embedded default, PostgreSQL full-text search when
# DATABASE_URL is PostgreSQL. SEARCH_BACKEND=opensearch (or elasticsearch) with
# SEARCH_URL=https://user:pass@host:9200 moves the index to a search server;
# install the matching client (`opensearch-py` 2/3, `elasticsearch` 8/9), set
# SEARCH_INDEX if the server is shared, then run `manage.py update_index`.
SEARCH_BACKEND = (env("SEARCH_BACKEND", "database") or "database").lower()
_SEARCH_SERVERS = {
    "opensearch": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
    "elasticsearch": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
}
if SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.database",
            # PostgreSQL only: stem English words ("sleeping" finds "sleep").
            "SEARCH_CONFIG": env("SEARCH_CONFIG", "english"),
        }
    }
elif SEARCH_BACKEND in _SEARCH_SERVERS:
    if not env("SEARCH_URL"):
        raise ImproperlyConfigured(f"SEARCH_BACKEND={SEARCH_BACKEND} needs SEARCH_URL, e.g. https://host:9200")
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": _SEARCH_SERVERS[SEARCH_BACKEND],
            "URLS": [env("SEARCH_URL")],
            "INDEX_PREFIX": env("SEARCH_INDEX", "sscp_"),
            "TIMEOUT": env_int("SEARCH_TIMEOUT", 5),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    raise ImproperlyConfigured(f"SEARCH_BACKEND must be database, {', '.join(_SEARCH_SERVERS)}; not {SEARCH_BACKEND!r}")
# Results per page on /search/.
SSCP_SEARCH_PAGE_SIZE = env_int("SSCP_SEARCH_PAGE_SIZE", 10)
# Visitors may type a child's name: queries are not recorded unless this is on.
# When on, only the normalised query text and a count per day are kept (Wagtail's
# search_promotions Query and QueryDailyHits); `manage.py searchpromotions_garbage_collect`
# (run it daily) deletes daily counts older than WAGTAILSEARCH_HITS_MAX_AGE days
# and queries left with no counts and no promotions.
SSCP_SEARCH_LOG_QUERIES = env_bool("SSCP_SEARCH_LOG_QUERIES", False)
WAGTAILSEARCH_HITS_MAX_AGE = env_int("WAGTAILSEARCH_HITS_MAX_AGE", 7)
# --- End of search settings ---------------------------------------------------


# --- Editorial workflow (sscp_wagtail/workflows/) ------------------------------
# Every page and the contact-panel and learning-theme snippets go through the
# "Safeguarding sign-off" workflow (created by a data migration): Editors draft
# and submit, Moderators approve, and nobody approves their own changes.
WAGTAIL_WORKFLOW_ENABLED = True
# An edit to something already approved at a step needs approving again.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Publishing (by the last approval) ends any workflow still in progress.
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
# Comments on fields in the page editor, kept with the revisions.
WAGTAILADMIN_COMMENTS_ENABLED = True
# Moderation emails: Moderators when something awaits them, the submitter when it
# is approved or sent back (with the reviewer's comment). Superusers are not
# copied unless asked: the approvers are the Moderators group.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = env("WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_USE_HTML = env_bool("WAGTAILADMIN_NOTIFICATION_USE_HTML", False)
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = env_bool("WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", False)
# Page types whose address, once expired, shows a "no longer published" notice
# with the contact details (410 Gone) instead of a 404: model label -> the word
# readers see. The middleware sits before the redirects middleware so that a
# redirect set up for the old address still wins.
SSCP_EXPIRY_NOTICE_PAGE_TYPES = {"reviews.ReviewPage": "review"}
# Where the demo users' generated password is kept (see sscp_wagtail/workflows/demo.py).
SSCP_DEMO_USER_PASSWORD_FILE = BASE_DIR / ".demo-user-password"
MIDDLEWARE.insert(
    MIDDLEWARE.index("wagtail.contrib.redirects.middleware.RedirectMiddleware"),
    "sscp_wagtail.workflows.expiry.ExpiredPageNoticeMiddleware",
)
# --- End of editorial workflow settings -----------------------------------------


# --- Translation (sscp_wagtail/i18n/, locale/) ----------------------------------
# The site's languages, default first: SSCP_LANGUAGES=en-gb,pl,ur (the default).
# English (UK) is the default language and is served without a prefix at /;
# every other language lives under its own prefix (/pl/, /ur/). Admin, API and
# documents keep their unprefixed addresses. A Wagtail Locale exists for each
# language after every migrate (sscp_wagtail/i18n/locales.py).
# Names are in English here (for the admin); readers see each language's own
# name in the language switcher.
_LANGUAGE_NAMES = {"en-gb": "English", "pl": "Polish", "ur": "Urdu"}
SSCP_LANGUAGES = env_list("SSCP_LANGUAGES", "en-gb,pl,ur")
_unknown_languages = [code for code in SSCP_LANGUAGES if code not in _LANGUAGE_NAMES]
if _unknown_languages or not SSCP_LANGUAGES or SSCP_LANGUAGES[0] != "en-gb":
    raise ImproperlyConfigured(
        f"SSCP_LANGUAGES must start with en-gb and use only {', '.join(_LANGUAGE_NAMES)}; "
        f"got {','.join(SSCP_LANGUAGES) or 'nothing'}. A new language needs its interface translation in locale/."
    )
LANGUAGE_CODE = "en-gb"
LANGUAGES = [(code, _LANGUAGE_NAMES[code]) for code in SSCP_LANGUAGES]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Translations are drafts until the "Safeguarding sign-off" workflow approves
# them: syncing a translation never publishes it because its source is live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation is off: pages about children are not sent to a third
# party unless the partnership chooses to: SSCP_DEEPL_API_KEY=<key> turns on
# DeepL in the translation editor (a human still reviews and submits).
if env("SSCP_DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env("SSCP_DEEPL_API_KEY")},
    }
INSTALLED_APPS.insert(INSTALLED_APPS.index("sscp_wagtail.workflows"), "sscp_wagtail.i18n")
INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.contrib.forms"), "wagtail.contrib.sitemaps")
INSTALLED_APPS.append("django.contrib.sitemaps")  # its sitemap.xml template writes the hreflang alternates
# LocaleMiddleware already sits after sessions and before CommonMiddleware, as
# i18n_patterns needs; it reads the language from the URL prefix only.
# --- End of translation settings ------------------------------------------------
