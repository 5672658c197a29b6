"""The OpenAPI document at /api/v2/openapi.json describes what the API really returns.

Real responses on the demo content are validated against the document's
schemas (OpenAPI 3.1 schemas are JSON Schema 2020-12), so a change of shape
that the document does not follow fails here.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from sscp_wagtail.api.openapi import openapi_document
from sscp_wagtail.api.router import api_router
from tests.conftest import page_at

pytestmark = pytest.mark.django_db

DOCUMENT_URI = "urn:sscp:openapi"


def validate(data, schema_name: str) -> None:
    document = openapi_document()
    registry = Registry().with_resource(DOCUMENT_URI, Resource.from_contents(document, DRAFT202012))
    schema = {"$ref": f"{DOCUMENT_URI}#/components/schemas/{schema_name}"}
    errors = sorted(Draft202012Validator(schema, registry=registry).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message[:300]}" for e in errors[:5])


def get(client, url, **query):
    response = client.get(url, query)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_document_is_served_and_names_every_endpoint(client):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    for name in api_router._endpoints:
        assert f"/api/v2/{name}/" in document["paths"], name
        assert f"/api/v2/{name}/{{id}}/" in document["paths"], name
    for path in ("/api/v2/preview/", "/api/v2/preview/link/{page_id}/", "/api/v2/forms/{page_id}/submissions/"):
        assert path in document["paths"]
    Draft202012Validator.check_schema({"$defs": document["components"]["schemas"]})


def test_listings_match_the_document(client, demo):
    validate(get(client, "/api/v2/pages/"), "PageListing")
    validate(get(client, "/api/v2/pages/", type="reviews.ReviewPage", fields="*"), "ReviewListing")
    validate(get(client, "/api/v2/themes/"), "ThemeListing")
    validate(get(client, "/api/v2/contact-panels/"), "ContactPanelListing")
    documents = get(client, "/api/v2/documents/")
    validate(documents, "MediaListing")
    validate(get(client, f"/api/v2/documents/{documents['items'][0]['id']}/"), "MediaItem")
    validate(get(client, "/api/v2/images/"), "MediaListing")


@pytest.mark.parametrize(
    ("path", "schema"),
    [
        ("/", "HomePage"),
        ("/serious-case-reviews/", "ReviewIndexPage"),
        ("/serious-case-reviews/baby-m/", "ReviewPage"),
        ("/serious-case-reviews/7-minute-briefing-safe-sleep/", "BriefingPage"),
        ("/rapid-review-process/", "StandardPage"),
        ("/case-review-referral/", "PageDetail"),
    ],
)
def test_every_page_type_matches_the_document(client, demo, path, schema):
    body = get(client, f"/api/v2/pages/{page_at(path).pk}/")
    validate(body, schema)
    validate(body, "PageDetail")


def test_themes_panels_errors_and_preview_match_the_document(client, demo, django_user_model):
    theme = get(client, "/api/v2/themes/")["items"][0]
    validate(get(client, f"/api/v2/themes/{theme['id']}/"), "Theme")
    panel = get(client, "/api/v2/contact-panels/")["items"][0]
    validate(get(client, f"/api/v2/contact-panels/{panel['id']}/", at="2026-12-26T10:00:00Z"), "ContactPanel")
    validate(client.get("/api/v2/pages/", {"limit": "x"}).json(), "Error")
    validate(client.get("/api/v2/pages/999999/").json(), "Error")

    editor = django_user_model.objects.create_user("editor-a", "e@example.org", "pw-123456789")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    review = page_at("/serious-case-reviews/baby-m/")
    link = get(client, f"/api/v2/preview/link/{review.pk}/")
    validate(link, "PreviewLink")
    client.logout()
    draft = get(client, "/api/v2/preview/", content_type=link["content_type"], token=link["token"])
    validate(draft, "ReviewPage")
    validate(client.get("/api/v2/preview/", {"content_type": link["content_type"]}).json(), "Error")


def test_the_schemas_reject_a_changed_shape():
    review_link = {"id": 1, "title": "Baby M", "url": "/baby-m/", "type": "reviews.ReviewPage"}
    validate(review_link, "PageLink")
    for changed in ({**review_link, "id": "1"}, {**review_link, "draft_title": "x"}, {"id": 1, "title": "Baby M"}):
        with pytest.raises(AssertionError):
            validate(changed, "PageLink")


def test_referral_submissions_match_the_document(client, settings):
    """201, 400 and 429 from the submission endpoint, as a front end receives them."""
    from tests.referrals.helpers import referral_form
    from tests.referrals.test_api import json_answers, post_json

    settings.SSCP_REFERRAL_RATE_LIMIT = 2
    page = referral_form()
    validate(get(client, f"/api/v2/pages/{page.pk}/"), "ReferralFormPage")
    created = post_json(client, page, json_answers())
    assert created.status_code == 201
    validate(created.json(), "SubmissionCreated")
    invalid = post_json(client, page, json_answers(your_email_address="not an address", childs_initials=None))
    assert invalid.status_code == 400
    validate(invalid.json(), "SubmissionErrors")
    assert set(invalid.json()["errors"]) >= {"your_email_address", "childs_initials"}
    post_json(client, page, json_answers())
    limited = post_json(client, page, json_answers())
    assert limited.status_code == 429
    validate(limited.json(), "RateLimited")
    assert int(limited["Retry-After"]) > 0
