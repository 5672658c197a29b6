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
# Search: 1 active locale, 2 view restrictions for the searched pages, 3 learning
# themes in the locale, then the match, then the page of results (summary, type,
# date and index text in one query) and the review index for the "Learning
# theme: ..." link.
if connection.vendor == "postgresql":
    # The match is one statement (counts by kind, review type, year and theme, and
    # the ids of the page shown) between turning sequential scans and JIT off and
    # back on, so the GIN index is used. Outside a test's transaction Django also
    # logs BEGIN and COMMIT.
    MATCH = 3
    # The filtered counts come from the same statement.
    FILTERS = 0
else:
    # The match is one statement, as on PostgreSQL: counts by kind, review type,
    # year and theme, and the ids of the page shown (with their bm25() relevance
    # when at most RELEVANCE_LIMIT pages pass the filters).
    MATCH = 1
    # The filtered counts come from the same statement.
    FILTERS = 0
SEARCH = 3 + MATCH + 2
# First page without filters: editors' picks, private collections, documents.
FIRST_PAGE = CHROME + SEARCH + 3
# Filtered pages and later pages show no picks or documents.
FILTERED = CHROME + SEARCH + FILTERS


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


WRITES = ("INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "TRUNCATE")


def test_no_search_writes_to_the_database(client, make_review, themes):
    """A public GET only reads: no query log (off by default), no document sizes saved, nothing cached in tables."""
    add_reviews(make_review, themes, 3)
    for params in [
        {"q": "safe sleep"},
        {"q": "sleep leaflet"},
        {"q": "slepe"},
        {"q": "safe sleep", "theme": "neglect", "year": "2000", "page": "2"},
        {"q": "nothing matches this"},
    ]:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/search/", params).status_code == 200
        assert any("indexentry" in query["sql"] for query in captured.captured_queries), params
        writes = [q["sql"] for q in captured.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)]
        assert not writes, (params, writes)
