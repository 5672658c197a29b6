"""A headless search through the API finds the same pages as the search page."""

import pytest

from .conftest import result_titles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["safe sleep", "neglect", "domestic abuse", "sofa"])
def test_api_search_finds_the_same_pages(client, library, query):
    api = client.get("/api/v2/pages/", {"search": query})
    if api.status_code == 404:
        pytest.skip("the /api/v2/ router is not installed")
    assert api.status_code == 200
    api_titles = {item["title"] for item in api.json()["items"]}
    assert api_titles == set(result_titles(client.get("/search/", {"q": query})))


def test_api_search_never_returns_drafts(client, make_review, library):
    make_review("Zebra draft", publish=False)
    make_review("Zebra published")
    api = client.get("/api/v2/pages/", {"search": "zebra"})
    if api.status_code == 404:
        pytest.skip("the /api/v2/ router is not installed")
    assert [item["title"] for item in api.json()["items"]] == ["Zebra published"]
