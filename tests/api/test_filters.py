"""Review filters, search, locale, ordering and paging; bad values are a 400 with a message, never a 500."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import titles

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"
REVIEWS = {"type": "reviews.ReviewPage"}


@pytest.fixture
def reviews(make_review, themes):
    return [
        make_review("Baby M", review_type="serious_case_review", publication_date=dt.date(2019, 6, 1),
                    learning=[("Sleep", [themes["safe-sleep"]])]),
        make_review("Child E", review_type="serious_case_review", publication_date=dt.date(2019, 11, 1),
                    learning=[("Neglect", [themes["neglect"]])]),
        make_review("Jaiden", review_type="practice_review", publication_date=dt.date(2021, 3, 1),
                    learning=[("Sleep", [themes["safe-sleep"], themes["neglect"]])]),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"review_type": "serious_case_review"}, ["Baby M", "Child E"]),
        ({"review_type": "practice_review"}, ["Jaiden"]),
        ({"theme": "safe-sleep"}, ["Baby M", "Jaiden"]),
        ({"theme": "neglect", "year": "2021"}, ["Jaiden"]),
        ({"year": "2019"}, ["Baby M", "Child E"]),
        ({"year": "2020"}, []),
        ({"order": "-publication_date"}, ["Jaiden", "Child E", "Baby M"]),
        ({"order": "review_type"}, ["Jaiden", "Baby M", "Child E"]),
        ({"theme": "safe-sleep", "search": "Jaiden"}, ["Jaiden"]),
        ({"locale": "en-gb", "review_type": "practice_review"}, ["Jaiden"]),
    ],
)
def test_review_filters(client, reviews, query, expected):
    assert titles(client.get(PAGES, {**REVIEWS, **query})) == expected


def test_equal_values_keep_a_stable_order_across_pages(client, make_review):
    made = [make_review(f"Review {n}", publication_date=dt.date(2020, 1, 1)) for n in range(6)]
    seen = []
    for offset in range(0, 6, 2):
        seen += titles(client.get(PAGES, {**REVIEWS, "order": "publication_date", "limit": 2, "offset": offset}))
    assert seen == [review.title for review in made]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({**REVIEWS, "review_type": "murder"}, "review_type must be one of"),
        ({**REVIEWS, "theme": "no-such-theme"}, "theme must be the slug of a published learning theme"),
        ({**REVIEWS, "year": "twenty"}, "year must be a year between 1900 and 2100"),
        ({**REVIEWS, "year": "99999999999999999999"}, "year must be a year"),
        ({"theme": "safe-sleep"}, "theme filters need type=reviews.ReviewPage"),
        ({**REVIEWS, "publication_date": "yesterday"}, ""),
        ({**REVIEWS, "incident_year": "abc"}, "field filter error"),
        ({"limit": "-1"}, "limit must be a positive integer"),
        ({"limit": "lots"}, "limit must be a positive integer"),
        ({"limit": "51"}, "limit cannot be higher than 50"),
        ({"offset": "-5"}, "offset must be a positive integer"),
        ({"type": "reviews.NoSuchPage"}, "type doesn't exist"),
        ({"type": "auth.User"}, "type doesn't exist"),
        ({"child_of": "abc"}, "child_of must be a positive integer"),
        ({"descendant_of": "-3"}, "descendant_of must be a positive integer"),
        ({"order": "password"}, "cannot order by"),
        ({"fields": "title,,"}, "fields error"),
        ({"fields": "to_address"}, "unknown fields"),
        ({"rich_text_format": "pdf"}, "rich_text_format must be one of"),
        ({"colour": "red"}, "query parameter is not an operation or a recognised field"),
        ({**REVIEWS, "title": "a\x00b"}, "null characters"),
    ],
)
def test_bad_values_are_a_400_with_a_message(client, reviews, query, message):
    response = client.get(PAGES, query)
    assert response.status_code == 400, response.content
    assert message in response.json()["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/find/?id=abc",
        "/api/v2/pages/find/?html_path=%00",
        "/api/v2/themes/?limit=x",
        "/api/v2/themes/?name=a%00",
        "/api/v2/documents/?offset=-1",
        "/api/v2/images/?limit=1000",
        "/api/v2/contact-panels/?locale=xx&limit=0",
    ],
)
def test_other_endpoints_refuse_bad_values_without_a_500(client, reviews, url):
    assert client.get(url).status_code in (400, 404)


def test_the_limit_is_capped_and_the_cap_is_served(client, make_review):
    for n in range(3):
        make_review(f"Review {n}")
    assert len(titles(client.get(PAGES, {**REVIEWS, "limit": 50}))) == 3
    assert len(titles(client.get(PAGES, {**REVIEWS, "limit": 2}))) == 2
