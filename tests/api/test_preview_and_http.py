"""Headless preview by signed token, CORS for configured origins only, and caching headers."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group

from sscp_wagtail.api.preview import make_token

pytestmark = pytest.mark.django_db

PREVIEW = "/api/v2/preview/"


@pytest.fixture
def draft(make_review):
    review = make_review("Baby M")
    review.title = "Baby M (changes awaiting approval)"
    review.summary = "A summary nobody has approved yet."
    review.save_revision()
    return review


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderator-a", "m@example.org", "pw-123456789")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def link(client, page) -> dict:
    response = client.get(f"/api/v2/preview/link/{page.pk}/")
    assert response.status_code == 200, response.content
    assert "no-store" in response["Cache-Control"]
    return response.json()


def test_an_approver_previews_the_draft_through_a_token(client, draft, moderator):
    client.force_login(moderator)
    data = link(client, draft)
    client.logout()  # the front end has no admin session: the token alone opens the draft
    query = parse_qs(urlsplit(data["preview_url"]).query)
    assert query == {"content_type": ["reviews.reviewpage"], "token": [data["token"]]}
    response = client.get(PREVIEW, {"content_type": "reviews.reviewpage", "token": data["token"]})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["id"], body["title"], body["summary"]) == (
        draft.pk,
        "Baby M (changes awaiting approval)",
        "A summary nobody has approved yet.",
    )
    assert body["recommendations"][0]["value"]["status_label"] == "In progress"
    assert "no-store" in response["Cache-Control"] and "ETag" not in response
    # The public endpoints still serve the published version.
    assert client.get(f"/api/v2/pages/{draft.pk}/").json()["title"] == "Baby M"


def test_a_never_published_page_is_previewable_but_not_public(client, make_review, moderator):
    page = make_review("New review", publish=False)
    client.force_login(moderator)
    token = link(client, page)["token"]
    assert client.get(PREVIEW, {"content_type": "reviews.reviewpage", "token": token}).json()["title"] == "New review"
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_the_front_end_address_is_given_and_followed(client, draft, moderator, settings):
    settings.SSCP_API_PREVIEW_FRONTEND_URL = "https://front.example.org/preview"
    client.force_login(moderator)
    assert link(client, draft)["frontend_url"].startswith("https://front.example.org/preview?content_type=")
    response = client.get(f"/api/v2/preview/link/{draft.pk}/", {"redirect": "1"})
    assert response.status_code == 302 and response["Location"].startswith("https://front.example.org/preview?")


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({}, 400),
        ({"content_type": "reviews.reviewpage"}, 400),
        ({"token": "x"}, 400),
        ({"content_type": "reviews.reviewpage", "token": "not-a-token"}, 403),
        ({"content_type": "home.standardpage", "token": None}, 400),
    ],
)
def test_no_valid_token_no_draft(client, draft, moderator, query, status):
    query = {key: make_token(draft, moderator) if value is None else value for key, value in query.items()}
    response = client.get(PREVIEW, query)
    assert response.status_code == status
    assert "Baby M (changes" not in response.content.decode()


def test_an_expired_token_is_refused(client, draft, moderator, settings):
    token = make_token(draft, moderator)
    settings.SSCP_API_PREVIEW_MAX_AGE = 1
    time.sleep(2.1)
    response = client.get(PREVIEW, {"content_type": "reviews.reviewpage", "token": token})
    assert response.status_code == 403 and "expired" in response.json()["message"]


def test_a_token_stops_working_when_the_user_loses_permission(client, draft, moderator):
    token = make_token(draft, moderator)
    moderator.groups.clear()
    response = client.get(PREVIEW, {"content_type": "reviews.reviewpage", "token": token})
    assert response.status_code == 403


def test_only_editors_and_approvers_get_a_token(client, draft, django_user_model):
    assert client.get(f"/api/v2/preview/link/{draft.pk}/").status_code == 403
    outsider = django_user_model.objects.create_user("safeguarding-a", "s@example.org", "pw-123456789")
    outsider.groups.add(Group.objects.get(name="Safeguarding Unit"))
    client.force_login(outsider)
    response = client.get(f"/api/v2/preview/link/{draft.pk}/")
    assert response.status_code == 403 and "token" not in response.json()


def test_public_gets_carry_an_etag_and_a_max_age(client, make_review):
    make_review("Baby M")
    response = client.get("/api/v2/pages/")
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=60"}
    assert "Cookie" not in response.get("Vary", "")
    again = client.get("/api/v2/pages/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_cors_only_for_configured_origins_and_only_on_the_api(client, make_review, settings):
    make_review("Baby M")
    origin = "https://front.example.org"
    assert "access-control-allow-origin" not in client.get("/api/v2/pages/", HTTP_ORIGIN=origin)
    settings.CORS_ALLOWED_ORIGINS = [origin]
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=origin)
    assert response["access-control-allow-origin"] == origin
    assert "access-control-allow-origin" not in client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
    assert "access-control-allow-origin" not in client.get("/serious-case-reviews/", HTTP_ORIGIN=origin)
    preflight = client.options("/api/v2/pages/", HTTP_ORIGIN=origin, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight["access-control-allow-origin"] == origin


def test_the_admin_offers_a_front_end_preview_when_one_is_configured(client, draft, moderator, settings):
    edit = f"/admin/pages/{draft.pk}/edit/"
    client.force_login(moderator)
    assert f"/api/v2/preview/link/{draft.pk}/" not in client.get(edit).content.decode()
    settings.SSCP_API_PREVIEW_FRONTEND_URL = "https://front.example.org/preview"
    html = client.get(edit).content.decode()
    assert f"/api/v2/preview/link/{draft.pk}/?redirect=1" in html
    assert "Preview in the front end" in html
