"""Links chosen in a block lead to the reader's language where they can.

A page chooser in a StreamField is synchronised into every translation, so a
Polish page's block still holds the English page an editor chose. Resolving
the link when the page is shown (rather than when it is translated) also
catches translations published later, and falls back to the chosen page while
there is no live translation.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page


def in_reader_s_language(page: Page | None) -> Page | None:
    """The live translation of ``page`` in the active language, else ``page`` itself.

    English readers get the page as chosen, without a query; in another
    language it costs one query per link.
    """
    if page is None:
        return None
    language = get_supported_content_language_variant(get_language())
    if language == settings.LANGUAGE_CODE:
        return page
    translation = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=language)
        .select_related("locale")  # its address is built in its own language
        .first()
    )
    return translation or page
