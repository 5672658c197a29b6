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


def test_a_listing_partly_cached_is_byte_for_byte_the_rendered_one(client, make_review, themes, settings):
    reviews = [make_review(f"Child {name}", learning=[("Sleep", [themes["safe-sleep"]])]) for name in "ABCD"]
    # Text the encoder must escape the same way inside and outside the cache.
    reviews[1].summary = "Zoë’s family \u2028 moved “twice” <b>&</b> \\ /"
    reviews[1].save_revision().publish()
    settings.SSCP_FRAGMENT_CACHE = False
    rendered = client.get("/api/v2/pages/", LISTING)
    indented = client.get("/api/v2/pages/", LISTING, HTTP_ACCEPT="application/json; indent=2")
    settings.SSCP_FRAGMENT_CACHE = True
    cache.clear()
    client.get("/api/v2/pages/", {**LISTING, "limit": 2})  # the first two cached, the others not
    mixed = client.get("/api/v2/pages/", LISTING)
    assert mixed.content == rendered.content
    assert mixed["ETag"] == rendered["ETag"]
    assert "\\u2028" in mixed.content.decode() and "Zoë" in mixed.content.decode()
    assert client.get("/api/v2/pages/", LISTING, HTTP_ACCEPT="application/json; indent=2").content == indented.content
    assert b'\n  "meta"' in indented.content


def test_the_total_follows_publishing_with_the_cache_on(client, make_review, fragment_cache):
    make_review("Child A")
    assert client.get("/api/v2/pages/", LISTING).json()["meta"]["total_count"] == 1
    second = make_review("Child B")
    response = client.get("/api/v2/pages/", LISTING).json()
    assert response["meta"]["total_count"] == 2
    assert [item["title"] for item in response["items"]] == ["Child A", "Child B"]
    second.unpublish()
    response = client.get("/api/v2/pages/", LISTING).json()
    assert response["meta"]["total_count"] == 1
    assert [item["title"] for item in response["items"]] == ["Child A"]


def test_a_review_made_private_or_edited_after_it_was_cached_never_shows(client, make_review, fragment_cache):
    from wagtail.models import PageViewRestriction

    kept = make_review("Child A")
    hidden = make_review("Child B")
    for url in ("/api/v2/pages/", f"/api/v2/pages/{kept.pk}/", f"/api/v2/pages/{hidden.pk}/"):
        client.get(url, LISTING if url == "/api/v2/pages/" else {})
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    kept.title = "Child A (draft title)"
    kept.save_revision()  # a draft: the live page is unchanged
    listing = client.get("/api/v2/pages/", LISTING).json()
    assert [item["title"] for item in listing["items"]] == ["Child A"]
    assert listing["meta"]["total_count"] == 1
    assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{kept.pk}/").json()["title"] == "Child A"


def test_bad_fields_are_a_400_every_time_and_good_ones_keep_their_shape(client, make_review):
    review = make_review("Child A")
    for _ in range(2):  # the second request would find any serializer wrongly kept
        response = client.get("/api/v2/pages/", {**LISTING, "fields": "nonsense"})
        assert response.status_code == 400
        assert response.json() == {"message": "unknown fields: nonsense"}
    listing = client.get("/api/v2/pages/", {**LISTING, "fields": "summary"}).json()["items"][0]
    assert listing["summary"] == review.summary and "learning" not in listing
    detail = client.get(f"/api/v2/pages/{review.pk}/", {"fields": "-summary"}).json()
    assert "summary" not in detail and "learning" in detail
    assert "summary" in client.get(f"/api/v2/pages/{review.pk}/").json()
