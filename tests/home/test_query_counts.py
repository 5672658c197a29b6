"""Rendering cost is pinned: a change that adds a query per item shows up here.

Counts are for a warm process (the first request also loads content types).
"""

import pytest

from home.factories import DocumentFactory, StandardPageFactory
from tests.conftest import page_at

pytestmark = pytest.mark.django_db


def get_twice(client, url):
    client.get(url)  # warm caches that live for the process, as in production


def test_home_page_queries(demo, client, django_assert_num_queries):
    get_twice(client, "/")
    # 1 site for the request, 2 locale, 3 home page (routing), 4 the view
    # restrictions (once for the page's check and the menu's public()), 5 menu
    # pages, 6-10 the contact panel, its lines, their opening periods, its
    # closures and special openings, 11 featured pages (one query for all of
    # them), 12 the page's published translations (language switcher and hreflang)
    with django_assert_num_queries(12):
        assert client.get("/").status_code == 200


def test_home_page_cost_does_not_grow_with_the_menu(demo, client, django_assert_num_queries):
    home = page_at("/")
    for number in range(12):
        StandardPageFactory(parent=home, title=f"Menu page {number}", show_in_menus=True)
    get_twice(client, "/")
    with django_assert_num_queries(12):
        assert client.get("/").status_code == 200


def test_standard_page_queries(demo, client, django_assert_num_queries):
    page = page_at("/rapid-review-process/")
    document = DocumentFactory(title="Referral form")
    page.body = [
        {"type": "paragraph", "value": f'<p>Complete the <a linktype="document" id="{document.pk}">form</a>.</p>'},
        {"type": "document", "value": {"document": document.pk, "title": ""}},
    ]
    page.save_revision().publish()
    url = "/rapid-review-process/"
    get_twice(client, url)
    # 1 site, 2 locale, 3 home page, 4 the pages on the way (routing, breadcrumbs and
    # the privacy check read them), 5 the page's specific row, 6 the view
    # restrictions (the page's check and the menu's public()), 7 menu pages, 8 the
    # rich text's document link, 9 the document block's document, 10 the page's
    # published translations
    with django_assert_num_queries(10):
        assert client.get(url).status_code == 200


def test_standard_page_cost_does_not_grow_with_its_blocks(demo, client, django_assert_num_queries):
    page = page_at("/rapid-review-process/")
    documents = [DocumentFactory(title=f"Report {n}") for n in range(8)]
    page.body = [{"type": "document", "value": {"document": d.pk, "title": ""}} for d in documents] + [
        {
            "type": "page_links",
            "value": {"heading": "More", "links": [{"page": p.pk, "label": ""} for p in page_at("/").get_children()]},
        }
    ]
    page.save_revision().publish()
    get_twice(client, "/rapid-review-process/")
    # 1 site, 2 locale, 3 home page, 4 the pages on the way, 5 the specific row,
    # 6 view restrictions (page and menu), 7 menu, 8 all eight documents, 9 all
    # linked pages, 10 the page's published translations
    with django_assert_num_queries(10):
        response = client.get("/rapid-review-process/")
    assert response.content.decode().count("(PDF, ") == 8
