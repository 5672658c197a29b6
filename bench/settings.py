"""Settings for ``make bench``: the production settings, served on loopback.

``bench/run.py`` supplies what production requires from the environment (a
throwaway secret key, the loopback host names, a throwaway database and media
directory); this module only adds what a benchmark needs on top: plain HTTP,
the demo loader, and the floor view's URL.
"""

from settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The load generator speaks plain HTTP on loopback.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
# The throwaway database is built with the demo content and generated reviews.
SSCP_DEMO_CONTENT_ALLOWED = True
# Nobody reads the throwaway site's mail: the demo's workflow notifications
# would otherwise print a connection traceback each while the database is built.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The floor is a plain view through the full middleware stack: served from the
# page cache it would measure a cache hit, and every cached page's ratio with it.
SSCP_PAGE_CACHE_EXCLUDE = (*SSCP_PAGE_CACHE_EXCLUDE, "/__bench__/")  # noqa: F405
