"""The sign-off flow in real Chromium: an editor writes a review and submits it,
a moderator sees it awaiting approval on the dashboard and approves it, and the
public site then shows it.

Uses Debian's Chromium through Playwright, like tests/browser/ (whose fixtures
are package-scoped to that folder, so this module has its own small ones). The
demo site is committed to the test database for the live server and the
database is restored afterwards, as tests/browser/conftest.py does.
``SSCP_SKIP_BROWSER_TESTS=1`` skips it with the other browser tests.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PASSWORD = "a demo password for the browser test"
TIMEOUT_MS = 15_000
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser" / "moderation"

pytestmark = [
    pytest.mark.skipif(
        os.environ.get("SSCP_SKIP_BROWSER_TESTS", "") not in ("", "0"), reason="SSCP_SKIP_BROWSER_TESTS is set"
    ),
    # No transaction around the test: the live server's thread must see (and make) committed changes.
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(scope="module")
def live_site(django_db_setup, django_db_blocker) -> Iterator[str]:
    """The demo site and the demo users, committed and served on 127.0.0.1; restored afterwards."""
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer

    from home.demo.loader import load_demo_content
    from sscp_wagtail.workflows.demo import ensure_demo_users

    with django_db_blocker.unblock():
        assert not connection.in_atomic_block
        before = connection.creation.serialize_db_to_string()
        load_demo_content()
        ensure_demo_users(password=PASSWORD)
        server = LiveServer("127.0.0.1")
        try:
            yield server.url
        finally:
            server.stop()
            restore(before)


def restore(serialized: str) -> None:
    """Put the database back as it was before the module (as serialized_rollback would).

    pytest-django's own flush after this transactional test re-creates the content
    types under new ids; restoring them first means no signal handler run during the
    restore creates one that the snapshot then collides with.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection

    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False)
    ContentType.objects.clear_cache()
    objects = json.loads(serialized)
    objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")  # stable: the rest keep their order
    connection.creation.deserialize_db_from_string(json.dumps(objects))


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.exists():
        pytest.fail(f"The browser test needs Chromium at {CHROMIUM}: apt-get install chromium chromium-driver")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as environment:
        # Playwright's sync API runs an event loop in this thread; the test reads the database here too.
        environment.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            yield browser
            browser.close()
            connections.close_all()


@pytest.fixture
def open_as(request, chromium, live_site):
    """A signed-in tab per user (or an anonymous one for None), screenshotted if the test fails."""
    contexts = []
    failures_before = request.session.testsfailed

    def open_tab(username: str | None):
        context = chromium.new_context(base_url=live_site, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append((username or "public", context))
        tab = context.new_page()
        if username:
            tab.goto("/admin/login/")
            tab.fill("#id_username", username)
            tab.fill("#id_password", PASSWORD)
            tab.click("button[type=submit]")
            tab.wait_for_url(re.compile(r"/admin/$"))
        return tab

    yield open_tab
    failed = request.session.testsfailed > failures_before  # the call's report is in before teardown
    for name, context in contexts:
        if failed:
            for number, tab in enumerate(context.pages):
                try:
                    ARTIFACTS.mkdir(parents=True, exist_ok=True)
                    tab.screenshot(path=ARTIFACTS / f"{name}-{number}.png", full_page=True)
                except Exception:  # noqa: S110 - a report must never hide the real failure
                    pass
        context.close()


def submit_from_footer(tab, name: str) -> None:
    """Click an action in the editor's footer menu, opening the "More actions" dropdown if it is there."""
    button = tab.locator(f'footer button[name="{name}"]')
    if not button.is_visible():
        tab.locator("footer .w-dropdown__toggle").click()
    with tab.expect_navigation():
        button.click()


def test_editor_submits_a_review_a_moderator_approves_it_and_the_public_sees_it(open_as, live_site):
    from wagtail.models import Page

    from reviews.models import ReviewPage

    index = Page.objects.get(url_path="/home/serious-case-reviews/")

    # The editor writes a new review and submits it for sign-off.
    editor = open_as("editor")
    editor.goto(f"/admin/pages/add/reviews/reviewpage/{index.pk}/")
    editor.fill("#id_title", "Child H")
    editor.select_option("#id_review_type", "practice_review")
    editor.fill("#id_summary", "What the review of Child H found.")
    assert editor.locator('footer button[name="action-publish"]').count() == 0, "editors are offered no Publish"
    submit_from_footer(editor, "action-submit")
    assert editor.locator(".messages").get_by_text("submitted", exact=False).count() == 1

    review = ReviewPage.objects.get(title="Child H")
    assert not review.live
    public = open_as(None)
    assert public.goto("/serious-case-reviews/child-h/").status == 404

    # The moderator finds it on the dashboard and approves it there.
    moderator = open_as("moderator")
    panel = moderator.locator("section, div").filter(has_text="Awaiting your approval").last
    row = moderator.locator("tr", has_text="Child H")
    assert panel.is_visible()
    assert row.count() == 1
    with moderator.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()

    review.refresh_from_db()
    assert review.live
    response = public.goto("/serious-case-reviews/child-h/")
    assert response.status == 200
    assert public.locator("h1").inner_text() == "Child H"
