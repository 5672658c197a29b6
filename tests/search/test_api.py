"""A headless search through the API finds the same pages as the search page, and no more."""

import pytest
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory

from .conftest import result_titles

pytestmark = pytest.mark.django_db


def api_titles(client, query: str) -> set[str]:
    response = client.get("/api/v2/pages/", {"search": query, "limit": 20})
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


@pytest.mark.parametrize("query", ["safe sleep", "neglect", "domestic abuse", "sofa", "advice", "baby"])
def test_api_search_finds_the_same_pages(client, library, query):
    site_titles = set(result_titles(client.get("/search/", {"q": query})))
    assert site_titles  # each query finds something, so an empty API answer cannot pass
    assert api_titles(client, query) == site_titles


def test_api_search_never_returns_drafts_or_private_pages(client, home, make_review, library):
    make_review("Zebra draft", publish=False)
    make_review("Zebra published")
    private = StandardPageFactory(parent=home, title="Zebra private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    section = StandardPageFactory(parent=home, title="Staff area")
    StandardPageFactory(parent=section, title="Zebra rota")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert api_titles(client, "zebra") == {"Zebra published"}
    assert set(result_titles(client.get("/search/", {"q": "zebra"}))) == {"Zebra published"}


def test_api_search_does_not_see_unpublished_changes(client, library):
    review = library["child-e"]
    review.summary = "Secret draft wording about a trampoline."
    review.save_revision()
    assert api_titles(client, "trampoline") == set()
    assert api_titles(client, "head injury") == {"Child E"}
