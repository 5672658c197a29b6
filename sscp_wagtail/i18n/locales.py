"""A Wagtail ``Locale`` row for every language in ``WAGTAIL_CONTENT_LANGUAGES``.

Wagtail's own migration creates only the default locale. The others follow
the settings of the environment (``SSCP_LANGUAGES``), so they are created
after each migrate rather than by a data migration that would fix one list of
languages for every install. A locale dropped from the settings is kept: its
pages stay in the database (unreachable) until an editor deletes them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS


def ensure_locales(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Create the missing locales; returns the language codes created."""
    from wagtail.models import Locale

    existing = set(Locale.objects.using(using).values_list("language_code", flat=True))
    created = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code not in existing:
            Locale.objects.using(using).create(language_code=code)
            created.append(code)
    return created


def ensure_locales_after_migrate(sender, app_config=None, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    # Once per migrate, after Wagtail's tables exist: run for this app only.
    if app_config is not None and app_config.label == "sscp_i18n":
        ensure_locales(using=using)
