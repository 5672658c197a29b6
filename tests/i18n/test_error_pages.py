"""The 404, 500 and 503 pages speak the language of the address they were asked for."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.db import OperationalError
from django.utils import translation

from sscp_wagtail.production import unavailable
from sscp_wagtail.views import server_error
from tests.conftest import soup

# (address, lang, dir, the heading in that language)
SERVER_ERROR = [
    ("/serious-case-reviews/", "en-gb", "ltr", "Sorry, there is a problem with the service"),
    ("/pl/serious-case-reviews/", "pl", "ltr", "Przepraszamy, wystąpił problem z serwisem"),
    ("/ur/serious-case-reviews/", "ur", "rtl", "معذرت، سروس میں ایک مسئلہ ہے"),
    ("/plain/", "en-gb", "ltr", "Sorry, there is a problem with the service"),
]


@pytest.mark.parametrize(("path", "lang", "direction", "heading"), SERVER_ERROR)
def test_the_500_page_is_in_the_language_of_the_address_without_the_database(rf, path, lang, direction, heading):
    # No database for this test: a query would raise.
    with translation.override("en-gb"):
        response = server_error(rf.get(path))
        assert translation.get_language() == "en-gb", "the handler leaves the active language as it found it"
    assert response.status_code == 500
    html = soup(response)
    assert (html.html["lang"], html.html["dir"]) == (lang, direction)
    assert html.h1.get_text() == heading
    assert html.title.get_text() == heading
    home = "/" if lang == "en-gb" else f"/{lang}/"
    assert html.select_one(".site-header__name")["href"] == home


def test_a_failed_database_under_pl_gives_the_polish_503_page(rf):
    unavailable.unavailable_html.cache_clear()
    try:
        try:
            raise OperationalError("connection refused")
        except OperationalError:
            response = server_error(rf.get("/pl/serious-case-reviews/"))
    finally:
        unavailable.unavailable_html.cache_clear()
    assert response.status_code == 503
    html = soup(response)
    assert html.html["lang"] == "pl"
    assert html.h1.get_text() == "Przepraszamy, ta strona internetowa jest w tej chwili niedostępna"
    assert html.h2.get_text() == "Jeśli martwisz się o dziecko"
    # The contacts' names come from settings, in English, and are marked so.
    assert all(item.span["lang"] == "en-gb" for item in html.select("main li"))


def test_the_503_page_written_for_the_proxy_is_english():
    with translation.override("ur"):
        html = BeautifulSoup(unavailable.unavailable_html(), "html.parser")
    assert html.html["lang"] == "en-gb"
    assert html.h1.get_text() == "Sorry, this website is not available at the moment"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "lang", "direction", "heading"),
    [
        ("/no-such-page/", "en-gb", "ltr", "Page not found"),
        ("/pl/no-such-page/", "pl", "ltr", "Nie znaleziono strony"),
        ("/ur/no-such-page/", "ur", "rtl", "صفحہ نہیں ملا"),
    ],
)
def test_the_404_page_is_in_the_language_of_the_address(demo, client, path, lang, direction, heading):
    response = client.get(path)
    assert response.status_code == 404
    html = soup(response)
    assert (html.html["lang"], html.html["dir"]) == (lang, direction)
    assert html.h1.get_text(strip=True) == heading
