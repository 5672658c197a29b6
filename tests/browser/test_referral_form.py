"""The referral form's error summary with a keyboard: it takes focus, and its links move focus to the fields."""

from __future__ import annotations

import pytest

from tests.browser.conftest import visit
from tests.browser.pages import PAGES

ERRORS = next(page for page in PAGES if page.id == "referral-errors")
ACTIVE = "() => document.activeElement && (document.activeElement.id || document.activeElement.className)"


def test_the_error_summary_takes_focus_and_its_links_move_focus_to_each_field(page):
    visit(page, ERRORS)
    page.wait_for_function("() => document.activeElement.classList.contains('error-summary')")
    assert page.title().startswith("Error:")
    links = page.locator(".error-summary a")
    targets = [href.removeprefix("#") for href in links.evaluate_all("(links) => links.map((a) => a.hash)")]
    assert "id_your_name" in targets and "id_which_criteria_apply_0" in targets

    for number, target in enumerate(targets):
        visit(page, ERRORS)
        page.wait_for_function("() => document.activeElement.classList.contains('error-summary')")
        for _ in range(number + 1):
            page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.hash") == f"#{target}"
        page.keyboard.press("Enter")
        page.wait_for_function(f"() => document.activeElement.id === {target!r}")
        # The field's label (or the group's legend) is on screen, not scrolled away above it.
        label_top = page.evaluate(
            """(id) => {
              const input = document.getElementById(id);
              const label = input.closest("fieldset")?.querySelector("legend")
                || document.querySelector(`label[for="${id}"]`);
              return label.getBoundingClientRect().top;
            }""",
            target,
        )
        assert -1 <= label_top < page.viewport_size["height"], target


@pytest.mark.parametrize("javascript", [False])
def test_without_javascript_the_links_still_lead_to_the_fields(new_page, javascript):
    page = new_page(javascript=javascript)
    visit(page, ERRORS)
    first = page.locator(".error-summary a").first
    target = first.evaluate("(a) => a.hash")
    first.click()
    assert page.url.endswith(target)
    assert page.locator(target).is_visible()


def test_too_many_referrals_keeps_the_answers_and_the_notice_takes_focus(page):
    too_many = next(public_page for public_page in PAGES if public_page.id == "referral-too-many")
    response = visit(page, too_many)
    assert response.headers.get("retry-after", "").isdigit()
    page.wait_for_function("() => document.activeElement.classList.contains('notice')")
    assert "Too many referrals" in page.locator(".notice").inner_text()
    # Nothing typed is lost: every answer is back in its field.
    assert page.locator("#id_your_name").input_value() == "Alex Example"
    assert page.locator("#id_what_happened").input_value() == "A description of what happened."
