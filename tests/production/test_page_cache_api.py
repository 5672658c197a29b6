"""The API's pages endpoints in the page cache: published content only, purged like
pages; contact panels' live status, previews and searches never stored."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import HttpResponse
from django.template import engines
from django.template.response import SimpleTemplateResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from sscp_wagtail.api.preview import make_token
from sscp_wagtail.models import ContactPanel
from sscp_wagtail.production.page_cache import PageCacheMiddleware, do_not_store
from tests.conftest import page_at

pytestmark = pytest.mark.django_db

REVIEW = "/serious-case-reviews/baby-m/"
LISTING = "/api/v2/pages/?type=reviews.ReviewPage&fields=*&order=title"


def state(response) -> str | None:
    return response.headers.get("X-Page-Cache")


def listed_titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def warm(client, path: str, **headers):
    assert state(client.get(path, headers=headers)) == "miss"
    response = client.get(path, headers=headers)
    assert state(response) == "hit"
    return response


def publish(page, **changes):
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()


def without_cache_header(response) -> dict:
    return {name: value for name, value in response.items() if name != "X-Page-Cache"}


def test_a_cached_listing_is_served_without_the_database_and_is_byte_identical(client, demo, settings, page_cache):
    settings.SSCP_PAGE_CACHE = False
    uncached = client.get(LISTING)
    assert state(uncached) is None
    settings.SSCP_PAGE_CACHE = True
    assert state(client.get(LISTING)) == "miss"
    with CaptureQueriesContext(connection) as queries:
        hit = client.get(LISTING)
    assert state(hit) == "hit"
    assert len(queries) == 0
    assert hit.content == uncached.content
    assert without_cache_header(hit) == without_cache_header(uncached)
    assert "Baby M" in listed_titles(hit)


def test_a_detail_is_cached_and_find_leads_to_it(client, demo, page_cache):
    review = page_at(REVIEW)
    detail = warm(client, f"/api/v2/pages/{review.pk}/")
    assert detail.json()["title"] == "Baby M"
    found = client.get(f"/api/v2/pages/find/?html_path={REVIEW}")
    assert found.status_code == 302
    assert state(found) == "bypass"  # the redirect is not stored; where it leads is
    assert state(client.get(found["Location"])) == "hit"


def test_publishing_and_unpublishing_show_in_the_api_at_once(client, demo, page_cache):
    review = page_at(REVIEW)
    warm(client, LISTING)
    warm(client, f"/api/v2/pages/{review.pk}/")
    publish(review, title="Baby M (updated)")
    assert "Baby M (updated)" in listed_titles(client.get(LISTING))
    assert client.get(f"/api/v2/pages/{review.pk}/").json()["title"] == "Baby M (updated)"
    assert state(client.get(LISTING)) == "hit"
    review.unpublish()
    assert "Baby M (updated)" not in listed_titles(client.get(LISTING))
    assert client.get(f"/api/v2/pages/{review.pk}/").status_code == 404


def test_a_draft_never_reaches_the_api(client, demo, page_cache):
    review = page_at(REVIEW)
    warm(client, LISTING)
    review.title = "Draft title"
    review.save_revision()
    response = client.get(LISTING)
    assert "Draft title" not in listed_titles(response)
    assert client.get(f"/api/v2/pages/{review.pk}/").json()["title"] == "Baby M"


def test_making_a_page_private_takes_it_out_of_the_cached_api_at_once(client, demo, page_cache):
    review = page_at(REVIEW)
    warm(client, LISTING)
    warm(client, f"/api/v2/pages/{review.pk}/")
    restriction = PageViewRestriction.objects.create(page=review, restriction_type=PageViewRestriction.LOGIN)
    assert "Baby M" not in listed_titles(client.get(LISTING))
    assert client.get(f"/api/v2/pages/{review.pk}/").status_code == 404
    restriction.delete()
    assert "Baby M" in listed_titles(client.get(LISTING))


def test_a_page_whose_answer_holds_a_contact_panels_status_is_never_stored(client, demo, page_cache):
    home = page_at("/")
    assert home.contact_panel_id
    for _ in range(2):
        response = client.get(f"/api/v2/pages/{home.pk}/")
        assert response.status_code == 200
        assert "open" in response.json()["contact_panel"]["status"]
        assert state(response) == "bypass"


def test_contact_panel_status_is_never_cached(client, demo, page_cache):
    panel = ContactPanel.objects.filter(live=True).first()
    for path in (f"/api/v2/contact-panels/{panel.pk}/", "/api/v2/contact-panels/"):
        for _ in range(2):
            response = client.get(path)
            assert response.status_code == 200
            assert state(response) is None
    moments = {
        client.get(f"/api/v2/contact-panels/{panel.pk}/", {"at": at}).json()["status"]["at"]
        for at in ("2026-12-01T10:00:00Z", "2026-12-01T23:00:00Z")
    }
    assert len(moments) == 2


def test_api_search_is_never_cached(client, demo, page_cache):
    for path in ("/api/v2/pages/?search=baby", "/api/v2/pages/?type=reviews.ReviewPage&se%61rch=baby"):
        client.get(path)
        assert state(client.get(path)) is None


def test_previews_are_never_cached(client, admin_user, demo, page_cache):
    review = page_at(REVIEW)
    review.title = "Baby M (draft)"
    review.save_revision()
    query = {"content_type": "reviews.reviewpage", "token": make_token(review, admin_user)}
    for _ in range(2):
        response = client.get("/api/v2/preview/", query)
        assert response.json()["title"] == "Baby M (draft)"
        assert state(response) is None
    assert client.get(f"/api/v2/pages/{review.pk}/").json()["title"] == "Baby M"


def test_signed_in_users_never_get_or_make_cached_api_answers(client, admin_client, demo, page_cache):
    warm(client, LISTING)
    assert state(admin_client.get(LISTING)) is None


def test_indented_json_is_kept_apart_from_the_compact_form(client, demo, page_cache):
    compact = warm(client, LISTING)
    indented = client.get(LISTING, headers={"accept": "application/json; indent=2"})
    assert indented.content != compact.content
    assert b'\n  "meta"' in indented.content
    assert b"\n" not in compact.content.strip()
    assert client.get(LISTING).content == compact.content


def test_a_client_holding_the_current_version_gets_a_304_from_the_cache(client, demo, page_cache):
    hit = warm(client, LISTING)
    not_modified = client.get(LISTING, headers={"if-none-match": hit["ETag"]})
    assert not_modified.status_code == 304
    assert state(not_modified) == "hit"
    assert not_modified.content == b""
    assert client.get(LISTING, headers={"if-none-match": '"something-else"'}).status_code == 200


# --- The hit path, whatever the view ---------------------------------------------------


def requests_through(view, *header_sets, method="get"):
    chain = PageCacheMiddleware(view)
    factory = RequestFactory()
    responses = []
    for headers in header_sets:
        request = getattr(factory, method)("/a-page/", headers=headers)
        request.user = AnonymousUser()
        responses.append(chain(request))
    return responses


def test_a_response_is_only_served_to_requests_with_the_header_values_it_varies_on(page_cache):
    def view(request):
        response = HttpResponse(f"<p>for {request.headers.get('Origin', 'nobody')}</p>")
        response["Vary"] = "Origin"
        return response

    answers = requests_through(
        view,
        {"origin": "https://a.example"},
        {"origin": "https://b.example"},
        {"origin": "https://a.example"},
        {"origin": "https://b.example"},
        {},
    )
    assert [(state(r), r.content) for r in answers] == [
        ("miss", b"<p>for https://a.example</p>"),
        ("miss", b"<p>for https://b.example</p>"),
        ("hit", b"<p>for https://a.example</p>"),
        ("hit", b"<p>for https://b.example</p>"),
        ("miss", b"<p>for nobody</p>"),
    ]


def test_what_changes_with_the_clock_is_never_stored_even_when_rendered_late(page_cache):
    def live_status():
        do_not_store()
        return "open now"

    def view(request):
        template = engines["django"].from_string("<p>{{ status }}</p>")
        return SimpleTemplateResponse(template, {"status": live_status})

    answers = requests_through(view, {}, {})
    assert [(state(r), r.content) for r in answers] == [("bypass", b"<p>open now</p>")] * 2


def test_vary_star_is_never_stored(page_cache):
    def view(request):
        response = HttpResponse("<p>each time different</p>")
        response["Vary"] = "*"
        return response

    assert [state(r) for r in requests_through(view, {}, {})] == ["bypass", "bypass"]


def test_head_is_answered_from_a_stored_get_but_never_stores_one(page_cache):
    calls = []

    def view(request):
        calls.append(request.method)
        return HttpResponse("<p>page</p>")

    assert [state(r) for r in requests_through(view, {}, {}, method="head")] == ["bypass", "bypass"]
    assert [state(r) for r in requests_through(view, {}, method="get")] == ["miss"]
    assert [state(r) for r in requests_through(view, {}, method="head")] == ["hit"]
    assert calls == ["HEAD", "HEAD", "GET"]


def test_another_process_learns_what_a_page_varies_on_from_the_cache(page_cache):
    from sscp_wagtail.production import page_cache as module

    def view(request):
        response = HttpResponse(f"<p>{request.headers.get('Accept-Language', '')}</p>")
        response["Vary"] = "Accept-Language"
        return response

    requests_through(view, {"accept-language": "pl"})
    module._vary_by_address.clear()  # as a process that has not served this page yet
    again, other = requests_through(view, {"accept-language": "pl"}, {"accept-language": "ur"})
    assert (state(again), again.content) == ("hit", b"<p>pl</p>")
    assert (state(other), other.content) == ("miss", b"<p>ur</p>")
