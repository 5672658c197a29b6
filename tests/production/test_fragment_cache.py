"""Cached parts of pages ({% contentcache %}) are never older than the page cache would be."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews.models import RelatedReview
from sscp_wagtail.learning.models import LearningTheme
from tests.conftest import page_at, soup, visible_text

pytestmark = pytest.mark.django_db
REVIEW = "/serious-case-reviews/baby-m/"
INDEX = "/serious-case-reviews/"


def publish(page, **changes):
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()


def queries(client, path: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured), response.content


def test_a_review_is_rendered_once_and_then_served_from_its_parts(client, demo, fragment_cache, settings):
    settings.SSCP_FRAGMENT_CACHE = False
    uncached_count, uncached = queries(client, REVIEW)
    settings.SSCP_FRAGMENT_CACHE = True
    first_count, first = queries(client, REVIEW)
    second_count, second = queries(client, REVIEW)
    assert uncached == first == second
    # Left on a hit: the site, the active locale, the home page, the pages on the way,
    # the review, and the view restrictions on it and its ancestors.
    assert second_count < uncached_count
    assert second_count == 6


def related(client) -> list[str]:
    return [link.get_text() for link in soup(client.get(REVIEW)).select("[aria-labelledby=related] a")]


def test_publishing_a_related_review_shows_on_the_review_at_once(client, demo, fragment_cache):
    review, other = page_at(REVIEW), page_at("/serious-case-reviews/jaiden/")
    RelatedReview.objects.create(page=review, review=other)
    publish(review)
    assert related(client) == ["Jaiden"]
    publish(other, title="Jaiden (renamed)")
    assert related(client) == ["Jaiden (renamed)"]
    other.unpublish()
    assert related(client) == []


def test_renaming_a_learning_theme_shows_on_the_review_at_once(client, demo, fragment_cache):
    theme = LearningTheme.objects.get(slug="safe-sleep")
    client.get(REVIEW)
    theme.name = "Safer sleeping"
    theme.save_revision().publish()
    assert "Safer sleeping" in visible_text(client.get(REVIEW))


def test_a_preview_shows_the_draft_even_when_the_live_review_is_cached(client, demo, fragment_cache):
    client.get(REVIEW)
    page = page_at(REVIEW)
    page.summary = "A draft summary nobody has approved."
    draft = page.save_revision().as_object()
    request = draft.make_preview_request()
    assert "A draft summary nobody has approved." in request.content.decode()
    assert "A draft summary nobody has approved." not in client.get(REVIEW).content.decode()


def test_each_theme_page_keeps_its_own_breadcrumbs(client, demo, fragment_cache):
    index = page_at(INDEX)
    for slug in ("safe-sleep", "information-sharing"):
        theme = LearningTheme.objects.get(slug=slug)
        for _ in range(2):
            crumbs = soup(client.get(index.theme_url(slug))).select_one("nav.breadcrumbs, [aria-label=Breadcrumb]")
            assert theme.name in crumbs.get_text()


def test_off_by_default_without_a_shared_cache(client, demo):
    client.get(REVIEW)
    first, _ = queries(client, REVIEW)
    second, _ = queries(client, REVIEW)
    assert first == second > 6


def test_a_review_that_moves_or_is_unpublished_is_routed_afresh(client, demo, fragment_cache):
    assert client.get(REVIEW).status_code == 200
    page = page_at(REVIEW)
    publish(page, slug="baby-m-renamed")
    assert client.get(REVIEW).status_code == 404
    assert client.get("/serious-case-reviews/baby-m-renamed/").status_code == 200
    page.unpublish()
    assert client.get("/serious-case-reviews/baby-m-renamed/").status_code == 404


def test_theme_pages_still_route_under_the_index(client, demo, fragment_cache):
    index = page_at(INDEX)
    for _ in range(2):
        assert client.get(index.theme_url("safe-sleep")).status_code == 200
        assert client.get(index.theme_url("no-such-theme")).status_code == 404


def test_the_index_counts_follow_each_publish(client, demo, fragment_cache):
    from reviews.factories import ReviewPageFactory

    def counted():
        return soup(client.get(INDEX)).select_one(".review-list__count").get_text(strip=True)

    before = counted()
    assert counted() == before  # served from the cache the second time
    review = ReviewPageFactory(parent=page_at(INDEX), title="A newly published review", live=False)
    review.save_revision().publish()
    after = counted()
    assert after != before
    assert int(after.split()[0]) == int(before.split()[0]) + 1
    review.refresh_from_db()
    review.unpublish()
    assert counted() == before
