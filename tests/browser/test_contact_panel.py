"""A cached page never shows a stale "call now" status.

The server writes the status for the moment it rendered; the script
recomputes it in the browser from the data island. Chromium's clock is set to
moments other than now (Playwright's clock), and the sentence the reader sees
must be the one the engine gives through the API for that moment, in the open
and closed states, and each state must pass the accessibility audit and the
HTML validator (the document as the script left it). The
server's own sentence is for the real now, so it matches at most one of the two
states: the other can only pass if the script recomputed.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from sscp_wagtail.opening_hours import LONDON
from tests.browser.conftest import assert_no_axe_violations
from tests.browser.test_html_validity import describe, validate

TITLE = "Child abuse or neglect"
PANEL = f".contact-panel:has(h2:text-is('{TITLE}'))"


def status_at(page, at: dt.datetime) -> dict:
    response = page.request.get(f"/api/v2/contact-panels/?at={quote(at.isoformat())}")
    assert response.ok, response.text()
    (panel,) = [item for item in response.json()["items"] if item["title"] == TITLE]
    return panel["status"]


def moment_when(page, *, is_open: bool) -> tuple[dt.datetime, str]:
    """A moment in the next week with the office open (or closed), and the engine's sentence for it."""
    at = dt.datetime.now(LONDON).replace(second=0, microsecond=0) + dt.timedelta(hours=2)
    for _ in range(4):
        status = status_at(page, at)
        if status["open"] is is_open:
            return at, status["sentence"]
        at = dt.datetime.fromisoformat(status["next_change"]) + dt.timedelta(minutes=7)
    raise AssertionError("the office never changed state")


@pytest.mark.parametrize("state", ["open", "closed"])
def test_the_browser_shows_the_status_for_its_own_clock(new_page, axe_script, artifacts, tmp_path, state):
    page = new_page(fresh=True)
    at, expected = moment_when(page, is_open=state == "open")
    assert expected.startswith("Open now" if state == "open" else "Closed now")

    page.clock.install(time=at)
    page.goto("/serious-case-reviews/")
    expect(page.locator(f"{PANEL} [data-contact-panel-sentence]")).to_have_text(expected)

    # The document as the script left it (the sentence, and in office hours
    # its telephone link, are the script's), before axe adds its own script.
    shown = page.content()
    assert_no_axe_violations(page, axe_script, artifacts, f"the {state} contact panel")
    messages = validate({state: shown.encode()}, tmp_path)[state]
    if messages:
        artifacts.add("dom.html", shown)
    assert messages == [], describe(f"the page with the {state} contact panel", messages)
