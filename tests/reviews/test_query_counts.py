"""Review pages cost a fixed number of queries, however much content there is.

Each test renders with a small and a large data set and pins the same count.
"""

import datetime as dt

import pytest

from home.factories import DocumentFactory
from reviews.models import RelatedReview

pytestmark = pytest.mark.django_db


def add_reviews(make_review, themes, count):
    theme_list = list(themes.values())
    for number in range(count):
        make_review(
            f"Child {number}",
            publication_date=dt.date(2000, 1, 1) + dt.timedelta(days=number * 30),
            learning=[(f"Learning {number}", [theme_list[number % 3], theme_list[(number + 1) % 3]])],
        )


def warm(client, url):
    assert client.get(url).status_code == 200


# 1 site, 2 locale, 3 home page, 4 the pages on the way (one query: routing,
# breadcrumbs and the privacy check read them), 5 the index's specific row, 6 the
# view restrictions (once: the page's check, the menu's and the reviews' public()),
# 7 menu pages, 8 the index's summary rows (the paginator's count and every filter
# count), 9 the page of reviews, 10 their themes, 11 the page's published translations
INDEX_QUERIES = 11


@pytest.mark.parametrize("count", [3, 60])
def test_index_queries_do_not_grow_with_reviews(client, index, make_review, themes, count, django_assert_num_queries):
    add_reviews(make_review, themes, count)
    warm(client, index.url)
    with django_assert_num_queries(INDEX_QUERIES):
        client.get(index.url)
    with django_assert_num_queries(INDEX_QUERIES):
        client.get(index.url, {"theme": "safe-sleep", "type": "serious_case_review"})


# 1 site, 2 locale, 3 home page, 4 the pages on the way, 5 the index's specific
# row, 6 the view restrictions (page, menu and reviews), 7 menu, 8 the theme, 9
# the index's summary rows (the count for the paginator), 10 one page of reviews
# with the theme (learning read from their data), 11 the index page's published translations
THEME_QUERIES = 11


@pytest.mark.parametrize("count", [3, 60])
def test_theme_page_queries_do_not_grow_with_reviews(
    client, index, make_review, themes, count, django_assert_num_queries
):
    add_reviews(make_review, themes, count)
    url = f"{index.url}themes/safe-sleep/"
    warm(client, url)
    with django_assert_num_queries(THEME_QUERIES):
        response = client.get(url)
    with_theme = sum(1 for n in range(count) if 0 in (n % 3, (n + 1) % 3))
    assert response.content.decode().count('class="learning-theme"') == min(with_theme, 10)
    # Every piece of learning is on one of the pages, ten reviews to a page.
    pages = -(-with_theme // 10)
    shown = sum(
        client.get(url, {"page": number}).content.decode().count('class="learning-theme"')
        for number in range(1, pages + 1)
    )
    assert shown == with_theme


# 1 site, 2 locale, 3 home page, 4 the pages on the way (the index's row gives
# the theme links' address), 5 the review's specific row with its locale (for
# structured data), 6 the view restrictions (the page's check, the menu's and the
# related reviews' public()), 7 menu, 8 related review links, 9 the related
# reviews, 10 the learning blocks' themes, 11 their resource documents, 12 the
# review's documents, 13 the page's published translations
REVIEW_QUERIES = 13


@pytest.mark.parametrize("count", [1, 12])
def test_review_page_queries_do_not_grow_with_its_content(
    client, make_review, themes, count, django_assert_num_queries
):
    theme_list = list(themes.values())
    review = make_review("Baby M", learning=[(f"Theme {n}", [theme_list[n % 3]]) for n in range(count)])
    documents = [DocumentFactory(title=f"Report {n}") for n in range(count)]
    for number, block in enumerate(review.learning):
        block.value["resources"] = [{"title": "", "page": None, "document": documents[number], "external_url": ""}]
    review.recommendations = [
        {
            "type": "recommendation",
            "value": {
                "text": f"Recommendation {n}",
                "agency": "",
                "status": "complete",
                "status_date": None,
                "status_note": "",
            },
        }
        for n in range(count)
    ]
    review.documents = [
        {"type": "document", "value": {"kind": "other", "document": d.pk, "title": ""}} for d in documents
    ]
    review.save_revision().publish()
    for n in range(count):
        RelatedReview.objects.create(page=review, review=make_review(f"Related {n}"))
    warm(client, review.url)
    with django_assert_num_queries(REVIEW_QUERIES):
        response = client.get(review.url)
    assert response.content.decode().count('<li class="recommendation">') == count
