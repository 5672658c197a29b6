"""The admin in real Chromium, as the demo roles use it.

An editor writes a review through the page editor (two learning-theme blocks
and a recommendation in the StreamField UI) and submits it for sign-off; a
moderator approves it from the dashboard and the public site shows it. A
reader sends a referral; the Safeguarding Unit finds and reads it; an editor
can neither see the way to it nor open it. The users are the demo users in
the groups the data migrations create, signed in through the login form:
admin two-factor sign-in is off outside production.

Selectors are labels, roles and visible text, as a person finds their way.
What the tests write through the live server is committed, so a module-scoped
clean-up removes it before the rest of the folder runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    DEMO_PASSWORD,
    DESKTOP,
    TIMEOUT_MS,
    Artifacts,
    LiveSite,
    check_failed,
    report_failure,
    visit,
)
from tests.browser.pages import PAGES

REVIEW_TITLE = "Child Q"
REVIEW_SLUG = "child-q"
# Two pieces of learning, each tagged with a different demo theme, and one recommendation.
LEARNING = [
    ("Sleeping arrangements after discharge", "Safe sleep", "Advice on safe sleep was not repeated at home."),
    ("Who knew about the neglect", "Neglect", "The school's concerns did not reach the health visitor."),
]
RECOMMENDATION = "Health visitors repeat safe sleep advice at every home visit in the first year."
REFERRAL_TEXT = "Seen alone at the bus stop late at night on three occasions."


@pytest.fixture(scope="module")
def clean_up(live_site: LiveSite, django_db_blocker) -> Iterator[None]:
    """Remove the review and referral the tests made through the live server (committed there)."""
    yield
    from wagtail.models import Page as WagtailPage

    from sscp_wagtail.referrals.models import ReferralSubmission

    with django_db_blocker.unblock():
        for page in WagtailPage.objects.filter(slug=REVIEW_SLUG):
            page.delete()
        for submission in ReferralSubmission.objects.all():
            if REFERRAL_TEXT in str(submission.form_data):
                submission.delete()
        assert not WagtailPage.objects.filter(slug=REVIEW_SLUG).exists()


@pytest.fixture
def sign_in(browser, live_site: LiveSite, artifacts: Artifacts, request, clean_up) -> Iterator[Callable[[str], Page]]:
    """A tab signed in to the admin as a demo user, each user in a context (cookie jar) of their own."""
    from django.conf import settings

    assert settings.SSCP_ADMIN_2FA_REQUIRED is False, "the admin asks for a code outside production"
    contexts = []

    def open_as(username: str) -> Page:
        context = browser.new_context(base_url=live_site.url, viewport=DESKTOP, service_workers="block")
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append((username, context))
        tab = context.new_page()
        tab.goto("/admin/login/")
        tab.get_by_role("textbox", name="Username").fill(username)
        tab.get_by_label("Password").fill(DEMO_PASSWORD)
        tab.get_by_role("button", name="Sign in").click()
        # Straight to the dashboard: no two-factor step in development and tests.
        tab.wait_for_url(re.compile(r"/admin/$"))
        return tab

    yield open_as
    failed = check_failed(request)
    for username, context in contexts:
        if failed:
            report_failure(artifacts, context.pages, stem=username)
        context.close()


# Wagtail's editor saves a draft by itself half a second after each change
# (autosave, which on a new page also creates it). An editor waits for
# "Saved" before choosing an action; a click during a save would post a
# second new page or an out-of-date revision.
WATCH_AUTOSAVE = """() => {
  window.__autosave = {started: 0, saved: 0};
  document.addEventListener("w-autosave:save", () => { window.__autosave.started = performance.now(); });
  document.addEventListener("w-autosave:success", () => { window.__autosave.saved = performance.now(); });
}"""
AUTOSAVE_SETTLED = """(since) => {
  const {started, saved} = window.__autosave;
  const state = document.getElementById("w-autosave-indicator")?.dataset.wAutosaveStateValue;
  return state === "saved" && saved > since && saved >= started && performance.now() - saved > 1500
    && /\\/edit\\/$/.test(location.pathname);
}"""


def wait_until_autosaved(tab: Page, since: float) -> None:
    """Wait for a draft saved after ``since`` and no save since then (the editor's "Saved")."""
    tab.wait_for_function(AUTOSAVE_SETTLED, arg=since, timeout=TIMEOUT_MS * 2)
    expect(tab.locator("#w-autosave-indicator").get_by_text("Saved", exact=True)).to_be_visible()


def add_learning(tab: Page, number: int, heading: str, theme: str, text: str) -> None:
    """Append learning-theme block ``number`` in the Learning tab, choose its theme and write its learning."""
    learning_tab = tab.get_by_role("tabpanel", name="Learning")
    learning_tab.get_by_role("button", name="Insert a block", exact=True).last.click()
    learning_tab.get_by_role("textbox", name="Heading").nth(number).fill(heading)
    # The new block's chooser is the only one with no theme chosen yet.
    learning_tab.get_by_role("button", name="Choose learning theme").click()
    chooser = tab.get_by_role("dialog")
    chooser.get_by_role("link", name=theme, exact=True).click()
    expect(chooser).to_be_hidden()
    expect(learning_tab.get_by_text(theme, exact=True)).to_be_visible()
    learning_tab.locator("[contenteditable=true][role=textbox]").nth(number).click()
    tab.keyboard.type(text)


@pytest.fixture(scope="module")
def review_index_id(live_site: LiveSite, django_db_blocker) -> int:
    """Read outside any test's transaction: on SQLite an open read would lock out the live server's writes."""
    from wagtail.models import Page as WagtailPage

    with django_db_blocker.unblock():
        return WagtailPage.objects.get(url_path="/home/serious-case-reviews/").pk


def test_an_editor_writes_and_submits_a_review_and_a_moderator_approves_it(sign_in, new_page, review_index_id):
    editor = sign_in("editor")
    editor.goto(f"/admin/pages/{review_index_id}/")
    editor.get_by_role("link", name=re.compile(r"^Add child page")).first.click()
    editor.get_by_role("link", name=re.compile(r"^Review page")).first.click()

    editor.evaluate(WATCH_AUTOSAVE)
    editor.get_by_role("textbox", name="Title").fill(REVIEW_TITLE)
    editor.get_by_role("combobox", name="Review type").select_option(label="Child Safeguarding Practice Review")
    editor.get_by_role("textbox", name="Summary").fill("What the Child Safeguarding Practice Review of Child Q found.")
    editor.get_by_role("tab", name="Learning").click()
    for number, (heading, theme, text) in enumerate(LEARNING):
        add_learning(editor, number, heading, theme, text)
    editor.get_by_role("tab", name="Recommendations").click()
    recommendations = editor.get_by_role("tabpanel", name="Recommendations")
    recommendations.get_by_role("button", name="Insert a block", exact=True).last.click()
    recommendations.get_by_role("textbox", name="Text").fill(RECOMMENDATION)
    recommendations.get_by_role("textbox", name="Agency").fill("Community health services")
    wait_until_autosaved(editor, editor.evaluate("() => performance.now()"))

    # Editors submit for sign-off; they are offered no Publish.
    footer = editor.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    expect(footer.get_by_role("button", name=re.compile("^Publish"))).to_have_count(0)
    with editor.expect_navigation():
        footer.get_by_role("button", name=re.compile(r"^Submit to ")).click()
    expect(editor.get_by_role("status").filter(has_text="submitted")).to_have_count(1)

    # Not public until it is approved.
    public = new_page(fresh=True)
    assert public.goto(f"/serious-case-reviews/{REVIEW_SLUG}/").status == 404

    moderator = sign_in("moderator")
    awaiting = moderator.get_by_role("region", name=re.compile("Awaiting your approval"))
    row = awaiting.get_by_role("row").filter(has_text=REVIEW_TITLE)
    with moderator.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()
    expect(awaiting.get_by_role("row").filter(has_text=REVIEW_TITLE)).to_have_count(0)

    response = public.goto(f"/serious-case-reviews/{REVIEW_SLUG}/")
    assert response is not None and response.status == 200
    expect(public.get_by_role("heading", level=1)).to_have_text(REVIEW_TITLE)
    main = public.get_by_role("main")
    for heading, theme, text in LEARNING:
        expect(main.get_by_role("heading", name=heading)).to_be_visible()
        expect(main.get_by_role("link", name=theme, exact=True).first).to_be_visible()
        expect(main.get_by_text(text)).to_be_visible()
    expect(main.get_by_text(RECOMMENDATION)).to_be_visible()
    # Each theme's page now lists the review.
    for theme_slug in ("safe-sleep", "neglect"):
        public.goto(f"/serious-case-reviews/themes/{theme_slug}/")
        expect(public.get_by_role("main").get_by_role("link", name=REVIEW_TITLE)).to_be_visible()


def test_the_safeguarding_unit_reads_a_referral_and_an_editor_cannot(sign_in, new_page):
    # A reader sends a referral through the public form.
    sent = next(public_page for public_page in PAGES if public_page.id == "referral-sent")
    answers = tuple((name, REFERRAL_TEXT if name == "what_happened" else value) for name, value in sent.form or ())
    reader = new_page(fresh=True)
    visit(reader, replace(sent, form=answers))
    reference = reader.locator(".confirmation__reference").inner_text().strip()
    assert re.fullmatch(r"[A-Z]+-[0-9-]+", reference), reference
    assert REFERRAL_TEXT not in reader.content(), "the confirmation repeats what was reported"

    unit = sign_in("safeguarding")
    unit.get_by_role("link", name="Referrals", exact=True).click()
    unit.get_by_role("main").get_by_role("link", name=re.compile("referral", re.IGNORECASE)).first.click()
    submissions_url = unit.url
    expect(unit.get_by_role("main")).to_contain_text(REFERRAL_TEXT)
    expect(unit.get_by_role("main")).to_contain_text(reference)

    editor = sign_in("editor")
    expect(editor.get_by_role("link", name="Referrals", exact=True)).to_have_count(0)
    for url in ("/admin/referrals/", submissions_url):
        response = editor.goto(url)
        assert response is not None
        # Refused: Wagtail answers a PermissionDenied in the admin by sending
        # the user back to the dashboard with the reason.
        assert response.status == 403 or editor.url.endswith("/admin/"), f"{url}: HTTP {response.status} {editor.url}"
        if response.status != 403:
            expect(editor.get_by_role("status")).to_contain_text("do not have permission")
        expect(editor.locator("body")).not_to_contain_text(REFERRAL_TEXT)
        expect(editor.locator("body")).not_to_contain_text(reference)
