"""The base template: skip link, danger banner, Exit this page, navigation, breadcrumbs."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from tests.conftest import page_at, soup

pytestmark = pytest.mark.django_db


def test_skip_link_is_first_and_leads_to_main(demo, client):
    page = soup(client.get("/serious-case-reviews/"))
    first_link = page.body.find("a")
    assert first_link.get_text() == "Skip to content"
    assert first_link["href"] == "#main-content"
    main = page.find("main")
    assert main["id"] == "main-content"
    assert main["tabindex"] == "-1"


def test_every_page_has_the_emergency_banner_and_exit_button(demo, client):
    for url in ["/", "/serious-case-reviews/baby-m/", "/search/?q=safe", "/no-such-page/"]:
        page = soup(client.get(url))
        banner = page.select_one(".emergency-banner")
        assert "If a child is in immediate danger, call 999." in banner.get_text(" ", strip=True).replace(" .", "."), (
            url
        )
        assert banner.find("a")["href"] == "tel:999"
        exit_link = page.select_one("[data-exit-this-page-button]")
        assert exit_link.get_text(" ", strip=True) == "Emergency: Exit this page"
        assert set(exit_link["rel"]) == {"nofollow", "noreferrer"}


@override_settings(SSCP_EXIT_PAGE_URL="https://www.example.com/weather")
def test_exit_destination_comes_from_settings(demo, client):
    page = soup(client.get("/"))
    assert page.select_one("[data-exit-this-page-button]")["href"] == "https://www.example.com/weather"


def test_exit_script_is_external_so_the_button_works_as_a_plain_link_without_it(demo, client):
    page = soup(client.get("/"))
    data_types = {"application/json", "application/ld+json"}
    executable = [s for s in page.find_all("script") if s.get("type") not in data_types]
    assert "/static/sscp_wagtail/js/exit-this-page.js" in [s.get("src") for s in executable]
    assert all(s.get("src") and not s.string for s in executable), "no inline executable script"
    # The keyboard hint only appears when the script runs and can honour it.
    assert page.select_one("[data-exit-this-page-hint]").has_attr("hidden")


def test_navigation_lists_live_public_menu_pages_only(demo, client):
    home = page_at("/")
    StandardPageFactory(parent=home, title="Draft page", show_in_menus=True, live=False)
    StandardPageFactory(parent=home, title="Not in menus", show_in_menus=False)
    private = StandardPageFactory(parent=home, title="Private page", show_in_menus=True)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    nav = soup(client.get("/")).select_one("nav.site-nav")
    assert [a.get_text() for a in nav.find_all("a")] == [
        "Serious case reviews",
        "Rapid Review Process",
        "Case review referral",
    ]


def test_navigation_marks_the_current_page_and_section(demo, client):
    nav = soup(client.get("/serious-case-reviews/")).select_one("nav.site-nav")
    assert nav.find("a", string="Serious case reviews")["aria-current"] == "page"
    nav = soup(client.get("/serious-case-reviews/baby-m/")).select_one("nav.site-nav")
    assert nav.find("a", string="Serious case reviews")["aria-current"] == "true"
    assert not nav.find("a", string="Rapid Review Process").has_attr("aria-current")


def test_breadcrumbs_show_the_path_from_home(demo, client):
    crumbs = soup(client.get("/serious-case-reviews/baby-m/")).select_one("nav.breadcrumbs")
    items = crumbs.find_all("li")
    assert [li.get_text(strip=True) for li in items] == [
        "Stockport Safeguarding Children Partnership",
        "Serious case reviews",
        "Baby M",
    ]
    assert [a["href"] for a in crumbs.find_all("a")] == ["/", "/serious-case-reviews/"]
    assert items[-1]["aria-current"] == "page"
    assert soup(client.get("/")).select_one("nav.breadcrumbs") is None


def test_page_title_and_single_h1(demo, client):
    page = soup(client.get("/serious-case-reviews/baby-m/"))
    assert page.title.get_text() == "Baby M – Stockport Safeguarding Children Partnership"
    assert [h.get_text() for h in page.find_all("h1")] == ["Baby M"]
    assert soup(client.get("/")).title.get_text() == "Stockport Safeguarding Children Partnership"


def test_html_lang_is_british_english(demo, client):
    html = soup(client.get("/")).html
    assert html["lang"] == "en-gb"
    assert html["dir"] == "ltr"


def test_not_found_uses_the_site_template(demo, client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = soup(response)
    assert page.find("h1").get_text() == "Page not found"
    assert page.select_one("nav.site-nav") is not None


@override_settings(SSCP_EXIT_PAGE_URL="https://www.example.com/weather")
def test_server_error_page_needs_no_database_and_keeps_the_exit_button(rf):
    from sscp_wagtail.views import server_error

    with CaptureQueriesContext(connection) as queries:
        response = server_error(rf.get("/"))
    assert len(queries) == 0
    assert response.status_code == 500
    page = soup(response)
    assert page.find("h1").get_text() == "Sorry, there is a problem with the service"
    assert page.select_one("[data-exit-this-page-button]")["href"] == "https://www.example.com/weather"
    assert "call 999" in page.get_text()


def test_an_exception_in_a_view_gets_the_friendly_500(demo, client, monkeypatch):
    from home.models import StandardPage

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(StandardPage, "serve", broken)
    client.raise_request_exception = False
    response = client.get("/rapid-review-process/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_draft_and_private_pages_are_not_served(demo, client):
    draft = StandardPageFactory(parent=page_at("/"), title="Unpublished review", live=False)
    assert client.get(f"/{draft.slug}/").status_code == 404
    private = StandardPageFactory(parent=page_at("/"), title="Private note")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(f"/{private.slug}/")
    assert response.status_code == 302
    assert "Private note" not in response.content.decode()
