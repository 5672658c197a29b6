"""The public search page finds live, public pages and nothing else."""

import pytest
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from tests.conftest import page_at, soup

pytestmark = pytest.mark.django_db


def result_titles(response) -> list[str]:
    results = soup(response).select_one("ol.search-results")
    return [a.get_text() for a in results.find_all("a")] if results else []


def test_finds_a_review_by_its_content(demo, client):
    response = client.get("/search/", {"q": "Maureen Noble"})
    assert response.status_code == 200
    assert result_titles(response) == ["Child E"]
    assert soup(response).find("input", {"name": "q"})["value"] == "Maureen Noble"


def test_never_returns_drafts_or_private_pages(demo, client):
    home = page_at("/")
    StandardPageFactory(parent=home, title="Zebra draft", live=False)
    private = StandardPageFactory(parent=home, title="Zebra private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    StandardPageFactory(parent=home, title="Zebra public")
    assert result_titles(client.get("/search/", {"q": "Zebra"})) == ["Zebra public"]


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", ""])
def test_bad_page_numbers_do_not_fail(demo, client, page):
    response = client.get("/search/", {"q": "review", "page": page})
    assert response.status_code == 200
    assert result_titles(response)


def test_empty_and_overlong_queries_are_handled(demo, client):
    empty = client.get("/search/", {"q": ""})
    assert empty.status_code == 200 and result_titles(empty) == []
    long = client.get("/search/", {"q": "safe sleep " * 100})
    assert long.status_code == 200
    assert len(soup(long).find("input", {"name": "q"})["value"]) <= 200


def test_no_results_says_so(demo, client):
    response = client.get("/search/", {"q": "xylophone"})
    assert "0 results" in response.content.decode()
    assert "No pages matched" in response.content.decode()
