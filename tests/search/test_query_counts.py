"""A results page costs a fixed number of queries, however many pages match.

Each test runs with a small and a larger data set and pins the same count, for
a warm process (the first request also loads content types and site roots).
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def add_reviews(make_review, themes, count):
    theme_list = list(themes.values())
    for number in range(count):
        make_review(
            f"Child {number}",
            publication_date=dt.date(2000, 1, 1) + dt.timedelta(days=number * 40),
            review_type="rapid_review" if number % 2 else "serious_case_review",
            learning=[
                (
                    f"Sleep and learning {number}",
                    [theme_list[number % 3], theme_list[(number + 1) % 3]],
                    "<p>Practitioners should talk about safe sleep.</p>",
                )
            ],
        )
        DocumentFactory(title=f"Sleep leaflet {number}")


def warm(client, params):
    assert client.get("/search/", params).status_code == 200


# Chrome (the same for every page): site for the request, view restrictions for
# the menu's public(), menu pages.
CHROME = 3
# The match, once per request: the relevance of every match read from the search
# index (on PostgreSQL between "SET LOCAL enable_seqscan = off" and "= on", so the
# GIN index is used; outside a test's transaction Django also logs BEGIN and
# COMMIT), then the matching live, public pages of the locale that pass the
# filters, with their tier (title / theme), kind, review type and year.
MATCH = 2 if connection.vendor == "sqlite" else 4
# Search: 1 active locale, 2 view restrictions for the searched pages, 3 learning
# themes in the locale, then MATCH, then 4 the page of results (summary, type,
# date and index text in the same query), 5 theme counts (the matched pages by
# their reviews' or briefings' themes), 6 the review index for the "Learning
# theme: ..." link.
SEARCH = 6 + MATCH
# First page without filters: 7 editors' picks, 8 private collections, 9 documents;
# the counts by kind, review type and year come from the match's rows.
FIRST_PAGE = CHROME + SEARCH + 3
# With filters the match's rows are only those that pass, so one more query counts
# every match by kind, review type and year. Later pages cost the same.
FILTERED = CHROME + SEARCH + 1


@pytest.mark.parametrize("count", [3, 40])
def test_results_page_queries_do_not_grow(client, make_review, themes, count, django_assert_num_queries):
    add_reviews(make_review, themes, count)
    params = {"q": "sleep"}
    warm(client, params)
    with django_assert_num_queries(FIRST_PAGE):
        response = client.get("/search/", params)
    assert response.content.decode().count('class="search-result ') == min(count, 10)


@pytest.mark.parametrize("count", [3, 40])
def test_filtered_and_later_pages_cost_the_same(client, make_review, themes, count, django_assert_num_queries):
    add_reviews(make_review, themes, count)
    params = {"q": "safe sleep", "theme": "neglect", "type": "rapid_review", "kind": "review", "page": "2"}
    warm(client, params)
    with django_assert_num_queries(FILTERED):
        assert client.get("/search/", params).status_code == 200
    with django_assert_num_queries(FILTERED):
        assert client.get("/search/", {**params, "year": "2001"}).status_code == 200


def test_a_query_without_words_runs_no_search(client, home):
    warm(client, {})
    with CaptureQueriesContext(connection) as empty:
        client.get("/search/")
    with CaptureQueriesContext(connection) as wordless:
        client.get("/search/", {"q": '((( "*" )))'})
    # Only the page chrome: no locale, restrictions or search queries.
    assert len(wordless) == len(empty) <= CHROME
    assert not any("indexentry" in query["sql"] for query in wordless.captured_queries)
