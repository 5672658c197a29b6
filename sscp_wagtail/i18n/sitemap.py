"""``/sitemap.xml``: every live, public page in every language, with its
translations as ``hreflang`` alternates.

Wagtail's own sitemap lists the site root's descendants, which are the
default language's pages only: a translated home page is the root's sibling,
not its child.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page


class TranslatedSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        under_a_root = Q()
        for root in site.root_page.get_translations(inclusive=True).only("path", "depth"):
            under_a_root |= Q(path__startswith=root.path, depth__gte=root.depth)
        return (
            Page.objects.filter(under_a_root)
            .live()
            .public()
            .select_related("locale")
            .order_by("locale__language_code", "path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        # Translations of the listed pages, found among all listed pages (a
        # page's translation may fall on another page of a long sitemap).
        by_key = defaultdict(list)
        for other in self.items().filter(translation_key__in={p.translation_key for p in pages}):
            by_key[other.translation_key].append(other)
        urls = []
        for item in pages:
            siblings = by_key.get(item.translation_key, [])
            alternates = (
                [{"lang_code": o.locale.language_code, "location": o.get_full_url(self.request)} for o in siblings]
                if len(siblings) > 1
                else []
            )
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates})
        lastmods = {url.get("lastmod") for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def sitemap(request):
    return wagtail_sitemap(request, {"pages": TranslatedSitemap(request)})
