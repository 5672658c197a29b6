"""The page cache is never wrong: readers see each change at once, and nothing personal is stored."""

from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from sscp_wagtail.learning.models import LearningTheme
from sscp_wagtail.models import ContactPanel
from sscp_wagtail.production.page_cache import PageCacheMiddleware
from tests.conftest import page_at, visible_text

pytestmark = pytest.mark.django_db
REVIEW = "/serious-case-reviews/baby-m/"
INDEX = "/serious-case-reviews/"


def cached_state(response) -> str | None:
    return response.headers.get("X-Page-Cache")


def publish(page, **changes):
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()


def warm(client, path: str):
    first = client.get(path)
    assert first.status_code == 200
    assert cached_state(first) == "miss"
    second = client.get(path)
    assert cached_state(second) == "hit"
    return second


def test_a_second_reader_gets_the_same_page_from_the_cache_without_the_database(client, demo, page_cache):
    first = client.get(REVIEW)
    assert cached_state(first) == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(REVIEW)
    assert cached_state(second) == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    # Stored with the headers the inner middleware gave it: the hit skips them.
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "Vary"):
        assert second[header] == first[header]
    assert "max-age" not in second.get("Cache-Control", "")  # browsers always ask again


def test_publishing_shows_at_once_on_the_page_and_its_listing(client, demo, page_cache):
    warm(client, REVIEW)
    warm(client, INDEX)
    publish(page_at(REVIEW), title="Baby M (updated)")
    assert "Baby M (updated)" in visible_text(client.get(REVIEW))
    assert "Baby M (updated)" in visible_text(client.get(INDEX))


def test_a_draft_never_reaches_readers(client, demo, page_cache):
    warm(client, REVIEW)
    review = page_at(REVIEW)
    review.title = "Draft title"
    review.save_revision()
    assert "Draft title" not in visible_text(client.get(REVIEW))


def test_unpublishing_and_deleting_take_the_page_away_at_once(client, demo, page_cache):
    warm(client, REVIEW)
    warm(client, INDEX)
    page_at(REVIEW).unpublish()
    assert client.get(REVIEW).status_code == 404
    assert "Baby M" not in visible_text(client.get(INDEX))
    warm(client, "/rapid-review-process/")
    page_at("/rapid-review-process/").delete()
    assert client.get("/rapid-review-process/").status_code == 404


def test_moving_a_page_changes_both_addresses_at_once(client, demo, page_cache):
    warm(client, "/rapid-review-process/")
    page_at("/rapid-review-process/").move(page_at(INDEX), pos="last-child")
    old_address = client.get("/rapid-review-process/")
    assert old_address.status_code == 301  # Wagtail's automatic redirect
    assert old_address["Location"] == "/serious-case-reviews/rapid-review-process/"
    assert client.get("/serious-case-reviews/rapid-review-process/").status_code == 200


def test_making_a_page_private_takes_it_out_of_the_cache_at_once(client, demo, page_cache):
    warm(client, REVIEW)
    warm(client, INDEX)
    restriction = PageViewRestriction.objects.create(page=page_at(REVIEW), restriction_type=PageViewRestriction.LOGIN)
    response = client.get(REVIEW)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]
    assert "Baby M" not in visible_text(client.get(INDEX))
    restriction.delete()
    assert client.get(REVIEW).status_code == 200


def test_a_contact_panel_change_shows_on_every_page_that_shows_it(client, demo, page_cache):
    warm(client, "/")
    panel = ContactPanel.objects.get(pk=page_at("/").contact_panel_id)
    panel.title = "Worried about a child?"
    panel.save_revision().publish()
    assert "Worried about a child?" in visible_text(client.get("/"))


def test_a_contact_panel_draft_leaves_the_cache_alone(client, demo, page_cache):
    warm(client, "/")
    panel = ContactPanel.objects.get(pk=page_at("/").contact_panel_id)
    panel.title = "A draft title"
    panel.save_revision()
    assert cached_state(client.get("/")) == "hit"


def test_renaming_a_learning_theme_shows_on_the_reviews_and_theme_pages(client, demo, page_cache):
    warm(client, REVIEW)
    warm(client, "/serious-case-reviews/themes/")
    theme = LearningTheme.objects.get(slug="safe-sleep")
    theme.name = "Sleeping safely"
    theme.save_revision().publish()
    assert "Sleeping safely" in visible_text(client.get(REVIEW))
    assert "Sleeping safely" in visible_text(client.get("/serious-case-reviews/themes/"))


def test_scheduled_publishing_shows_when_the_command_runs(client, demo, page_cache):
    warm(client, REVIEW)
    review = page_at(REVIEW)
    review.title = "Baby M (scheduled)"
    review.go_live_at = timezone.now() - timezone.timedelta(minutes=1)
    review.save_revision(approved_go_live_at=review.go_live_at)
    assert "Baby M (scheduled)" not in visible_text(client.get(REVIEW))
    call_command("publish_scheduled")
    assert "Baby M (scheduled)" in visible_text(client.get(REVIEW))


def test_signed_in_editors_never_get_or_make_cached_pages(client, admin_client, demo, page_cache):
    warm(client, "/")
    for _ in range(2):
        response = admin_client.get("/")
        assert response.status_code == 200
        assert cached_state(response) is None
    # And what the editor saw was never stored for readers.
    admin_client.get("/rapid-review-process/")
    assert cached_state(client.get("/rapid-review-process/")) == "miss"


def test_a_cached_page_carries_no_session_csrf_token_or_userbar(client, demo, page_cache):
    response = warm(client, REVIEW)
    assert not response.cookies
    assert "Set-Cookie" not in response
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "wagtail-userbar" not in html


@pytest.mark.parametrize(
    "path", ["/search/?q=baby", "/api/v2/contact-panels/", "/api/v2/images/", "/api/v2/openapi.json", "/healthz"]
)
def test_search_api_but_pages_and_health_are_never_cached(client, demo, page_cache, path):
    client.get(path)
    assert cached_state(client.get(path)) is None


def test_previews_are_never_cached(admin_client, demo, page_cache):
    page = page_at(REVIEW)
    admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert cached_state(admin_client.get(f"/admin/pages/{page.pk}/view_draft/")) is None


def test_not_found_and_redirects_are_not_cached(client, demo, page_cache):
    client.get("/no-such-page/")
    assert cached_state(client.get("/no-such-page/")) == "bypass"
    client.get("/analysis-of-serious-case-reviews/")
    assert cached_state(client.get("/analysis-of-serious-case-reviews/")) == "bypass"


def test_off_by_default_without_a_shared_cache(client, demo):
    client.get("/")
    assert cached_state(client.get("/")) is None


# --- Responses the cache must refuse, whatever view sends them -------------------------


def through_cache(view, path="/a-page/"):
    """The cache middleware around a view; two anonymous requests."""
    chain = PageCacheMiddleware(view)
    factory = RequestFactory()
    responses = []
    for _ in range(2):
        request = factory.get(path)
        request.user = AnonymousUser()
        responses.append(chain(request))
    return responses


@pytest.mark.parametrize(
    "cache_control", ["no-store", "private", "no-cache", "private, max-age=0", "max-age=0, no-store"]
)
def test_no_store_and_private_responses_are_never_stored(page_cache, cache_control):
    """The referral form sends Cache-Control: no-store; any view may."""
    calls = []

    def view(request):
        calls.append(request)
        response = HttpResponse(f"<p>answer {len(calls)}</p>")
        response["Cache-Control"] = cache_control
        return response

    first, second = through_cache(view)
    assert [cached_state(first), cached_state(second)] == ["bypass", "bypass"]
    assert second.content == b"<p>answer 2</p>"


def test_responses_that_set_a_cookie_are_never_stored(page_cache):
    def view(request):
        response = HttpResponse("<form>token</form>")
        response.set_cookie("csrftoken", "secret")
        return response

    assert [cached_state(r) for r in through_cache(view)] == ["bypass", "bypass"]


def test_responses_with_a_csp_nonce_are_never_stored(page_cache):
    from sscp_wagtail.production.csp import CSPMiddleware

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}"></script>')

    chain = PageCacheMiddleware(CSPMiddleware(view))
    states = []
    for _ in range(2):
        request = RequestFactory().get("/a-page/")
        request.user = AnonymousUser()
        states.append(cached_state(chain(request)))
    assert states == ["bypass", "bypass"]


def test_requests_with_a_session_cookie_skip_the_cache(client, demo, page_cache, settings):
    warm(client, "/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "someone"
    assert cached_state(client.get("/")) is None


def hit_queries(client, path: str) -> int:
    warm(client, path)
    with CaptureQueriesContext(connection) as queries:
        assert cached_state(client.get(path)) == "hit"
    return len(queries)


def test_a_hit_costs_no_query_however_many_reviews_the_index_lists(client, demo, page_cache):
    from reviews.factories import ReviewPageFactory

    assert hit_queries(client, INDEX) == 0
    for number in range(25):
        ReviewPageFactory(parent=page_at(INDEX), title=f"Listed review {number}", live=True)
    page_at(INDEX).save_revision().publish()  # as an editor's publish would, it purges
    assert hit_queries(client, INDEX) == 0
    assert Page.objects.live().filter(title__startswith="Listed review ").count() == 25


def test_a_cdn_or_varnish_is_told_to_drop_every_live_page(
    client, demo, page_cache, settings, django_capture_on_commit_callbacks
):
    from unittest import mock

    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://127.0.0.1:9"}
    }
    with (
        mock.patch("wagtail.contrib.frontend_cache.backends.HTTPBackend.purge") as purged,
        django_capture_on_commit_callbacks(execute=True),
    ):
        panel = ContactPanel.objects.get(pk=page_at("/").contact_panel_id)
        panel.title = "Worried about a child?"
        panel.save_revision().publish()
    urls = {call.args[0] for call in purged.call_args_list}
    assert "http://localhost/serious-case-reviews/baby-m/" in urls
    assert "http://localhost/" in urls
    assert len(urls) == Page.objects.live().public().exclude(depth=1).count()


def test_a_hit_is_answered_before_sessions_locale_and_authentication(client, demo, page_cache):
    """The cached copy is served by the outermost middleware: nothing inside it runs."""
    warm(client, REVIEW)

    with mock.patch.object(SessionMiddleware, "process_request", side_effect=AssertionError("ran")):
        response = client.get(REVIEW)
    assert cached_state(response) == "hit"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"  # SecurityMiddleware still runs


def test_static_files_never_touch_the_page_cache(client, page_cache, settings):
    response = client.get(settings.STATIC_URL + "sscp_wagtail/css/site.css")
    assert cached_state(response) is None
