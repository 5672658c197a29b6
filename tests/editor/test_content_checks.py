"""Content checks: link text, document links, heading levels, long paragraphs, long summaries."""

import pytest

from home.factories import StandardPageFactory
from reviews.models import ReviewPage
from sscp_wagtail.editor.checks import check_content
from sscp_wagtail.editor.content import (
    LONG_PARAGRAPH_WORDS,
    heading_warnings,
    link_warnings,
    paragraph_warnings,
    summary_warnings,
)
from tests.conftest import page_at, soup

REVIEW_FIELDS = ["how_reviewed", "story", "learning", "recommendations", "documents"]


def checks(warnings) -> list[tuple[str, str]]:
    return [(warning.check, warning.text) for warning in warnings]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p>To refer, <a href="https://example.org/refer">click here</a>.</p>', [("vague-link", "click here")]),
        ('<p><a linktype="page" id="3">Read more…</a></p>', [("vague-link", "Read more…")]),
        ('<p><a linktype="page" id="3">Read more.</a></p>', [("vague-link", "Read more.")]),
        ('<p><a href="https://www.gov.uk/">HERE</a></p>', [("vague-link", "HERE")]),
        ('<p><a href="https://www.gov.uk/x">https://www.gov.uk/x</a></p>', [("url-link", "https://www.gov.uk/x")]),
        ('<p><a href="https://www.nspcc.org.uk">www.nspcc.org.uk</a></p>', [("url-link", "www.nspcc.org.uk")]),
        ('<p><a linktype="document" id="4">baby-m-report_v2.pdf</a></p>', [("document-link", "baby-m-report_v2.pdf")]),
        ('<p><a linktype="document" id="4"> </a></p>', [("document-link", "")]),
        ('<p><a href="https://example.org"></a></p>', [("empty-link", "")]),
        # Good links say where they go.
        ('<p>Read <a linktype="document" id="4">the Baby M report</a>.</p>', []),
        ('<p><a href="https://www.lullabytrust.org.uk/">The Lullaby Trust’s safe sleep advice</a></p>', []),
        ("<p>No links at all, just here and click here as words.</p>", []),
    ],
)
def test_link_text(html, expected):
    assert checks(link_warnings(html)) == expected


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ([(2, "A"), (3, "B"), (4, "C"), (2, "D"), (3, "E")], []),
        ([(2, "A"), (4, "C")], [("heading-skipped", "C")]),
        ([(3, "First")], [("heading-skipped", "First")]),  # the first heading after the title is an h2
        ([(1, "Title again"), (2, "A")], [("heading-h1", "Title again")]),
        ([(2, "A"), (3, "B"), (2, "C"), (4, "D")], [("heading-skipped", "D")]),
        ([], []),
    ],
)
def test_heading_levels(levels, expected):
    assert checks(heading_warnings(levels)) == expected


def test_long_paragraphs():
    short = "<p>" + "word " * LONG_PARAGRAPH_WORDS + "</p>"
    long = "<p>" + "word " * (LONG_PARAGRAPH_WORDS + 1) + "</p>"
    assert paragraph_warnings(short) == []
    (warning,) = paragraph_warnings(short + long)
    assert f"{LONG_PARAGRAPH_WORDS + 1} words" in warning.message


@pytest.mark.parametrize(
    ("summary", "count"),
    [
        ("One. Two. Three.", 0),
        ("A baby died. The review found gaps. Learning was shared.", 0),
        ("One. Two. Three. Four.", 1),
        ("", 0),
    ],
)
def test_summary_length(summary, count):
    assert len(summary_warnings(summary)) == count


@pytest.mark.django_db
def test_the_demo_pages_read_well(demo):
    for review in ReviewPage.objects.all():
        assert check_content(review, REVIEW_FIELDS, "summary") == [], review.title


@pytest.mark.django_db
def test_headings_are_checked_across_blocks_and_rich_text(home_page, admin_client):
    page = StandardPageFactory(
        parent=home_page,
        title="Guidance",
        body=[
            {"type": "heading", "value": {"text": "Who can refer", "level": "h2"}},
            {"type": "paragraph", "value": '<h4>Out of order</h4><p><a href="https://x.org">click here</a></p>'},
            {"type": "heading", "value": {"text": "Next steps", "level": "h3"}},
        ],
    )
    assert checks(check_content(page, ["body"])) == [("vague-link", "click here"), ("heading-skipped", "Out of order")]
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    panel = soup(response).select_one(".sscp-content-checks")
    assert panel["data-content-warnings"] == "2"
    assert [li["data-check"] for li in panel.select("li")] == ["vague-link", "heading-skipped"]


@pytest.mark.django_db
def test_the_review_edit_form_shows_both_panels_and_still_saves(demo, admin_client):
    baby_m = page_at("/serious-case-reviews/baby-m/")
    page = soup(admin_client.get(f"/admin/pages/{baby_m.pk}/edit/"))
    assert page.select_one(".sscp-content-checks")["data-content-warnings"] == "0"
    draft = baby_m.get_latest_revision_as_object()
    draft.how_reviewed = '<p>See <a href="https://example.org/">click here</a>.</p>'
    draft.summary = "One. Two. Three. Four."
    draft.save_revision()
    page = soup(admin_client.get(f"/admin/pages/{baby_m.pk}/edit/"))
    assert [li["data-check"] for li in page.select(".sscp-content-checks li")] == ["vague-link", "long-summary"]
