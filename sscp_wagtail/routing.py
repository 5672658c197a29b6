"""Routing a request to its page in one query instead of two per level.

Wagtail finds ``/serious-case-reviews/child-50/`` by walking the tree from
the site's home page: at each level one query for the child with that slug
and one for its specific row, five or more queries before anything renders.
``CachedRouteMixin`` (on the home page, where every walk starts) remembers
where a walk ended, the page and how many parts of the address it used, and
next time loads that page directly and lets it route the rest itself (a
routable page's sub-pages, such as theme pages, still resolve as before).

What it remembers is keyed by the page cache's *generation* token, replaced
whenever a page is published, unpublished, moved or deleted
(``sscp_wagtail.production.purging``), so it is never older than the page
cache. Only walks that ended where the address says are remembered, and
privacy checks run after routing as always. On where the fragment cache is
(``SSCP_FRAGMENT_CACHE``): a cache every process shares.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from sscp_wagtail.production import content_cache


def _key(root, path_components: list[str]) -> str | None:
    return content_cache.key("route", root.pk, get_language(), "/".join(path_components))


class CachedRouteMixin:
    def route(self, request, path_components):
        components = list(path_components)
        key = _key(self, components) if components else None
        if key is not None:
            found = cache.get(key)
            if found is not None:
                pk, label, used = found
                page = apps.get_model(label).objects.filter(pk=pk).first()
                if page is not None:
                    return page.route(request, components[used:])
        result = super().route(request, path_components)
        if key is not None:
            page = result[0]
            used = page.depth - self.depth
            walked = self.url_path + "".join(f"{part}/" for part in components[:used])
            if 0 < used <= len(components) and page.url_path == walked:
                cache.set(key, (page.pk, page._meta.label, used), settings.SSCP_PAGE_CACHE_SECONDS)
        return result
