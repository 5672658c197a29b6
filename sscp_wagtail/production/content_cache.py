"""Values worked out from published content, kept until the content changes.

Everything here is keyed by the page cache's *generation* token
(``page_cache.current_generation``), which is replaced on every publish,
unpublish, move or deletion of a page and every change of a snippet, image,
document, site or view restriction. So nothing kept here is ever older than
the page cache would be. It is on with ``SSCP_FRAGMENT_CACHE``, by default
only where a cache every process shares is configured: with a cache per
process, a purge in one process would not reach the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache

from .page_cache import current_generation


def enabled() -> bool:
    return getattr(settings, "SSCP_FRAGMENT_CACHE", False)


def key(name: str, *parts: Any) -> str | None:
    """The cache key for ``parts`` under the current generation, or None when off."""
    if not enabled():
        return None
    generation = current_generation()
    if generation is None:
        return None
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()[:40]
    return f"sscp:{name}:{generation}:{digest}"


def remember(name: str, parts: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()``, or what it returned last time for the same parts and content."""
    cache_key = key(name, *parts)
    if cache_key is None:
        return compute()
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, settings.SSCP_PAGE_CACHE_SECONDS)
    return value
