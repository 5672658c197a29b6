"""axe-core (WCAG 2.0/2.1/2.2 A and AA rules) and reflow at 320 CSS pixels, page by page.

320 CSS pixels is what a 1280-pixel-wide window shows at 400% zoom (the
measure of WCAG 2.2 success criterion 1.4.10, Reflow): the page must then
need no sideways scrolling.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import NARROW, assert_no_axe_violations, visit
from tests.browser.pages import PublicPage, params


@pytest.mark.parametrize("public_page", params("axe"))
def test_axe_finds_no_violations(page, public_page: PublicPage, axe_script, artifacts):
    visit(page, public_page)
    assert_no_axe_violations(page, axe_script, artifacts, public_page.path)
    assert not page.traffic.off_site, f"{public_page.path} requested off-site resources: {page.traffic.off_site}"


@pytest.mark.parametrize("public_page", params("reflow"))
def test_no_horizontal_scrolling_at_320_pixels(new_page, public_page: PublicPage):
    page = new_page(viewport=NARROW)
    visit(page, public_page)
    widths = page.evaluate(
        "() => ({scroll: document.scrollingElement.scrollWidth, viewport: window.innerWidth,"
        " widest: [...document.querySelectorAll('body *')]"
        "   .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)"
        "   .slice(0, 5).map((el) => el.outerHTML.slice(0, 120))})"
    )
    assert widths["viewport"] == NARROW["width"]
    assert widths["scroll"] <= widths["viewport"], (
        f"{public_page.path} scrolls sideways at 320 px: {widths['scroll']} > {widths['viewport']}; "
        f"elements past the right edge: {widths['widest']}"
    )
