"""Shared set-up for the referral-form tests: the demo form, sample answers and files."""

from __future__ import annotations

import io
import re
import zipfile

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Site

from sscp_wagtail.referrals.demo import ensure_referral_form
from sscp_wagtail.referrals.forms import new_form_token

URL = "/case-review-referral/"
PASSWORD = "correct horse battery staple"
REFERENCE = re.compile(r"SCR-\d{4}-\d{6}")

# What a referrer types into the demo form: every value is personal data that
# must never leave the database except to the Safeguarding Unit.
ANSWERS = {
    "your_name": "Priya Referrer",
    "your_role": "Health visitor",
    "your_agency": "Stockport NHS Foundation Trust",
    "your_email_address": "priya.referrer@example.org",
    "your_phone_number": "0161 555 0199",
    "childs_initials": "J.Q.",
    "childs_age": "3",
    "what_happened": "Brought to A&E with a fractured arm;\nsecond injury in a month.",
    "which_criteria_apply": ["Abuse or neglect of the child is known or suspected"],
    "i_confirm_that_the_information_i_have_given_is_accurate_to_the_best_of_my_knowledge": "on",
}
PERSONAL_VALUES = ["Priya", "Referrer", "Health visitor", "NHS", "priya.referrer", "0161 555 0199", "J.Q.", "fractured"]


def referral_form():
    """The demo's referral form, published under the home page."""
    return ensure_referral_form(Site.objects.get(is_default_site=True).root_page)


def answers(page, **changes) -> dict:
    data = {**ANSWERS, "form_token": new_form_token(page.pk), **changes}
    return {name: value for name, value in data.items() if value is not None}


def make_user(username: str, group: str | None = None, **fields):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **fields
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def pdf_file(name: str = "chronology.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "application/pdf")


def zip_file(name: str, entries: dict[str, bytes], content_type: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry, data in entries.items():
            archive.writestr(entry, data)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type)


def docx_file(name: str = "notes.docx") -> SimpleUploadedFile:
    return zip_file(
        name,
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"},
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


def odt_file(name: str = "notes.odt") -> SimpleUploadedFile:
    return zip_file(
        name,
        {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document-content/>"},
        "application/vnd.oasis.opendocument.text",
    )


def html_disguised_as_pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("report.pdf", b"<!DOCTYPE html><script>alert(1)</script>", "application/pdf")
