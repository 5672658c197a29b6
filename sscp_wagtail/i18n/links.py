"""Links and names chosen in the source lead to the reader's language where they can.

A page chooser in a StreamField, and a page's many-to-many choice of snippets
(a briefing's themes), are synchronised into every translation, so a Polish
page still holds the English page or theme an editor chose. Resolving them
when the page is shown (rather than when it is translated) also catches
translations published later, and falls back to the chosen object while there
is no live translation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from django.conf import settings
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import DraftStateMixin, TranslatableMixin

T = TypeVar("T", bound=TranslatableMixin)


def all_in_reader_s_language(objects: Sequence[T]) -> list[T]:
    """Each object's live translation in the active language, else the object itself.

    English readers get the objects as chosen, without a query; in another
    language it costs one query for the whole list.
    """
    objects = list(objects)
    language = get_supported_content_language_variant(get_language())
    if not objects or language == settings.LANGUAGE_CODE:
        return objects
    model = type(objects[0])
    # Its address (for a page) is built in its own language.
    found = model.objects.filter(
        translation_key__in=[obj.translation_key for obj in objects], locale__language_code=language
    ).select_related("locale")
    if issubclass(model, DraftStateMixin):
        found = found.filter(live=True)
    translations = {obj.translation_key: obj for obj in found}
    return [translations.get(obj.translation_key, obj) for obj in objects]


def in_reader_s_language(obj: T | None) -> T | None:
    """One object in the reader's language (see ``all_in_reader_s_language``)."""
    return all_in_reader_s_language([obj])[0] if obj is not None else None
