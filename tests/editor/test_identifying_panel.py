"""The "Possible identifying information" panel on a review's edit form: it warns, it never blocks."""

import pytest
from django.urls import reverse

from reviews.models import ReviewPage
from sscp_wagtail.editor.checks import check_identifying_information
from tests.conftest import page_at, soup
from tests.workflows.helpers import add_review_url, edit_url, make_user, review_form

pytestmark = pytest.mark.django_db

FIELDS = ["title", "summary", "how_reviewed", "story", "learning", "recommendations", "search_description"]


def panel(response):
    return soup(response).select_one(".sscp-identifying")


def test_the_demo_reviews_raise_no_warnings(demo):
    reviews = ReviewPage.objects.all()
    assert reviews.count() >= 4
    for review in reviews:
        assert check_identifying_information(review, FIELDS, ["reviewer", "commissioning_body"]) == [], review.title


def test_an_approver_opening_baby_m_sees_the_warning_for_the_draft(demo, admin_client):
    baby_m = page_at("/serious-case-reviews/baby-m/")
    quiet = admin_client.get(edit_url(baby_m))
    assert quiet.status_code == 200
    assert panel(quiet)["data-identifying-findings"] == "0"
    assert "No dates of birth" in panel(quiet).get_text()

    draft = baby_m.get_latest_revision_as_object()
    draft.summary = f"{draft.summary} Jane Smith, born 03/04/2016, was a neighbour."
    draft.save_revision()

    warned = panel(admin_client.get(edit_url(baby_m)))
    assert warned["data-identifying-findings"] == "2"
    items = [li.get_text(" ", strip=True) for li in warned.select("li")]
    assert items == [
        "A person's first and last name: “Jane Smith”",
        "A date that could be a date of birth: “03/04/2016”",
    ]
    # The live page is untouched: the warning is about the draft.
    assert "Jane Smith" not in page_at("/serious-case-reviews/baby-m/").summary


def test_the_reviewer_named_in_the_review_is_not_flagged(demo, admin_client):
    child_e = page_at("/serious-case-reviews/child-e/")
    assert "Maureen Noble" in child_e.reviewer
    draft = child_e.get_latest_revision_as_object()
    draft.summary = f"{draft.summary} Maureen Noble met the family."
    draft.save_revision()
    assert panel(admin_client.get(edit_url(child_e)))["data-identifying-findings"] == "0"


def test_a_warning_never_stops_a_save(demo, admin_client):
    index = page_at("/serious-case-reviews/")
    response = admin_client.post(
        add_review_url(index),
        review_form(title="Child Z", slug="child-z", summary="Jane Smith lived at SK1 3XE, phone 07700 900123."),
    )
    assert response.status_code == 302
    child_z = ReviewPage.objects.get(slug="child-z")
    warned = panel(admin_client.get(reverse("wagtailadmin_pages:edit", args=[child_z.pk])))
    assert warned["data-identifying-findings"] == "3"


def test_a_new_review_explains_the_check(demo, admin_client):
    index = page_at("/serious-case-reviews/")
    text = panel(admin_client.get(add_review_url(index))).get_text()
    assert "When you save a draft" in text


def test_names_the_partnership_allows_are_not_flagged(demo, settings):
    baby_m = page_at("/serious-case-reviews/baby-m/")
    baby_m.summary = "Jane Smith chaired the panel."
    assert [f.text for f in check_identifying_information(baby_m, FIELDS)] == ["Jane Smith"]
    settings.SSCP_IDENTIFYING_ALLOWED_NAMES = ["Jane Smith, independent chair"]
    assert check_identifying_information(baby_m, FIELDS) == []


def test_an_editor_adding_jane_smith_to_baby_m_through_the_form_is_warned(demo, client):
    client.force_login(make_user("editor", "Editors"))
    baby_m = page_at("/serious-case-reviews/baby-m/")
    response = client.post(
        edit_url(baby_m),
        review_form(
            title=baby_m.title,
            slug=baby_m.slug,
            summary="Baby M died suddenly. Jane Smith, born 03/04/2016, lived next door.",
        ),
    )
    assert response.status_code == 302  # saved as a draft: the check warns, it never blocks
    warned = panel(client.get(edit_url(baby_m)))
    assert warned["data-identifying-findings"] == "2"
    assert "Jane Smith" in warned.get_text() and "03/04/2016" in warned.get_text()


def test_the_partnership_s_own_panel_numbers_are_not_flagged_but_others_are(demo):
    baby_m = page_at("/serious-case-reviews/baby-m/")
    baby_m.summary = "Call 0161 217 6028 in office hours or 0161 718 2118 at other times."
    assert check_identifying_information(baby_m, FIELDS) == []
    baby_m.summary = "The family's number was 0161 496 0000."
    assert [finding.text for finding in check_identifying_information(baby_m, FIELDS)] == ["0161 496 0000"]
