"""The checks fail when a page loses what makes it accessible.

Each test takes a real page as the server sends it, checks that the
unchanged copy passes, then serves the browser a copy with one thing broken
(an image's alt text, a form field's label) and asserts that axe-core (and,
for the alt text, vnu) reports exactly that, with its selector, and that a
failure leaves its screenshot, HTML and report and says where they are.

The demo content has no images, so the alt-text test adds one to the body of
a standard page, marked up as the image block renders it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest

from tests.browser.conftest import Artifacts, LiveSite, assert_no_axe_violations, report_failure
from tests.browser.test_html_validity import validate

STANDARD_PAGE = "/rapid-review-process/"
REFERRAL_FORM = "/case-review-referral/"
# A 1×1 grey PNG.
PIXEL = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCB3UNq9AAAAABJRU5ErkJggg=="
)
# An image block with no caption (HTML lets a captioned image go without alt,
# so vnu would rightly not object there; axe still would).
FIGURE = '<figure class="image-block"><img src="{src}" {alt} width="320" height="180"></figure>'

WITH_ALT = 'alt="Bar chart: referrals rose from 40 in 2021 to 65 in 2024"'


def serve(page, site: LiveSite, path: str, html: str) -> None:
    """Show ``html`` in the tab as if the server had sent it for ``path``."""
    page.route(
        site + path,
        lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html),
        times=1,
    )
    response = page.goto(path)
    assert response is not None and response.status == 200
    page.locator("main h1").wait_for(state="attached")


def sent_with(page, path: str, change: Callable[[str], str]) -> tuple[str, str]:
    """The page as the server sends it, and the same page changed."""
    original = page.request.get(path).text()
    changed = change(original)
    assert changed != original, f"the change did not apply to {path}"
    return original, changed


def add_figure(alt: str) -> Callable[[str], str]:
    figure = FIGURE.format(src=PIXEL, alt=alt)
    return lambda html: re.sub(r"(<main\b.*?</h1>)", lambda m: m.group(1) + figure, html, count=1, flags=re.S)


def failing_check(page, axe_script, tmp_path, where: str, capsys) -> tuple[str, Artifacts, str]:
    """Run the axe check as a test does; return its failure message, the report it left and what it printed."""
    caught = Artifacts(tmp_path / "failed-test")
    with pytest.raises(AssertionError) as failure:
        assert_no_axe_violations(page, axe_script, caught, where)
    capsys.readouterr()
    report_failure(caught, [page])  # what the fixtures do when a test fails
    return str(failure.value), caught, capsys.readouterr().out


def assert_report_written(caught: Artifacts, printed: str, rule: str, target: str, missing: str) -> None:
    assert f"Browser test artifacts: {caught.where}/" in printed
    screenshot = caught.folder / "page.png"
    assert screenshot.read_bytes().startswith(b"\x89PNG"), "no screenshot"
    html = (caught.folder / "page.html").read_text()
    assert missing not in html and "<main" in html, "the saved HTML is not the page that failed"
    report = json.loads((caught.folder / "axe-violations.json").read_text())
    assert [v["id"] for v in report] == [rule]
    assert [n["target"] for n in report[0]["nodes"]] == [[target]]


def test_an_image_without_alt_text_fails_axe_and_vnu(page, live_site, axe_script, artifacts, tmp_path, capsys):
    original, with_alt = sent_with(page, STANDARD_PAGE, add_figure(WITH_ALT))
    without_alt = with_alt.replace(WITH_ALT + " ", "")
    assert "<img" in without_alt and "alt=" not in without_alt.split('class="image-block"')[1].split("</figure>")[0]

    # The page with its image described passes both checks ...
    serve(page, live_site, STANDARD_PAGE, with_alt)
    assert_no_axe_violations(page, axe_script, artifacts, "the page with a described image")
    messages = validate({"with-alt": with_alt.encode(), "without-alt": without_alt.encode()}, tmp_path)
    assert messages["with-alt"] == []
    # ... and without the alt attribute both fail, naming the image.
    assert [m["message"] for m in messages["without-alt"]] == [
        "An “img” element must have an “alt” attribute, except under certain conditions. "
        "For details, consult guidance on providing text alternatives for images."
    ]
    assert "<img" in messages["without-alt"][0]["extract"]

    serve(page, live_site, STANDARD_PAGE, without_alt)
    message, caught, printed = failing_check(page, axe_script, tmp_path, STANDARD_PAGE, capsys)
    assert "- image-alt (critical): Images must have alternative text" in message
    assert 'target: "img"' in message, message
    assert_report_written(caught, printed, "image-alt", "img", WITH_ALT)


def test_a_field_without_its_label_fails_axe(page, live_site, axe_script, artifacts, tmp_path, capsys):
    label = re.compile(r'<label\b[^>]*\bfor="id_your_name"[^>]*>.*?</label>', re.S)
    original, unlabelled = sent_with(page, REFERRAL_FORM, lambda html: label.sub("", html, 1))

    serve(page, live_site, REFERRAL_FORM, original)
    assert_no_axe_violations(page, axe_script, artifacts, "the referral form as sent")

    serve(page, live_site, REFERRAL_FORM, unlabelled)
    message, caught, printed = failing_check(page, axe_script, tmp_path, REFERRAL_FORM, capsys)
    assert "- label (critical): Form elements must have labels" in message
    assert 'target: "#id_your_name"' in message, message
    assert_report_written(caught, printed, "label", "#id_your_name", 'for="id_your_name"')
