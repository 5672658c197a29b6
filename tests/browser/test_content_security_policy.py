"""The Content-Security-Policy the site sends breaks nothing a reader or an editor uses.

These contexts do not bypass the policy (the shared tabs of the other browser
tests do, to inject axe-core). Every public page, the admin's dashboard and page
editor and preview, and public pages seen by a signed-in editor are loaded
in Chromium, and any script, style, image or frame the policy blocked is reported.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .conftest import DEAD_END_PROXY, DESKTOP, TIMEOUT_MS, post_form
from .pages import PAGES, PublicPage

EDITOR_PASSWORD = "a long password for the policy test"  # noqa: S105

# Records every violation the browser reports, before any of the page's own scripts run.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}` +
    ` at ${event.sourceFile || ""}:${event.lineNumber || ""} ${event.sample || ""}`);
});
"""
# Pages the suite builds in the browser (no server response, so no policy header to test).
SERVED_PAGES = [page for page in PAGES if not page.path.startswith("/__browser-tests__/")]


@pytest.fixture(scope="module")
def strict_context(browser, live_site):
    context = browser.new_context(
        base_url=live_site.url, viewport=DESKTOP, service_workers="block", proxy=DEAD_END_PROXY
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(RECORD_VIOLATIONS)
    yield context
    context.close()


@pytest.fixture(scope="module")
def editor(live_site, django_db_blocker) -> str:
    """A superuser committed to the live site's database (removed with it at the end of the folder)."""
    from django.contrib.auth import get_user_model

    with django_db_blocker.unblock():
        get_user_model().objects.create_superuser("policy-editor", "policy-editor@example.org", EDITOR_PASSWORD)
    return "policy-editor"


@pytest.fixture(scope="module")
def editor_context(browser, live_site, editor) -> Iterator:
    context = browser.new_context(
        base_url=live_site.url, viewport=DESKTOP, service_workers="block", proxy=DEAD_END_PROXY
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("input[name=username]", editor)
    page.fill("input[name=password]", EDITOR_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.close()
    yield context
    context.close()


def violations_on(context, path: str, ready: str, *, submit: tuple[PublicPage, object] | None = None) -> list[str]:
    """Violations while loading ``path``; ``submit`` (a page with a form, and the
    live site) makes the load a POST of that form, as a reader sending it."""
    page = context.new_page()
    try:
        if submit is not None:
            post_form(page, *submit)
        response = page.goto(path, wait_until="load")
        assert response is not None
        assert "Content-Security-Policy" in response.headers or "content-security-policy" in response.headers
        page.locator(ready).first.wait_for(state="attached")
        page.wait_for_timeout(200)  # violations are reported asynchronously
        return page.evaluate("window.__cspViolations")
    finally:
        page.close()


@pytest.mark.parametrize("public_page", SERVED_PAGES, ids=[page.id for page in SERVED_PAGES])
def test_public_page_runs_under_the_policy(strict_context, live_site, public_page: PublicPage):
    submit = (public_page, live_site) if public_page.form is not None else None
    assert violations_on(strict_context, public_page.path, public_page.expect, submit=submit) == []


def test_exit_this_page_script_runs_under_the_policy(strict_context):
    page = strict_context.new_page()
    try:
        page.goto("/")
        # The script reveals the keyboard hint only when it runs.
        page.locator("[data-exit-this-page-hint]").wait_for(state="visible")
        assert page.evaluate("window.__cspViolations") == []
    finally:
        page.close()


@pytest.mark.parametrize(
    ("path", "ready"),
    [
        ("/", "main h1"),
        ("/serious-case-reviews/baby-m/", "main h1"),
        ("/admin/", "main"),
        ("/admin/pages/", "main"),
    ],
)
def test_editor_views_run_under_the_policy(editor_context, path: str, ready: str):
    assert violations_on(editor_context, path, ready) == []


@pytest.fixture(scope="module")
def review_id(live_site, django_db_blocker) -> int:
    """Read before any test's transaction: on SQLite an open read would lock out the live server's writes."""
    from wagtail.models import Page

    with django_db_blocker.unblock():
        return Page.objects.get(url_path="/home/serious-case-reviews/baby-m/").pk


def test_page_editor_and_preview_run_under_the_policy(editor_context, review_id: int):
    assert violations_on(editor_context, f"/admin/pages/{review_id}/edit/", "form#page-edit-form") == []
    assert violations_on(editor_context, f"/admin/pages/{review_id}/view_draft/", "main h1") == []
