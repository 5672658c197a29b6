"""The headless contract: field definitions in the page detail, and the submission endpoint."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from sscp_wagtail.referrals.models import ReferralAttachment, ReferralSubmission
from tests.conftest import soup

from .helpers import ANSWERS, REFERENCE, URL, answers, html_disguised_as_pdf, pdf_file

pytestmark = pytest.mark.django_db


def endpoint(page) -> str:
    return f"/api/v2/forms/{page.pk}/submissions/"


def post_json(client, page, data, **extra):
    return client.post(endpoint(page), json.dumps(data), content_type="application/json", **extra)


def json_answers(**changes):
    data = {
        **ANSWERS,
        "childs_age": 3,
        "i_confirm_that_the_information_i_have_given_is_accurate_to_the_best_of_my_knowledge": True,
        **changes,
    }
    return {name: value for name, value in data.items() if value is not None}


def test_the_page_detail_lists_the_fields_and_never_the_addresses(form_page, client):
    form_page.to_address = "unit@example.org"
    form_page.from_address = "web@example.org"
    form_page.save_revision().publish()
    detail = client.get(f"/api/v2/pages/{form_page.pk}/").json()
    assert detail["intro"].startswith("<p>If you’d like to make a case referral")
    assert "reference number" in detail["intro"]
    assert "five working days" in detail["thank_you_text"]
    for hidden in ("to_address", "from_address", "subject", "submissions", "form_token"):
        assert hidden not in detail
    assert "unit@example.org" not in json.dumps(detail)
    fields = {field["name"]: field for field in detail["form_fields"]}
    assert fields["your_name"] == {
        "name": "your_name",
        "label": "Your name",
        "type": "singleline",
        "required": True,
        "choices": [],
        "help_text": "",
        "max_length": 255,
    }
    assert fields["which_criteria_apply"]["choices"] == [
        "The child has died or been seriously harmed",
        "Abuse or neglect of the child is known or suspected",
        "There are concerns about how agencies worked together to safeguard the child",
    ]
    assert fields["what_happened"]["max_length"] == 5000
    assert fields["supporting_document"]["type"] == "attachment"
    assert fields["supporting_document"]["required"] is False
    assert [field["name"] for field in detail["form_fields"]][0] == "your_name"


def test_a_json_referral_is_stored_and_answered_with_its_reference(
    form_page, client, django_capture_on_commit_callbacks
):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        response = post_json(client, form_page, json_answers())
    assert response.status_code == 201
    assert "no-store" in response["Cache-Control"]
    reference = response.json()["reference"]
    assert REFERENCE.fullmatch(reference)
    submission = ReferralSubmission.objects.get()
    assert submission.reference == reference
    assert submission.form_data["childs_age"] == "3"
    assert submission.form_data["i_confirm_that_the_information_i_have_given_is_accurate_to_the_best_of_my_knowledge"]
    assert len(mail.outbox) == 1 and "Priya" not in mail.outbox[0].body


def test_multipart_with_a_file(form_page, client):
    data = {**ANSWERS, "supporting_document": pdf_file()}
    response = client.post(endpoint(form_page), data)
    assert response.status_code == 201
    assert ReferralAttachment.objects.get().original_name == "chronology.pdf"


@pytest.mark.parametrize(
    "changes",
    [
        {"your_email_address": "a@b.com\r\nBcc: x@y"},
        {"your_name": "x" * 300, "childs_initials": "", "which_criteria_apply": ["Nope"]},
        {"your_name": "NUL\x00byte", "childs_age": "three"},
        {
            "what_happened": None,
            "i_confirm_that_the_information_i_have_given_is_accurate_to_the_best_of_my_knowledge": None,
        },
        {"referral_website": "http://spam.example"},
    ],
    ids=["header-injection", "lengths-and-choices", "nul-and-number", "missing", "honeypot"],
)
def test_the_json_endpoint_and_the_html_form_give_the_same_errors(form_page, client, changes):
    api = post_json(client, form_page, json_answers(**changes))
    assert api.status_code == 400 and "no-store" in api["Cache-Control"]
    api_errors = api.json()["errors"]

    html = soup(client.post(URL, answers(form_page, **{k: ("" if v is None else v) for k, v in changes.items()})))
    html_errors = {}
    for name in api_errors:
        if name == "__all__":
            items = html.select(".error-summary li")
            html_errors[name] = [li.get_text(strip=True) for li in items if not li.find("a")]
        else:
            html_errors[name] = [a.get_text(strip=True) for a in html.select(f'.error-summary a[href^="#id_{name}"]')]
    assert api_errors == html_errors
    assert not ReferralSubmission.objects.exists()


def test_a_disguised_file_is_refused_through_the_api_too(form_page, client):
    response = client.post(endpoint(form_page), {**ANSWERS, "supporting_document": html_disguised_as_pdf()})
    assert response.status_code == 400
    assert "not a real PDF" in response.json()["errors"]["supporting_document"][0]


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("not json", "application/json", 400),
        ("[1, 2]", "application/json", 400),
        ('{"your_name": {"nested": 1}}', "application/json", 400),
        ("your_name=x", "application/x-www-form-urlencoded", 415),
        ("your_name=x", "text/plain", 415),
    ],
)
def test_other_bodies_are_refused_clearly(form_page, client, body, content_type, status):
    response = client.post(endpoint(form_page), body, content_type=content_type)
    assert response.status_code == status
    assert "no-store" in response["Cache-Control"]
    payload = response.json()
    assert payload.get("errors", {}).get("__all__") or payload.get("detail")
    assert not ReferralSubmission.objects.exists()


def test_unknown_unpublished_and_private_forms_are_404(form_page, client):
    assert post_json(client, form_page, json_answers()).status_code == 201
    assert client.post("/api/v2/forms/999999/submissions/", "{}", content_type="application/json").status_code == 404
    home = form_page.get_parent()
    assert post_json(client, home, json_answers()).status_code == 404, "not a referral form"

    PageViewRestriction.objects.create(page=form_page, restriction_type=PageViewRestriction.LOGIN)
    response = post_json(client, form_page, json_answers())
    assert response.status_code == 404 and "no-store" in response["Cache-Control"]
    PageViewRestriction.objects.all().delete()

    form_page.unpublish()
    assert post_json(client, form_page, json_answers()).status_code == 404
    assert ReferralSubmission.objects.count() == 1


def test_only_post(form_page, client):
    assert client.get(endpoint(form_page)).status_code == 405


@override_settings(SSCP_REFERRAL_RATE_LIMIT=1)
def test_the_api_shares_the_rate_limit_with_the_html_form(form_page, client):
    assert client.post(URL, answers(form_page)).status_code == 200
    response = post_json(client, form_page, json_answers())
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Try again in" in response.json()["detail"]
    assert ReferralSubmission.objects.count() == 1


def test_a_token_makes_api_retries_safe(form_page, client):
    from sscp_wagtail.referrals.forms import new_form_token

    token = new_form_token(form_page.pk)
    first = post_json(client, form_page, json_answers(form_token=token))
    second = post_json(client, form_page, json_answers(form_token=token))
    assert first.json() == second.json()
    assert ReferralSubmission.objects.count() == 1


def test_csrf_is_not_needed_and_sessions_are_ignored(form_page):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    assert post_json(client, form_page, json_answers()).status_code == 201
