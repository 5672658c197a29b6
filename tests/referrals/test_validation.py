"""Bad input gets a clear field error and loses nothing; the page explains every error (GOV.UK pattern)."""

from __future__ import annotations

import pytest
from django.test import override_settings

from sscp_wagtail.referrals.models import ReferralAttachment, ReferralSubmission
from tests.conftest import soup

from .helpers import URL, answers, docx_file, html_disguised_as_pdf, odt_file, pdf_file, zip_file

pytestmark = pytest.mark.django_db


def errors_for(response, name: str) -> str:
    element = soup(response).select_one(f"#id_{name}-error")
    return element.get_text(" ", strip=True) if element else ""


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("your_email_address", "a@b.com\r\nBcc: x@y", "line breaks or hidden control characters"),
        ("your_email_address", "a@b.com\nBcc: x@y.org", "line breaks or hidden control characters"),
        ("your_name", "Priya\x00Referrer", "line breaks or hidden control characters"),
        ("your_name", "Priya\r\nX-Header: injected", "line breaks or hidden control characters"),
        ("your_agency", "Agency\x1b[31m", "line breaks or hidden control characters"),
        ("what_happened", "Text with a NUL \x00 byte", "hidden control characters"),
        ("your_name", "x" * 256, "at most 255 characters"),
        ("what_happened", "x" * 5001, "at most 5000 characters"),
        ("your_email_address", "not an address", "valid email address"),
        ("childs_age", "three", "Enter a number"),
        ("childs_initials", "", "This field is required"),
        ("which_criteria_apply", ["Something else"], "Select a valid choice"),
    ],
)
def test_hostile_or_wrong_input_gets_a_field_error_never_a_500(form_page, client, field, value, message):
    response = client.post(URL, answers(form_page, **{field: value}))
    assert response.status_code == 200
    assert message in errors_for(response, field)
    assert ReferralSubmission.objects.count() == 0


def test_multi_line_answers_keep_their_line_breaks(form_page, client):
    client.post(URL, answers(form_page, what_happened="First line.\r\n\tSecond line."))
    assert ReferralSubmission.objects.get().form_data["what_happened"] == "First line.\r\n\tSecond line."


def test_the_error_summary_links_to_each_field_and_the_answers_are_kept(form_page, client):
    response = client.post(
        URL,
        answers(
            form_page,
            your_email_address="a@b.com\r\nBcc: x@y",
            which_criteria_apply=None,
            i_confirm_that_the_information_i_have_given_is_accurate_to_the_best_of_my_knowledge=None,
        ),
    )
    page = soup(response)
    assert page.title.get_text().startswith("Error:")
    summary = page.select_one(".error-summary[role=alert][tabindex='-1']")
    links = [a["href"] for a in summary.select("a")]
    assert links == [
        "#id_your_email_address",
        "#id_which_criteria_apply_0",
        "#id_i_confirm_that_the_information_i_have_given_is_accurate_to_the_best_of_my_knowledge",
    ]
    for href in links:
        assert page.select_one(href) is not None, href
    email = page.select_one("#id_your_email_address")
    assert email["aria-invalid"] == "true"
    assert "id_your_email_address-error" in email["aria-describedby"].split()
    assert "id_your_email_address-hint" in email["aria-describedby"].split()
    assert page.select_one("#id_your_name")["value"] == "Priya Referrer"
    assert page.select_one("#id_what_happened").get_text().strip().startswith("Brought to A&E")


def test_labels_hints_autocomplete_and_required_marks(form_page, client):
    page = soup(client.get(URL))
    name = page.select_one("#id_your_name")
    assert page.select_one("label[for=id_your_name]").get_text(" ", strip=True) == "Your name (required)"
    assert name["autocomplete"] == "name" and name.has_attr("required")
    assert page.select_one("#id_your_email_address")["autocomplete"] == "email"
    assert page.select_one("#id_your_phone_number")["autocomplete"] == "tel"
    assert "(required)" not in page.select_one("label[for=id_supporting_document]").get_text()
    assert page.select_one("fieldset legend").get_text(" ", strip=True) == "Which criteria apply (required)"
    assert page.select_one("form.referral-form").has_attr("novalidate")


def test_help_text_stays_escaped(form_page, client):
    field = form_page.form_fields.get(clean_name="your_name")
    field.help_text = "<b>Bold</b> <script>alert(1)</script>"
    field.save()
    html = client.get(URL).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;Bold&lt;/b&gt;" in html


@pytest.mark.parametrize("make_file", [pdf_file, docx_file, odt_file])
def test_pdf_docx_and_odt_attachments_are_stored_outside_the_media_folder(form_page, client, make_file, settings):
    upload = make_file()
    client.post(URL, {**answers(form_page), "supporting_document": upload})
    attachment = ReferralAttachment.objects.get()
    path = attachment.file.path
    assert path.startswith(str(settings.SSCP_REFERRAL_FILES_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert upload.name.rsplit(".", 1)[0] not in path, "the stored name gives nothing away"
    assert attachment.original_name == upload.name
    assert ReferralSubmission.objects.get().get_data()["supporting_document"] == upload.name


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (html_disguised_as_pdf(), "not a real PDF"),
        (zip_file("notes.docx", {"a.txt": b"hello"}, "application/zip"), "not a real DOCX"),
        (pdf_file("notes.docx"), "not a real DOCX"),
        (pdf_file("script.html"), "must be a PDF, DOCX or ODT"),
        (pdf_file("noextension"), "must be a PDF, DOCX or ODT"),
    ],
    ids=["html-as-pdf", "zip-as-docx", "pdf-as-docx", "html-extension", "no-extension"],
)
def test_a_disguised_or_wrong_file_is_refused(form_page, client, upload, message):
    response = client.post(URL, {**answers(form_page), "supporting_document": upload})
    assert message in errors_for(response, "supporting_document")
    assert not ReferralSubmission.objects.exists() and not ReferralAttachment.objects.exists()


@override_settings(SSCP_REFERRAL_MAX_ATTACHMENT_SIZE=20)
def test_an_attachment_over_the_size_limit_is_refused(form_page, client):
    response = client.post(URL, {**answers(form_page), "supporting_document": pdf_file()})
    assert "smaller than 20" in errors_for(response, "supporting_document")
    assert not ReferralSubmission.objects.exists()
