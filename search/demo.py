"""Editors' picks for the demo site, made idempotently.

The demo loader calls ``ensure_search_promotions()`` after the pages exist:
the safe-sleep 7-minute briefing is promoted for "safe sleep" and "co-sleeping".
"""

from __future__ import annotations

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site

BRIEFING_PATH = "/serious-case-reviews/7-minute-briefing-safe-sleep/"
DEMO_PROMOTIONS = [
    ("safe sleep", BRIEFING_PATH, "The 7-minute briefing on safe sleep for babies."),
    ("co-sleeping", BRIEFING_PATH, "Why alcohol and sharing a bed or sofa with a baby are a deadly mix."),
]


def ensure_search_promotions() -> list[SearchPromotion]:
    """Create the demo's promotions that are missing; leaves editors' own alone. Returns those created."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return []
    created = []
    for query_string, path, description in DEMO_PROMOTIONS:
        page = Page.objects.filter(url_path=site.root_page.url_path + path.lstrip("/")).first()
        if page is None:
            continue
        query = Query.get(query_string)
        if not SearchPromotion.objects.filter(query=query, page=page).exists():
            order = SearchPromotion.objects.filter(query=query).count()
            created.append(
                SearchPromotion.objects.create(query=query, page=page, description=description, sort_order=order)
            )
    return created
