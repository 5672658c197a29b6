"""Routing from the home page reads the tree in one query and answers as Wagtail's walk would."""

from functools import partial

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction

from home.factories import StandardPageFactory
from tests.conftest import page_at

pytestmark = pytest.mark.django_db

REVIEW = "/serious-case-reviews/baby-m/"


def outcome(route, request, components):
    """What a route gives for an address: the page, its type and the routed view, or 404."""
    try:
        result = route(request, components)
    except Http404:
        return "404"
    page, args, kwargs = result
    view = args[0].__name__ if args and callable(args[0]) else None
    return (page.pk, type(page).__name__, view, args[1:] if view else args, kwargs)


def addresses(demo_pages):
    yield []
    for page in demo_pages:
        parts = [part for part in page.url_path.split("/")[2:] if part]
        yield parts
        yield [*parts, "no-such-page"]
    yield ["serious-case-reviews", "themes"]
    yield ["serious-case-reviews", "themes", "safe-sleep"]
    yield ["serious-case-reviews", "themes", "no-such-theme"]
    yield ["serious-case-reviews", "themes", "safe-sleep", "extra"]
    yield ["no-such-page"]
    yield ["no-such-page", "baby-m"]


def test_every_address_routes_as_wagtail_s_own_walk_does(demo):
    home = page_at("/")
    # A draft section with a live page under it (Wagtail walks through drafts),
    # a draft page, and a page whose slug is also used elsewhere in the tree.
    draft_section = StandardPageFactory(parent=home, title="Draft section", slug="draft-section")
    draft_section.unpublish()
    StandardPageFactory(parent=page_at("/draft-section/"), title="Under a draft", slug="baby-m")
    StandardPageFactory(parent=home, title="Unpublished", slug="unpublished").unpublish()
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    pages = Page.objects.descendant_of(home).order_by("path")
    checked = 0
    for components in addresses(pages):
        home = page_at("/")
        ours = outcome(home.route, request, list(components))
        wagtail_s = outcome(partial(Page.route, home), request, list(components))
        assert ours == wagtail_s, components
        checked += 1
    assert checked > 20
    served = [parts for parts in addresses(pages) if outcome(page_at("/").route, request, list(parts)) != "404"]
    assert ["draft-section", "baby-m"] in served and ["unpublished"] not in served


def test_a_review_is_routed_in_two_queries_below_the_home_page(demo, rf, django_assert_num_queries):
    home = page_at("/")
    request = rf.get(REVIEW)
    # 1 the pages on the way, 2 the review's specific row (with its locale), 3 the
    # view restrictions, kept for its privacy check and every public() on the page
    with django_assert_num_queries(3):
        page, args, kwargs = home.route(request, ["serious-case-reviews", "baby-m"])
    # Its locale and its parent are known without another query: structured data
    # needs the language, the theme links the index's address.
    with django_assert_num_queries(0):
        assert page.locale.language_code == "en-gb"
        parent = page.get_parent()
        assert parent.specific_class.__name__ == "ReviewIndexPage"
        assert not page.get_view_restrictions()
    assert parent.pk == page_at("/serious-case-reviews/").pk
    assert page.themes_url(request) == "/serious-case-reviews/themes/"
    assert page.pk == page_at(REVIEW).pk


@pytest.mark.parametrize("protected", ["/serious-case-reviews/", REVIEW])
def test_private_pages_still_ask_for_a_password_or_a_login(client, demo, protected):
    restriction = PageViewRestriction.objects.create(
        page=page_at(protected), restriction_type=PageViewRestriction.PASSWORD, password="s3cret-phrase"
    )
    response = client.get(REVIEW)
    assert response.status_code == 200
    assert b'type="password"' in response.content and b'class="review"' not in response.content
    assert "no-cache" in response["Cache-Control"]
    restriction.restriction_type = PageViewRestriction.LOGIN
    restriction.save()
    response = client.get(REVIEW)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_home_page_s_own_restrictions_are_checked(client, demo):
    PageViewRestriction.objects.create(page=page_at("/"), restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/").status_code == 302
    assert client.get(REVIEW).status_code == 302


def test_an_alias_is_served_with_its_source_s_privacy(client, demo):
    source = page_at("/rapid-review-process/")
    alias = source.create_alias(parent=page_at("/serious-case-reviews/"), update_slug="rapid-review-alias")
    url = "/serious-case-reviews/rapid-review-alias/"
    response = client.get(url)
    assert response.status_code == 200 and source.title.encode() in response.content
    PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(url).status_code == 302
    assert alias.alias_of_id == source.pk


def test_breadcrumbs_come_from_the_pages_routing_read(client, demo):
    page = page_at(REVIEW)
    index = page_at("/serious-case-reviews/")
    # A draft ancestor is walked through but never shown as a crumb.
    html = client.get(REVIEW).content.decode()
    crumbs = html.split('aria-label="Breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert f'href="{index.url}"' in crumbs and page.title in crumbs and 'href="/"' in crumbs
    index.title = "Case reviews (renamed draft)"
    index.save_revision()  # a draft title must not show
    assert "renamed draft" not in client.get(REVIEW).content.decode()
