"""Every endpoint's response on the demo content, compared with checked-in JSON.

A change in the API's shape must show up as a diff of ``tests/api/golden/``.
"""

from __future__ import annotations

import pytest

from tests.conftest import page_at

from .golden import assert_matches_golden

pytestmark = pytest.mark.django_db

LISTINGS = {
    "pages": "/api/v2/pages/",
    "reviews-all-fields": "/api/v2/pages/?type=reviews.ReviewPage&fields=*",
    "reviews-safe-sleep": "/api/v2/pages/?type=reviews.ReviewPage&theme=safe-sleep&fields=review_type,themes",
    "themes": "/api/v2/themes/",
    "contact-panels": "/api/v2/contact-panels/",
    "documents": "/api/v2/documents/",
    "images": "/api/v2/images/",
}
DETAILS = {
    "home": "/",
    "review-index": "/serious-case-reviews/",
    "review-baby-m": "/serious-case-reviews/baby-m/",
    "review-national-analysis": "/serious-case-reviews/analysis-of-serious-case-reviews/",
    "briefing-safe-sleep": "/serious-case-reviews/7-minute-briefing-safe-sleep/",
    "standard-rapid-review": "/rapid-review-process/",
    "referral-form": "/case-review-referral/",
}


@pytest.mark.parametrize("name", LISTINGS)
def test_listing_matches_golden(client, demo, name):
    response = client.get(LISTINGS[name])
    assert response.status_code == 200, response.content
    assert_matches_golden(f"listing-{name}", response.json())


@pytest.mark.parametrize("name", DETAILS)
def test_page_detail_matches_golden(client, demo, name):
    response = client.get(f"/api/v2/pages/{page_at(DETAILS[name]).pk}/")
    assert response.status_code == 200, response.content
    assert_matches_golden(f"page-{name}", response.json())


def test_the_four_demo_reviews_come_with_clean_html_and_shaped_blocks(client, demo):
    body = client.get("/api/v2/pages/", {"type": "reviews.ReviewPage", "fields": "*"}).json()
    assert [item["title"] for item in body["items"]] == [
        "Baby M",
        "Child E",
        "Jaiden",
        "Analysis of serious case reviews",
    ]
    text = response_text = str(body)
    assert "linktype" not in text and "<embed" not in response_text
    baby_m = body["items"][0]
    learning = baby_m["learning"][0]["value"]
    assert learning["themes"][0] == {"id": learning["themes"][0]["id"], "name": "Safe sleep", "slug": "safe-sleep"}
    assert learning["resources"][0]["url"] == "/serious-case-reviews/7-minute-briefing-safe-sleep/"
    report = baby_m["documents"][0]["value"]
    assert (report["kind"], report["file_type"], report["url"].startswith("http")) == ("full_report", "PDF", True)
    assert report["file_size"] > 0 and report["description"].startswith("PDF, ")
