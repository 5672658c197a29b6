"""Cached review representations (SSCP_FRAGMENT_CACHE): the same bytes, never stale, never a draft."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from sscp_wagtail.api.preview import make_token

pytestmark = pytest.mark.django_db

LISTING = {"type": "reviews.ReviewPage", "fields": "*", "limit": 20}


def test_cached_answers_are_byte_for_byte_the_rendered_ones(client, make_review, themes, settings):
    review = make_review("Child A", learning=[("Sleep", [themes["safe-sleep"]])])
    detail = f"/api/v2/pages/{review.pk}/"
    settings.SSCP_FRAGMENT_CACHE = False
    rendered = [client.get("/api/v2/pages/", LISTING).content, client.get(detail).content]
    settings.SSCP_FRAGMENT_CACHE = True
    cache.clear()
    for _ in range(2):  # the first fills the cache, the second is served from it
        assert [client.get("/api/v2/pages/", LISTING).content, client.get(detail).content] == rendered


def test_publishing_shows_at_once_in_the_listing_and_detail(client, make_review, themes, fragment_cache):
    review = make_review("Child A", learning=[("Sleep", [themes["safe-sleep"]])])
    client.get("/api/v2/pages/", LISTING)
    client.get(f"/api/v2/pages/{review.pk}/")
    review.summary = "A new summary."
    review.save_revision().publish()
    assert client.get("/api/v2/pages/", LISTING).json()["items"][0]["summary"] == "A new summary."
    assert client.get(f"/api/v2/pages/{review.pk}/").json()["summary"] == "A new summary."


def test_renaming_a_theme_shows_at_once(client, make_review, themes, fragment_cache):
    review = make_review("Child A", learning=[("Sleep", [themes["safe-sleep"]])])
    client.get(f"/api/v2/pages/{review.pk}/")
    theme = themes["safe-sleep"]
    theme.name = "Safer sleeping"
    theme.save_revision().publish()
    assert [t["name"] for t in client.get(f"/api/v2/pages/{review.pk}/").json()["themes"]] == ["Safer sleeping"]


def test_a_preview_is_never_served_from_or_stored_in_the_cache(client, make_review, fragment_cache, django_user_model):
    review = make_review("Baby M")
    assert client.get(f"/api/v2/pages/{review.pk}/").json()["title"] == "Baby M"
    review.title = "Baby M (awaiting approval)"
    review.save_revision()
    moderator = django_user_model.objects.create_user("moderator-a", "m@example.org", "pw-123456789")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    token = make_token(review, moderator)
    preview = client.get("/api/v2/preview/", {"content_type": "reviews.reviewpage", "token": token})
    assert preview.status_code == 200, preview.content
    assert preview.json()["title"] == "Baby M (awaiting approval)"
    assert client.get(f"/api/v2/pages/{review.pk}/").json()["title"] == "Baby M"
