"""Keyboard use: the skip link and a visible focus indicator on every tab stop."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import visit
from tests.browser.pages import PublicPage, interface_text, params

ACTIVE_ELEMENT = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return null; }
  const box = el.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    tag: el.tagName.toLowerCase(), id: el.id, className: el.className, text: el.textContent.trim(),
    href: el.getAttribute("href"),
    box: {left: box.left, top: box.top, right: box.right, bottom: box.bottom},
    viewport: {width: window.innerWidth, height: window.innerHeight},
    onTop: hit === el || el.contains(hit),
  };
}"""


@pytest.mark.parametrize("public_page", params("skip-link"))
def test_skip_link_is_first_tab_stop_visible_and_moves_focus_to_main(page, public_page: PublicPage):
    visit(page, public_page)
    page.keyboard.press("Tab")
    focused = page.evaluate(ACTIVE_ELEMENT)
    assert focused is not None, "Tab focused nothing"
    skip_text = interface_text(public_page, "Skip to content")
    assert (focused["tag"], focused["text"], focused["href"]) == ("a", skip_text, "#main-content"), (
        f"the first tab stop is {focused}"
    )
    box, viewport = focused["box"], focused["viewport"]
    assert box["right"] - box["left"] >= 1 and box["bottom"] - box["top"] >= 1, f"focused skip link has no size: {box}"
    assert box["left"] >= 0 and box["top"] >= 0, f"focused skip link is off screen: {box}"
    assert box["right"] <= viewport["width"] and box["bottom"] <= viewport["height"], f"off screen: {box}"
    assert focused["onTop"], "the focused skip link is covered by another element"

    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'main-content'")
    assert page.evaluate("() => document.activeElement.tagName") == "MAIN"
    # The next Tab continues from the content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate(
        """() => {
          const main = document.getElementById("main-content"), el = document.activeElement;
          const after = (node) => main.contains(node) || Boolean(main.compareDocumentPosition(node) & 4);
          const anyAfter = [...document.querySelectorAll("a[href], button, input, select, textarea")].some(after);
          return anyAfter ? after(el) : true;  // nothing to reach after <main>: focus wraps round
        }"""
    ), "Tab after the skip link went back above <main>"


FOCUSABLE = (
    'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe,'
    ' audio[controls], video[controls], [contenteditable], [tabindex]:not([tabindex="-1"])'
)
STYLE = """(el) => {
  const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
          s.textDecorationLine, s.borderColor].join(" | ");
}"""
# A radio group is one tab stop (arrow keys move within it): it is keyed by its name.
TAB_KEY = """(el, index) => el.type === "radio" ? `radio:${el.name}` : index"""
RECORD_UNFOCUSED = f"""() => {{
  const style = {STYLE}, key = {TAB_KEY};
  window.__unfocused = new Map([...document.querySelectorAll('{FOCUSABLE}')].map((el) => [el, style(el)]));
  // What a keyboard user must be able to reach: every control shown and enabled (tabindex="-1" on a
  // link or button is a fault, not an exception).
  const tabbable = [...window.__unfocused.keys()].map((el, index) => [el, index]).filter(([el]) =>
    !el.disabled && !el.closest("[inert]")
    && el.checkVisibility({{visibilityProperty: true}}));
  return {{count: window.__unfocused.size, tabbable: tabbable.map(([el, index]) => ({{
    key: key(el, index), html: el.outerHTML.slice(0, 120)}}))}};
}}"""
COMPARE_FOCUSED = f"""() => {{
  const style = {STYLE}, key = {TAB_KEY};
  const el = document.activeElement;
  if (!el || el === document.body || el.tagName === "MAIN") {{ return null; }}
  const index = [...window.__unfocused.keys()].indexOf(el);
  return {{
    html: el.outerHTML.slice(0, 120), focused: style(el), unfocused: window.__unfocused.get(el) ?? null,
    index, key: index >= 0 ? key(el, index) : el.outerHTML.slice(0, 120),
  }};
}}"""


@pytest.mark.parametrize("public_page", params("focus"))
def test_every_tab_stop_is_reached_in_order_with_a_visible_focus_indicator(page, public_page: PublicPage):
    """Tab goes through every element a keyboard user needs, in reading order, each visibly focused, and
    out of the page and round again: nothing is unreachable and nothing traps focus."""
    visit(page, public_page)
    recorded = page.evaluate(RECORD_UNFOCUSED)
    assert recorded["count"] > 0
    seen, order, unchanged, unknown = set(), [], [], []
    left_the_page = False
    for _ in range(recorded["count"] + 10):
        page.keyboard.press("Tab")
        stop = page.evaluate(COMPARE_FOCUSED)
        if stop is None:  # out into the browser's own UI (or not: Chromium may wrap straight round)
            if left_the_page:
                break
            left_the_page = True
            continue
        if stop["key"] in seen:
            break  # round to where the walk began
        seen.add(stop["key"])
        order.append(stop["index"])
        if stop["unfocused"] is None:
            unknown.append(stop["html"])  # focusable, but not matched by FOCUSABLE
        elif stop["focused"] == stop["unfocused"]:
            unchanged.append(f"{stop['html']}  style: {stop['focused']}")
    assert len(seen) >= 3, f"only {len(seen)} tab stop(s) reached on {public_page.path}"
    assert not unchanged, f"no visible focus change on {public_page.path}:\n" + "\n".join(unchanged)
    assert not unknown, f"tab stops this check does not cover (extend FOCUSABLE): {unknown}"
    unreached = [stop["html"] for stop in recorded["tabbable"] if stop["key"] not in seen]
    assert not unreached, f"Tab never reaches these on {public_page.path} (unreachable or focus trapped):\n" + (
        "\n".join(unreached)
    )
    # Document order, once round: it may start part-way (focus placed on an error summary) and wrap once.
    descents = sum(1 for before, after in zip(order, order[1:], strict=False) if after < before)
    assert descents <= 1, f"tab order jumps back and forth on {public_page.path}: {order}"


# --- Tasks done with the keyboard alone ---------------------------------------------


FOCUSED_IS = """([text, selector]) => {
  const el = document.activeElement;
  if (!el || el === document.body) { return false; }
  return selector ? el.matches(selector) : (el.innerText || "").trim().startsWith(text);
}"""


def tab_to(page, text: str = "", *, selector: str = "", limit: int = 80) -> None:
    """Press Tab until focus is on the element whose text starts with ``text`` (or that matches ``selector``)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_IS, [text, selector]):
            return
    raise AssertionError(f"{text or selector!r} was not reached in {limit} presses of Tab on {page.url}")


def test_the_review_filters_work_by_keyboard(page):
    page.goto("/serious-case-reviews/")
    everything = page.locator(".review-cards > li").count()
    tab_to(page, "Safe sleep (")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "theme=safe-sleep" in page.url
    expect(page.locator(".review-list__count")).to_contain_text("match")
    filtered = page.locator(".review-cards > li").count()
    assert 0 < filtered < everything, (filtered, everything)
    # The chosen filter says so, and Enter on it takes it off again.
    tab_to(page, "Safe sleep (")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-current')") == "true"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "theme=" not in page.url
    assert page.locator(".review-cards > li").count() == everything


def test_search_works_by_keyboard(page):
    page.goto("/")
    tab_to(page, "Search this site")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, selector="input[type=search]")
    page.keyboard.type("safe sleep")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".search-summary")).to_contain_text("safe sleep")
    first_result = page.locator("ol.search-results li a").first
    title = first_result.inner_text().strip()
    tab_to(page, title)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("main h1")).to_have_text(title)
