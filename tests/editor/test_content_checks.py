"""Content checks: link text, document links, heading levels, long paragraphs, long summaries."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage
from reviews.models import BriefingPage, ReviewIndexPage, ReviewPage
from sscp_wagtail.editor.checks import check_content
from sscp_wagtail.editor.content import (
    LONG_PARAGRAPH_WORDS,
    heading_warnings,
    link_warnings,
    paragraph_warnings,
    summary_warnings,
)
from sscp_wagtail.referrals.models import ReferralFormPage
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
    reviews = ReviewPage.objects.all()
    assert reviews.count() >= 4
    for review in reviews:
        assert check_content(review, REVIEW_FIELDS, "summary", sectioned=True) == [], review.title
    # Every other page of the demo too, with the fields its edit form checks or shows as rich text.
    others = [
        (HomePage, ["introduction"]),
        (StandardPage, ["body"]),
        (ReviewIndexPage, ["introduction", "body"]),
        (BriefingPage, [name for name, _heading in BriefingPage.SECTIONS]),
        (ReferralFormPage, ["intro", "thank_you_text"]),
    ]
    for model, fields in others:
        pages = model.objects.all()
        assert pages.exists(), model
        for page in pages:
            assert check_content(page, fields) == [], page.title


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ([(3, "A"), (4, "B"), (3, "C")], []),
        ([(2, "Splits the section")], [("heading-in-section", "Splits the section")]),
        ([(3, "A"), (2, "B")], [("heading-in-section", "B")]),
        ([(4, "Too deep first")], [("heading-skipped", "Too deep first")]),
    ],
)
def test_headings_inside_a_section_with_its_own_h2(levels, expected):
    assert checks(heading_warnings(levels, start=2)) == expected


@pytest.mark.django_db
def test_a_review_s_sections_start_their_headings_at_h3(demo, admin_client):
    baby_m = page_at("/serious-case-reviews/baby-m/")
    draft = baby_m.get_latest_revision_as_object()
    draft.how_reviewed = "<h2>Method</h2><p>Interviews.</p><h4>Who took part</h4>"
    draft.save_revision()
    page = soup(admin_client.get(f"/admin/pages/{baby_m.pk}/edit/"))
    items = [(li["data-check"], li.get_text(" ", strip=True)) for li in page.select(".sscp-content-checks li")]
    assert [check for check, _text in items] == ["heading-in-section", "heading-skipped"]
    assert "start at h3" in items[0][1]
    # A learning block's heading is shown as an h3 there, so an h4 inside its text is in order.
    learning = draft.learning[0].value
    learning["learning"] = RichText("<h4>What the agencies knew</h4><p>Little.</p>")
    assert check_content(draft, ["learning"], sectioned=True) == []
    learning["learning"] = RichText("<h2>What the agencies knew</h2><p>Little.</p>")
    assert checks(check_content(draft, ["learning"], sectioned=True)) == [
        ("heading-in-section", "What the agencies knew")
    ]


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


@pytest.mark.parametrize(
    ("alt", "flagged"),
    [
        ("IMG_2041.jpg", True),
        ("Image of a cot", True),
        ("photo", True),
        ("A baby asleep on its back in a cot, with no pillows or toys", False),
    ],
)
def test_image_blocks_with_unhelpful_alt_text(home_page, alt, flagged):
    image = Image.objects.create(title="Cot", file=get_test_image_file())
    page = StandardPageFactory(
        parent=home_page,
        title="Safe sleep",
        body=[{"type": "image", "value": {"image": image.pk, "alt_text": alt, "caption": ""}}],
    )
    expected = [("image-alt", alt)] if flagged else []
    assert checks(check_content(page, ["body"])) == expected
