"""Keyboard use: the skip link and a visible focus indicator on every tab stop."""

from __future__ import annotations

import pytest

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
RECORD_UNFOCUSED = f"""() => {{
  const style = {STYLE};
  window.__unfocused = new Map([...document.querySelectorAll('{FOCUSABLE}')].map((el) => [el, style(el)]));
  return window.__unfocused.size;
}}"""
COMPARE_FOCUSED = f"""() => {{
  const style = {STYLE};
  const el = document.activeElement;
  if (!el || el === document.body || el.tagName === "MAIN") {{ return null; }}
  return {{
    html: el.outerHTML.slice(0, 120), focused: style(el), unfocused: window.__unfocused.get(el) ?? null,
    index: [...window.__unfocused.keys()].indexOf(el),
  }};
}}"""


@pytest.mark.parametrize("public_page", params("focus"))
def test_every_tab_stop_has_a_visible_focus_indicator(page, public_page: PublicPage):
    visit(page, public_page)
    count = page.evaluate(RECORD_UNFOCUSED)
    assert count > 0
    seen, unchanged, unknown = set(), [], []
    for _ in range(count + 10):
        page.keyboard.press("Tab")
        stop = page.evaluate(COMPARE_FOCUSED)
        key = stop and (stop["index"] if stop["index"] >= 0 else stop["html"])
        if stop is None or key in seen:
            break  # out into the browser's own UI, or round to the start again
        seen.add(key)
        if stop["unfocused"] is None:
            unknown.append(stop["html"])  # focusable, but not matched by FOCUSABLE
        elif stop["focused"] == stop["unfocused"]:
            unchanged.append(f"{stop['html']}  style: {stop['focused']}")
    assert len(seen) >= 3, f"only {len(seen)} tab stop(s) reached on {public_page.path}"
    assert not unchanged, f"no visible focus change on {public_page.path}:\n" + "\n".join(unchanged)
    assert not unknown, f"tab stops this check does not cover (extend FOCUSABLE): {unknown}"
