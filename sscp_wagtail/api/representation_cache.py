"""Each page's API representation, serialised once per change and reused.

A listing of twenty reviews with ``fields=*`` spends most of its time turning
StreamField blocks, rich text and choice labels into JSON, the same JSON for
every caller until an editor publishes. So each page's representation is kept
under a key made of the page cache's *generation* token (replaced on every
publish, unpublish, move, deletion and snippet, document or image change),
the page and its live revision, the shape asked for (listing or detail,
``fields``, ``rich_text_format``), the language and the address the links are
built on. Pages found in the cache are not loaded or prefetched at all: the
key needs only a page's id, type and live revision (see ``views``).

It is kept as the JSON text the response will hold (``encoding.encode``) and
goes back into the response as it is, without being parsed and written again.

Only models that say ``api_representation_cacheable = True`` are kept: a
representation that holds something that changes with the clock (a contact
panel's "open now") must not be. Previews are never read from or written to
the cache: a draft has the live page's id. On where the fragment cache is
(``SSCP_FRAGMENT_CACHE``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from sscp_wagtail.production import content_cache

from .encoding import EncodedJSON, encode

ATTR = "_sscp_api_representation"
KEY_ATTR = "_sscp_api_representation_key"
# Part of every key: entries written in another format are never read back.
FORMAT = "json-compact-1"


def enabled_for(view) -> bool:
    return content_cache.enabled() and getattr(view, "public_cache", False)


def cacheable(model) -> bool:
    return bool(getattr(model, "api_representation_cacheable", False))


def key_from(view, model, pk, revision) -> str | None:
    """The key of a live page's representation from its type, id and live revision."""
    request = view.request
    return content_cache.key(
        "api",
        FORMAT,
        model._meta.label,
        pk,
        revision,
        view.action or "",
        request.GET.get("fields", ""),
        request.GET.get("rich_text_format", ""),
        get_language() or "",
        request.build_absolute_uri("/"),
        getattr(settings, "WAGTAILAPI_BASE_URL", "") or "",
    )


def key_for(obj, view) -> str | None:
    if not cacheable(type(obj)) or not getattr(obj, "live", False):
        return None
    return key_from(view, type(obj), obj.pk, obj.live_revision_id or obj.last_published_at)


class Cached:
    """Stands in for a page whose representation came from the cache."""

    def __init__(self, pk, text: str):
        self.pk = pk
        setattr(self, ATTR, EncodedJSON(text))


def lookup(keys: list[str]) -> dict[str, str]:
    """The cached representations among ``keys``, in one round trip."""
    return cache.get_many(keys) if keys else {}


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
    for key, text in lookup(list(keys)).items():
        setattr(keys[key], ATTR, EncodedJSON(text))
    return [obj for obj in objects if not hasattr(obj, ATTR)]


class CachedRepresentationMixin:
    """For the API's serializers: answer from the cache when ``attach`` found
    the representation, and keep what is made for pages that have a key.

    Both come back as ``EncodedJSON``, written once, which the renderer puts
    into the response as it is.
    """

    def to_representation(self, instance):
        cached = getattr(instance, ATTR, None)
        if cached is not None:
            return cached
        data = super().to_representation(instance)
        key = getattr(instance, KEY_ATTR, None)
        if key is None or not enabled_for(self.context.get("view")):
            return data
        text = encode(data)
        cache.set(key, text, settings.SSCP_PAGE_CACHE_SECONDS)
        return EncodedJSON(text)
