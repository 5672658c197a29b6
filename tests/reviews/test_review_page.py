"""What a reader sees on a review page, and its structured data."""

import datetime as dt
import json

import pytest
from wagtail.models import PageViewRestriction

from home.factories import DocumentFactory
from reviews.models import RelatedReview
from tests.conftest import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(make_review, themes):
    report = DocumentFactory(title="Baby M full report")
    review = make_review(
        "Baby M",
        publication_date=dt.date(2019, 7, 1),
        incident_year=2017,
        reviewer="An independent reviewer",
        summary="A baby with complex health needs. </script><script>alert(1)</script>",
        learning=[("Alcohol and Safe Sleep", [themes["safe-sleep"]])],
    )
    review.how_reviewed = "<p>Conducted by an independent reviewer.</p>"
    review.recommendations = [
        {
            "type": "recommendation",
            "value": {
                "text": "Review safe sleep advice.",
                "agency": "Health",
                "status": "complete",
                "status_date": "2020-01-31",
                "status_note": "Leaflet published.",
            },
        },
        {
            "type": "recommendation",
            "value": {
                "text": "Share discharge plans.",
                "agency": "",
                "status": "",
                "status_date": None,
                "status_note": "",
            },
        },
    ]
    review.documents = [{"type": "document", "value": {"kind": "full_report", "document": report.pk, "title": ""}}]
    review.save_revision().publish()
    return review


def test_shows_every_part_of_the_review_in_order(client, review):
    page = soup(client.get(review.url))
    assert [h.get_text() for h in page.select("main h1, main h2, main h3")] == [
        "Baby M",
        "How did we review?",
        "What did we learn?",
        "Alcohol and Safe Sleep",
        "Recommendations",
        "Read the review",
    ]
    facts = page.select_one(".review__facts").get_text(" ", strip=True)
    assert facts == "Published 1 July 2019 Year of incident 2017 Reviewer An independent reviewer"
    assert page.select_one(".review__type").get_text() == "Serious Case Review"
    recommendations = page.select("ol.recommendations > li")
    assert len(recommendations) == 2
    assert "Complete" in recommendations[0].get_text() and "31 January 2020" in recommendations[0].get_text()
    assert recommendations[1].select_one(".status-tag") is None
    theme_link = page.select_one(".learning-theme__themes a")
    assert (theme_link.get_text(), theme_link["href"]) == ("Safe sleep", "/serious-case-reviews/themes/safe-sleep/")
    assert page.find("a", string="Baby M full report").find_next_sibling("span").get_text().startswith("(PDF, ")


def test_structured_data_is_a_report_and_cannot_break_out_of_its_script(client, review):
    html = client.get(review.url).content.decode()
    assert "</script><script>alert(1)" not in html
    data = json.loads(soup(client.get(review.url)).find("script", type="application/ld+json").string)
    assert data["@type"] == "Report"
    assert data["headline"] == "Baby M"
    assert data["datePublished"] == "2019-07-01"
    assert data["description"].endswith("</script><script>alert(1)</script>")
    assert data["about"] == [{"@type": "Thing", "name": "Safe sleep"}]
    assert data["author"] == {"@type": "Person", "name": "An independent reviewer"}
    assert data["url"].endswith("/serious-case-reviews/baby-m/")


def test_related_reviews_show_only_live_public_reviews(client, review, make_review):
    live = make_review("Child E")
    draft = make_review("Draft child", publish=False)
    private = make_review("Private child")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for related in (draft, live, private):
        RelatedReview.objects.create(page=review, review=related)
    related = [a.get_text() for a in soup(client.get(review.url)).select("#related + ul a")]
    assert related == ["Child E"]


def test_a_draft_review_is_not_served(client, make_review):
    draft = make_review("Unpublished child", publish=False)
    assert client.get("/serious-case-reviews/unpublished-child/").status_code == 404
    assert draft.live is False
