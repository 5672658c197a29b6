"""A listing costs the same number of queries for 3 reviews as for a full page
of 20 (out of 60), and a review's detail the same however much it holds."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

LISTING = {"type": "reviews.ReviewPage", "fields": "*", "limit": 20}


def count(client, url, query=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, query or {})
    assert response.status_code == 200, response.content
    return len(queries)


def build(make_review, themes, n: int, prefix: str):
    reviews = []
    for i in range(n):
        review = make_review(
            f"{prefix} {i}",
            learning=[("Sleep", [themes["safe-sleep"], themes["neglect"]]), ("Abuse", [themes["domestic-abuse"]])],
        )
        reviews.append(review)
    for review in reviews[1:3]:
        review.related_reviews.create(review=reviews[0])
        review.save_revision().publish()
    return reviews


# Pinned so that a new per-item query (or a saved one) is a deliberate change.
# Listing: view restrictions (Wagtail's public pages, and .public(), read once per
# request: the base queryset is built once where Wagtail asks for it three times), the site
# and its root page, the count, the page of reviews; links in rich text
# (page types, specific pages, documents: one query each for all reviews);
# themes and related reviews with their pages (prefetch); the blocks' themes,
# resource pages and documents (one query per block kind for all reviews);
# restricted paths for related reviews; and the restriction checks of the
# learning resources' pages.
LISTING_QUERIES = 16
# Detail: the same, for one page, plus its parent and its translations.
DETAIL_QUERIES = 20


def test_review_listing_costs_the_same_for_3_and_60_reviews(client, make_review, themes):
    build(make_review, themes, 3, "Small")
    client.get("/api/v2/pages/", LISTING)  # warm the site-root-paths cache like a running server
    small = count(client, "/api/v2/pages/", LISTING)
    build(make_review, themes, 57, "Large")
    client.get("/api/v2/pages/", LISTING)
    large = count(client, "/api/v2/pages/", LISTING)
    assert small == large == LISTING_QUERIES, (small, large)


def test_review_detail_costs_the_same_however_much_it_holds(client, make_review, themes):
    reviews = build(make_review, themes, 4, "Review")
    small = make_review("Small", learning=[("Sleep", [themes["safe-sleep"]])])
    small.related_reviews.create(review=reviews[0])
    small.save_revision().publish()
    client.get(f"/api/v2/pages/{small.pk}/")
    few = count(client, f"/api/v2/pages/{small.pk}/")
    big = reviews[1]
    for other in reviews[2:]:
        big.related_reviews.create(review=other)
    big.learning = list(big.learning.raw_data) * 5
    big.save_revision().publish()
    client.get(f"/api/v2/pages/{big.pk}/")  # publishing cleared the site-root-paths cache; refill it
    many = count(client, f"/api/v2/pages/{big.pk}/")
    assert few == many == DETAIL_QUERIES, (few, many)


def test_themes_listing_costs_the_same_for_few_and_many_reviews(client, make_review, themes):
    build(make_review, themes, 2, "Small")
    client.get("/api/v2/themes/")
    few = count(client, "/api/v2/themes/")
    build(make_review, themes, 30, "Large")
    assert count(client, "/api/v2/themes/") == few


# With the content cache on (SSCP_FRAGMENT_CACHE), every review cached: view
# restrictions (Wagtail's public pages), the site and its root's translations,
# view restrictions again (.public()), then the page's ids and live revisions.
# The total is kept with the representations; no review row is loaded, nothing
# per review, nothing for its blocks.
CACHED_LISTING_QUERIES = 5
# No review cached: the same five, the reviews not in the cache (one query for
# all of them), then what an uncached listing loads for them: links in rich
# text, themes and related reviews, the blocks' themes, pages and documents,
# restricted paths and the resources' restriction checks. The same with some
# cached: only the reviews missing are loaded.
MISSED_LISTING_QUERIES = 16


def cached_listing_counts(client, half: int) -> tuple[int, int, int]:
    """Queries for a listing with no review cached, with every review cached, and
    with the first ``half`` cached (a listing of ``half`` asked for before it)."""
    from django.core.cache import cache

    # A listing without fields=*: the site's root paths and the total are kept,
    # as in a running server, but no representation with every field.
    cache.clear()
    client.get("/api/v2/pages/", {**LISTING, "fields": "title"})
    missed = count(client, "/api/v2/pages/", LISTING)
    hit = count(client, "/api/v2/pages/", LISTING)
    cache.clear()
    client.get("/api/v2/pages/", {**LISTING, "fields": "title"})
    client.get("/api/v2/pages/", {**LISTING, "limit": half})
    mixed = count(client, "/api/v2/pages/", LISTING)
    return missed, hit, mixed


def test_a_cached_listing_costs_the_same_for_3_and_60_reviews(client, make_review, themes, fragment_cache):
    # The reviews missing in the mixed case include ones with related reviews, as with nothing cached.
    build(make_review, themes, 3, "Small")
    small = cached_listing_counts(client, half=1)
    build(make_review, themes, 57, "Large")
    large = cached_listing_counts(client, half=3)
    expected = (MISSED_LISTING_QUERIES, CACHED_LISTING_QUERIES, MISSED_LISTING_QUERIES)
    assert small == large == expected, (small, large)


# A cached detail: view restrictions, the site and its root's translations, view
# restrictions again, and the page's generic row; its own row is never loaded.
CACHED_DETAIL_QUERIES = 5


def test_a_cached_detail_costs_the_same_however_much_it_holds(client, make_review, themes, fragment_cache):
    reviews = build(make_review, themes, 4, "Review")
    big = reviews[1]
    for other in reviews[2:]:
        big.related_reviews.create(review=other)
    big.learning = list(big.learning.raw_data) * 5
    big.save_revision().publish()
    small = make_review("Small", learning=[("Sleep", [themes["safe-sleep"]])])
    for page in (small, big):
        client.get(f"/api/v2/pages/{page.pk}/")
    assert (
        count(client, f"/api/v2/pages/{small.pk}/")
        == count(client, f"/api/v2/pages/{big.pk}/")
        == (CACHED_DETAIL_QUERIES)
    )
