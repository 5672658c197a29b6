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
    "sscp_wagtail.referrals",
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


# --- Editor checks (sscp_wagtail/editor/) ---------------------------------------
# Names the partnership uses openly in reviews (reviewers, chairs, agencies),
# comma-separated: the "possible identifying information" warning on review
# pages leaves them alone. A review's own reviewer field is always allowed.
SSCP_IDENTIFYING_ALLOWED_NAMES = env_list("SSCP_IDENTIFYING_ALLOWED_NAMES")
# Its hooks make Wagtail's content checker (the preview's "Checks") stricter.
INSTALLED_APPS += ["sscp_wagtail.editor"]
# Draftail, with HTML posted in place of its JSON filtered to the field's features
# instead of causing a server error.
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "sscp_wagtail.editor.widgets.RichTextArea"}}
# --- End of editor checks settings ----------------------------------------------

# --- Referral form (sscp_wagtail/referrals/) -----------------------------------
# Who hears that a referral has arrived (the email holds only its reference, the
# form's name and an admin link). A superuser may set another address on the page.
SSCP_REFERRAL_NOTIFY_EMAIL = env("SSCP_REFERRAL_NOTIFY_EMAIL", "")
# Attachments are kept here, outside MEDIA_ROOT and never served by the web
# server: only the admin's permission-checked view sends them.
SSCP_REFERRAL_FILES_ROOT = Path(env("SSCP_REFERRAL_FILES_ROOT", str(BASE_DIR / "referral-files")))
SSCP_REFERRAL_MAX_ATTACHMENT_SIZE = env_int("SSCP_REFERRAL_MAX_ATTACHMENT_SIZE", 10 * 1024 * 1024)
# A request larger than the attachment limit plus room for the answers is refused with 413.
SSCP_REFERRAL_MAX_REQUEST_SIZE = SSCP_REFERRAL_MAX_ATTACHMENT_SIZE + 1024 * 1024
# Referrals accepted per client per window (seconds). Counted in the default
# cache: with several app servers or processes it must be shared (CACHE_URL=redis://).
SSCP_REFERRAL_RATE_LIMIT = env_int("SSCP_REFERRAL_RATE_LIMIT", 5)
SSCP_REFERRAL_RATE_WINDOW = env_int("SSCP_REFERRAL_RATE_WINDOW", 600)
# Behind a reverse proxy: the request header holding the client's address as the
# proxy sets it, e.g. HTTP_X_REAL_IP. Unset: REMOTE_ADDR.
SSCP_REFERRAL_CLIENT_IP_HEADER = env("SSCP_REFERRAL_CLIENT_IP_HEADER", "")
# How long a rendered form may be sent (seconds); each rendering's token works once.
SSCP_REFERRAL_FORM_TOKEN_MAX_AGE = env_int("SSCP_REFERRAL_FORM_TOKEN_MAX_AGE", 4 * 60 * 60)
# `manage.py purge_referrals` deletes referrals (and their files) older than this.
SSCP_REFERRAL_RETENTION_DAYS = env_int("SSCP_REFERRAL_RETENTION_DAYS", 365)
# --- End of referral form settings ---------------------------------------------

# --- Headless API (sscp_wagtail/api/) --------------------------------------------
# /api/v2/ is read-only and public: it serves only live pages without view
# restrictions and documents/images outside restricted collections, whoever asks.
INSTALLED_APPS.insert(INSTALLED_APPS.index("django.contrib.admin"), "corsheaders")
# CORS runs before anything that could answer a request (CommonMiddleware's redirects).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware"), "corsheaders.middleware.CorsMiddleware"
)
# Rich text leaves the API as front-end HTML with resolved links, never <a linktype="page" id="3">.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# Items per request: ?limit= above this is a 400, not a silent cut.
WAGTAILAPI_LIMIT_MAX = env_int("SSCP_API_LIMIT_MAX", 50)
WAGTAILAPI_SEARCH_ENABLED = True
# The address API responses use for html_url/detail_url; defaults to the request's host.
WAGTAILAPI_BASE_URL = env("SSCP_API_BASE_URL")
# Front ends on other origins that may call /api/ from a browser (comma-separated,
# e.g. https://www.example.org). None by default: same-origin only.
CORS_ALLOWED_ORIGINS = env_list("SSCP_API_CORS_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS", "POST")
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Retry-After")
# Public GETs may be cached by browsers and proxies for this many seconds;
# contact panels' "open now" status changes by the minute, so keep it short.
SSCP_API_CACHE_MAX_AGE = env_int("SSCP_API_CACHE_MAX_AGE", 60)
# Headless preview: how long a preview link's token stays valid (seconds), and the
# front end's preview address (the token and content type are appended).
SSCP_API_PREVIEW_MAX_AGE = env_int("SSCP_API_PREVIEW_MAX_AGE", 15 * 60)
SSCP_API_PREVIEW_FRONTEND_URL = env("SSCP_API_PREVIEW_FRONTEND_URL")
# --- End of headless API settings ------------------------------------------------

# --- Production readiness (settings/production.py, sscp_wagtail/production/) ----
from csp.constants import NONCE  # noqa: E402  (django-csp's marker for "this response's nonce")

# Everything below is on in every environment, so that development and the tests
# run under the same Content-Security-Policy, static files and page cache as
# production; production.py only tightens what differs (2FA, storage, cookies).

# Health checks answer before host validation and the HTTPS redirect, so a load
# balancer can probe http://10.0.0.5:8000/healthz.
MIDDLEWARE.insert(0, "sscp_wagtail.production.health.HealthCheckMiddleware")
# Static files from the app servers, compressed and cached for a year by name.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "whitenoise.middleware.WhiteNoiseMiddleware"
)
# Content-Security-Policy on every response (django-csp): the public site allows
# only its own scripts and styles (plus a per-request nonce where a template asks
# for one); /admin/ gets Wagtail's admin policy (see sscp_wagtail/production/csp.py).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "sscp_wagtail.production.csp.CSPMiddleware"
)
INSTALLED_APPS = [
    "sscp_wagtail.production",
    *INSTALLED_APPS,
    "csp",
    "wagtail.contrib.frontend_cache",
    "django_otp",
    "django_otp.plugins.otp_totp",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", NONCE],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# No framing, except Wagtail's own preview inside the admin (it sends SAMEORIGIN).
X_FRAME_OPTIONS = "DENY"
# The Wagtail admin writes inline styles and small inline scripts, and shows the
# page preview in a frame of its own; its policy stays same-origin.
SSCP_ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
SSCP_ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# Admin two-factor authentication (django-otp's authenticator-app codes with a
# small admin integration in sscp_wagtail/production/two_factor.py): everyone who
# can use the admin enters a code from their app after their password, and sets
# one up at their first sign-in. On in production; off in development and tests
# unless SSCP_ADMIN_2FA_REQUIRED=true.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1,
    "sscp_wagtail.production.two_factor.AdminTwoFactorMiddleware",
)
SSCP_ADMIN_2FA_REQUIRED = env_bool("SSCP_ADMIN_2FA_REQUIRED", False)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Uploads: no SVG (it can carry script) and a pixel limit against decompression
# bombs; documents are streamed by Django so privacy settings apply to them and
# Wagtail adds `Content-Security-Policy: default-src 'none'` to each.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000)
FILE_UPLOAD_PERMISSIONS = 0o640

# Redis for the cache (and so for sessions) when REDIS_URL is set, through
# django-redis with errors ignored: when Redis is down the site still serves,
# uncached, and signed-in users stay signed in (sessions are also in the database).
REDIS_URL = env("REDIS_URL") or (CACHE_URL if CACHE_URL.startswith(("redis://", "rediss://")) else None)
if REDIS_URL:
    from redis.backoff import NoBackoff  # noqa: E402
    from redis.retry import Retry  # noqa: E402

    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "sscp"),
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                # No retries with back-off: with Redis down each cache call fails at
                # once (under 1 ms) instead of slowing every page by its retries.
                "CONNECTION_POOL_KWARGS": {"retry": Retry(NoBackoff(), 0)},
            },
        }
    }
    # Not one log line per failed cache call: /readyz reports "cache unreachable".
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Page cache: whole responses for anonymous readers, purged on every publish,
# unpublish, move, deletion and snippet change (sscp_wagtail/production/page_cache.py).
# It needs a cache every process shares, so it is on by default only with Redis.
SSCP_PAGE_CACHE = env_bool("SSCP_PAGE_CACHE", bool(REDIS_URL))
SSCP_PAGE_CACHE_SECONDS = env_int("SSCP_PAGE_CACHE_SECONDS", 600)
# Never cached whatever their headers say: the admin, search (visitors' own
# words), the API but for its pages endpoints (below), documents and images
# (privacy checks), health checks.
SSCP_PAGE_CACHE_EXCLUDE = ("/admin/", "/django-admin/", "/search/", "/api/", "/documents/", "/healthz", "/readyz")
# Cached all the same: the API's pages listing and detail (find redirects to
# them) serve live public pages only and are purged like pages. Contact panels
# (status by the minute), previews (drafts), images, documents and themes stay
# out, and so does any answer that holds a contact panel's live status.
SSCP_PAGE_CACHE_INCLUDE = ("/api/v2/pages/",)
# Never cached with these query parameters: the API's ?search= carries visitors' words.
SSCP_PAGE_CACHE_EXCLUDE_PARAMETERS = ("search",)
# Right after the HTTPS redirect: a hit is answered before CSP, sessions, locale
# and authentication run, with the headers they gave the page when it was stored.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "sscp_wagtail.production.page_cache.PageCacheMiddleware",
)

# A CDN or Varnish in front (wagtail.contrib.frontend_cache): FRONTEND_CACHE=varnish
# with FRONTEND_CACHE_URL=http://varnish:6081, or FRONTEND_CACHE=cloudflare with
# FRONTEND_CACHE_TOKEN and FRONTEND_CACHE_ZONE. Pages are purged with the page cache.
FRONTEND_CACHE = env("FRONTEND_CACHE")
if FRONTEND_CACHE == "varnish":
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_URL", "http://127.0.0.1:6081"),
        }
    }
elif FRONTEND_CACHE == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env("FRONTEND_CACHE_TOKEN"),
            "ZONEID": env("FRONTEND_CACHE_ZONE"),
        }
    }
elif FRONTEND_CACHE:
    raise ImproperlyConfigured("FRONTEND_CACHE must be varnish or cloudflare")

# The numbers the "service unavailable" page shows when the database is down.
# "label=number" pairs separated by semicolons.
SSCP_EMERGENCY_CONTACTS = [
    tuple(item.split("=", 1))
    for item in (
        env(
            "SSCP_EMERGENCY_CONTACTS",
            "Police (a child in immediate danger)=999;"
            "Children's services, office hours=0161 217 6028;"
            "Children's services, evenings and weekends=0161 718 2118",
        )
        or ""
    ).split(";")
    if "=" in item
]
# --- End of production readiness settings ---------------------------------------

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

# --- Performance (sscp_wagtail/templatetags/sscp_cache.py, bench/) -------------
# Parts of pages that show only published content ({% contentcache %}: a
# review's text, its JSON-LD) are rendered once per change and reused, keyed by
# the page cache's generation token. Like the page cache it relies on every
# process seeing a purge, so it is on by default only with a shared cache.
SSCP_FRAGMENT_CACHE = env_bool("SSCP_FRAGMENT_CACHE", SSCP_PAGE_CACHE)
# --- End of performance settings ------------------------------------------------
