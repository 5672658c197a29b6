"""An Urdu page is laid out right to left: the same page in English, mirrored.

Checked from the boxes the browser lays out (no screenshots): each landmark
that starts on the left in English starts on the right in Urdu, at the same
distance from its edge.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP

REVIEW = "/serious-case-reviews/baby-m/"
INDEX = "/serious-case-reviews/"
TOLERANCE = 2  # pixels: sub-pixel rounding between the two layouts


def layout(page, path: str, selectors: list[str]) -> dict[str, dict]:
    page.set_viewport_size(DESKTOP)
    response = page.goto(path)
    assert response is not None and response.status == 200, path
    boxes = {}
    for selector in selectors:
        box = page.locator(selector).first.bounding_box()
        assert box is not None, f"{selector} is not laid out on {path}"
        boxes[selector] = box
    return boxes


def anchored_edge_gap(english: dict, urdu: dict, width: float) -> float:
    """How far the Urdu box is from the English box reflected in the page's
    centre line. Translated text changes a box's width, so only the edge the
    box hangs from (its start, or its end) must match: the smaller gap."""
    reflected_left, reflected_right = width - (english["x"] + english["width"]), width - english["x"]
    return min(abs(urdu["x"] - reflected_left), abs(urdu["x"] + urdu["width"] - reflected_right))


@pytest.mark.parametrize(
    ("path", "selectors"),
    [
        (REVIEW, [".site-header__name", ".exit-this-page__button", ".breadcrumbs li", ".site-nav__list li"]),
        (INDEX, [".site-header__name", ".exit-this-page__button", ".filters", ".review-list__results"]),
    ],
)
def test_an_urdu_page_mirrors_the_english_layout(page, path, selectors):
    english = layout(page, path, selectors)
    assert page.evaluate("() => [document.documentElement.lang, getComputedStyle(document.body).direction]") == [
        "en-gb",
        "ltr",
    ]
    urdu = layout(page, "/ur" + path, selectors)
    assert page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]") == ["ur", "rtl"]
    assert page.evaluate("() => getComputedStyle(document.body).direction") == "rtl"
    width = page.evaluate("() => document.documentElement.clientWidth")
    for selector in selectors:
        gap = anchored_edge_gap(english[selector], urdu[selector], width)
        assert gap <= TOLERANCE, (
            f"{selector}: English box x={english[selector]['x']:.0f} w={english[selector]['width']:.0f}, Urdu box "
            f"x={urdu[selector]['x']:.0f} w={urdu[selector]['width']:.0f}: not its mirror image ({gap:.0f}px off)"
        )


def test_in_urdu_the_page_starts_at_the_right_and_the_filters_sit_right_of_the_results(page):
    boxes = layout(page, "/ur" + INDEX, [".site-header__name", ".filters", ".review-list__results"])
    name, filters = boxes[".site-header__name"], boxes[".filters"]
    # The site name starts the header where the filters start the content: at the right.
    assert abs((name["x"] + name["width"]) - (filters["x"] + filters["width"])) <= TOLERANCE
    assert filters["x"] > boxes[".review-list__results"]["x"]
    # Text starts at the right: the heading's right edge is the content's right edge.
    heading = page.locator("main h1").bounding_box()
    results = boxes[".review-list__results"]
    filters = boxes[".filters"]
    assert abs((heading["x"] + heading["width"]) - (filters["x"] + filters["width"])) <= TOLERANCE
    assert results["x"] + results["width"] < filters["x"]


def test_the_language_switcher_names_each_language_in_its_own_script(page):
    page.goto("/ur/")
    links = page.locator(".language-switcher li > *")
    assert links.all_inner_texts() == ["English", "Polski", "اردو"]
    assert [links.nth(i).get_attribute("lang") for i in range(3)] == ["en-gb", "pl", "ur"]
    page.locator(".language-switcher a[hreflang=pl]").click()
    page.wait_for_url("**/pl/")
    assert page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]") == ["pl", "ltr"]
