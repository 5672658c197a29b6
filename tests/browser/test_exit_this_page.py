"""The "Exit this page" button: a click or Shift three times replaces the page in the history."""

from __future__ import annotations

import pytest

from tests.browser.conftest import visit
from tests.browser.pages import PublicPage, interface_text, params

BUTTON = "[data-exit-this-page-button]"
HINT = "[data-exit-this-page-hint]"


NEUTRAL_PAGE = "<!DOCTYPE html><html lang='en'><title>Neutral page</title><p>Stand-in for the exit page.</p></html>"


def leave_by(page, live_site, public_page: PublicPage, action) -> None:
    """Open the page under test, exit with ``action``, and check the history was replaced, not added to."""
    exit_requests = []

    def fake_exit_page(route):
        # Intercepted in the browser: the request never leaves the machine.
        exit_requests.append(route.request.url)
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=NEUTRAL_PAGE)

    page.route(live_site.exit_url, fake_exit_page)
    visit(page, public_page)
    assert page.locator(BUTTON).get_attribute("href") == live_site.exit_url
    length_before = page.evaluate("() => history.length")
    action(page)
    page.wait_for_url(live_site.exit_url)
    assert exit_requests == [live_site.exit_url], "the exit page was not requested exactly once"
    # location.replace(): the exit page took the place of the page left, so
    # the history is no longer and Back skips the page (to the blank start
    # page of the tab; with a plain link or location.assign it would return).
    assert page.evaluate("() => history.length") == length_before, "the page left is still in the history"
    page.go_back()
    assert page.url == "about:blank", f"Back returned to {page.url}"
    assert page.traffic.off_site == [live_site.exit_url], page.traffic.off_site


@pytest.mark.parametrize("public_page", params("exit"))
def test_clicking_exit_replaces_the_page(new_page, live_site, public_page: PublicPage):
    leave_by(new_page(fresh=True), live_site, public_page, lambda page: page.locator(BUTTON).click())


@pytest.mark.parametrize("public_page", params("exit"))
def test_pressing_shift_three_times_exits(new_page, live_site, public_page: PublicPage):
    def press_shift_three_times(page):
        hint = page.locator(HINT)
        assert hint.is_visible(), "the Shift hint is hidden although JavaScript runs"
        assert hint.inner_text().strip() == interface_text(public_page, "Or press Shift 3 times")
        for _ in range(3):
            page.keyboard.press("Shift")

    leave_by(new_page(fresh=True), live_site, public_page, press_shift_three_times)


@pytest.mark.parametrize("public_page", params("exit"))
def test_shift_hint_is_hidden_without_javascript(new_page, public_page: PublicPage):
    """Without JavaScript the shortcut cannot work, so the hint stays hidden (the Shift test checks it shows with)."""
    page = new_page(javascript=False)
    visit(page, public_page)
    assert page.locator(HINT).count() == 1
    assert not page.locator(HINT).is_visible(), "the Shift hint shows without JavaScript, where it cannot work"
    # The button is still a plain link to the exit page.
    assert page.locator(BUTTON).is_visible()
