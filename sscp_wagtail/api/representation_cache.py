"""Each page's API representation, serialised once per change and reused.

A listing of twenty reviews with ``fields=*`` spends most of its time turning
StreamField blocks, rich text and choice labels into JSON, the same JSON for
every caller until an editor publishes. So each page's representation is kept
under a key made of the page cache's *generation* token (replaced on every
publish, unpublish, move, deletion and snippet, document or image change),
the page and its live revision, the shape asked for (listing or detail,
``fields``, ``rich_text_format``), the language and the address the links are
built on. Pages found in the cache are not prefetched at all.

Only models that say ``api_representation_cacheable = True`` are kept: a
representation that holds something that changes with the clock (a contact
panel's "open now") must not be. Previews are never read from or written to
the cache: a draft has the live page's id. On where the fragment cache is
(``SSCP_FRAGMENT_CACHE``).
"""

from __future__ import annotations

import json

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import get_language

from sscp_wagtail.production import content_cache

ATTR = "_sscp_api_representation"
KEY_ATTR = "_sscp_api_representation_key"


def enabled_for(view) -> bool:
    return content_cache.enabled() and getattr(view, "public_cache", False)


def key_for(obj, view) -> str | None:
    if not getattr(type(obj), "api_representation_cacheable", False) or not getattr(obj, "live", False):
        return None
    request = view.request
    return content_cache.key(
        "api",
        obj._meta.label,
        obj.pk,
        obj.live_revision_id or obj.last_published_at,
        view.action or "",
        request.GET.get("fields", ""),
        request.GET.get("rich_text_format", ""),
        get_language() or "",
        request.build_absolute_uri("/"),
        getattr(settings, "WAGTAILAPI_BASE_URL", "") or "",
    )


def attach(objects: list, view) -> list:
    """Give each object its cached representation, if any; the objects still to serialise."""
    if not enabled_for(view):
        return objects
    keys = {}
    for obj in objects:
        key = key_for(obj, view)
        if key is not None:
            keys[key] = obj
            setattr(obj, KEY_ATTR, key)
    found = cache.get_many(list(keys)) if keys else {}
    for key, text in found.items():
        setattr(keys[key], ATTR, json.loads(text))
    return [obj for obj in objects if not hasattr(obj, ATTR)]


class CachedRepresentationMixin:
    """For the API's serializers: answer from ``attach`` when it found one, and keep what is made."""

    def to_representation(self, instance):
        cached = getattr(instance, ATTR, None)
        if cached is not None:
            return cached
        data = super().to_representation(instance)
        key = getattr(instance, KEY_ATTR, None)
        if key is not None and enabled_for(self.context.get("view")):
            # Kept as JSON text: unpickling DRF's nested dicts of safe strings costs
            # ten times as much as parsing the same JSON.
            cache.set(key, json.dumps(data, cls=DjangoJSONEncoder), settings.SSCP_PAGE_CACHE_SECONDS)
        return data
