"""Sending a referral through the public page: it is stored once, whatever happens to the mail."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import DatabaseError
from django.test import override_settings

from sscp_wagtail.referrals.models import ReferralAttachment, ReferralSubmission
from tests.conftest import soup

from .helpers import ANSWERS, PERSONAL_VALUES, REFERENCE, URL, answers, pdf_file

pytestmark = pytest.mark.django_db(transaction=False)


def no_store(response) -> bool:
    return "no-store" in response["Cache-Control"]


def test_a_referral_is_stored_and_the_referrer_gets_its_reference(
    form_page, client, django_capture_on_commit_callbacks
):
    response = client.get(URL)
    assert response.status_code == 200 and no_store(response)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, answers(form_page))
    assert response.status_code == 200 and no_store(response)
    submission = ReferralSubmission.objects.get()
    assert REFERENCE.fullmatch(submission.reference)
    assert submission.reference in soup(response).select_one(".confirmation__reference").get_text()
    assert submission.form_data["your_name"] == "Priya Referrer"
    assert submission.form_data["which_criteria_apply"] == ANSWERS["which_criteria_apply"]
    assert submission.notified_at is not None


def test_the_notification_holds_no_personal_data(form_page, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, answers(form_page))
    (message,) = mail.outbox
    submission = ReferralSubmission.objects.get()
    text = message.subject + message.body
    assert submission.reference in message.subject
    assert "Case review referral" in message.body
    assert f"http://testserver/admin/forms/submissions/{form_page.pk}/" in message.body
    assert message.to == ["safeguarding-unit@example.invalid"]
    assert message.attachments == [] and not getattr(message, "alternatives", None)
    for value in PERSONAL_VALUES:
        assert value not in text, value


def test_nothing_is_sent_before_the_referral_is_committed(form_page, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(URL, answers(form_page))
    assert mail.outbox == [] and len(callbacks) == 1


@override_settings(EMAIL_BACKEND="tests.referrals.failing_mail.EmailBackend")
def test_a_failing_mail_server_loses_nothing_and_the_command_retries(
    form_page, client, django_capture_on_commit_callbacks, caplog
):
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, answers(form_page))
    submission = ReferralSubmission.objects.get()
    assert response.status_code == 200
    assert submission.reference in response.content.decode()
    assert submission.notified_at is None and submission.notify_attempts == 1
    logged = caplog.text
    assert "ConnectionRefusedError" in logged and str(submission.pk) in logged
    for value in [*PERSONAL_VALUES, "safeguarding-unit@example.invalid", "mail server is down"]:
        assert value not in logged, value

    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        call_command("send_referral_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
        submission.refresh_from_db()
        assert submission.notified_at is not None and len(mail.outbox) == 1
        call_command("send_referral_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert len(mail.outbox) == 1, "an email goes once"


def test_a_replayed_or_double_clicked_form_stores_one_referral(form_page, client):
    data = answers(form_page)
    first = client.post(URL, data)
    second = client.post(URL, data)
    submission = ReferralSubmission.objects.get()
    for response in (first, second):
        assert submission.reference in soup(response).select_one(".confirmation__reference").get_text()
    # A new rendering of the form has a new token, so a second referral is a new one.
    client.post(URL, answers(form_page))
    assert ReferralSubmission.objects.count() == 2


def test_the_token_must_be_genuine_and_the_answers_are_kept(form_page, client):
    response = client.post(URL, answers(form_page, form_token="forged:token"))
    assert ReferralSubmission.objects.count() == 0
    page = soup(response)
    assert "open for too long" in page.select_one(".error-summary").get_text()
    assert page.select_one("#id_your_name")["value"] == "Priya Referrer"
    fresh = page.select_one("input[name=form_token]")["value"]
    assert fresh != "forged:token"
    client.post(URL, answers(form_page, form_token=fresh))
    assert ReferralSubmission.objects.count() == 1


def test_the_honeypot_stores_nothing(form_page, client):
    response = client.post(URL, answers(form_page, referral_website="http://spam.example"))
    assert response.status_code == 200
    assert ReferralSubmission.objects.count() == 0
    assert "could not be sent" in soup(response).select_one(".error-summary").get_text()


@override_settings(SSCP_REFERRAL_RATE_LIMIT=2, SSCP_REFERRAL_RATE_WINDOW=600)
def test_the_rate_limit_answers_429_and_keeps_the_answers(form_page, client):
    for _ in range(2):
        assert client.post(URL, answers(form_page)).status_code == 200
    response = client.post(URL, answers(form_page, your_name="Third Referral"))
    assert response.status_code == 429 and no_store(response)
    assert 0 < int(response["Retry-After"]) <= 600
    page = soup(response)
    notice = page.select_one(".notice[role=alert]")
    assert "try again in" in notice.get_text() and "after" in notice.get_text()
    assert page.select_one("#id_your_name")["value"] == "Third Referral"
    assert ReferralSubmission.objects.count() == 2
    # Another client is not affected.
    other = client.post(URL, answers(form_page), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200 and ReferralSubmission.objects.count() == 3


@override_settings(SSCP_REFERRAL_RATE_LIMIT=2)
def test_correcting_mistakes_does_not_use_up_the_limit(form_page, client):
    for _ in range(4):
        client.post(URL, answers(form_page, your_email_address="not an address"))
    assert client.post(URL, answers(form_page)).status_code == 200
    assert ReferralSubmission.objects.count() == 1


@override_settings(SSCP_REFERRAL_MAX_REQUEST_SIZE=1000)
def test_an_oversized_request_is_refused_before_it_is_read(form_page, client):
    response = client.post(URL, answers(form_page, what_happened="x" * 2000))
    assert response.status_code == 413 and no_store(response)
    assert "too large" in soup(response).select_one(".notice").get_text()
    assert ReferralSubmission.objects.count() == 0


def test_a_reference_already_taken_is_drawn_again(form_page, client, monkeypatch):
    client.post(URL, answers(form_page))
    taken = ReferralSubmission.objects.get().reference
    draws = iter([taken, taken, "SCR-2026-123456"])
    monkeypatch.setattr("sscp_wagtail.referrals.submission.new_reference", lambda: next(draws))
    response = client.post(URL, answers(form_page))
    assert "SCR-2026-123456" in response.content.decode()
    assert set(ReferralSubmission.objects.values_list("reference", flat=True)) == {taken, "SCR-2026-123456"}


def test_a_failure_while_saving_leaves_neither_a_row_nor_a_file(form_page, client, monkeypatch, settings):
    root = Path(settings.SSCP_REFERRAL_FILES_ROOT)
    before = {path for path in root.rglob("*") if path.is_file()}

    def fail(self, *args, **kwargs):
        raise DatabaseError("the database went away")

    monkeypatch.setattr(ReferralAttachment, "save", fail)
    with pytest.raises(DatabaseError):
        client.post(URL, {**answers(form_page), "supporting_document": pdf_file()})
    assert not ReferralSubmission.objects.exists()
    assert {path for path in root.rglob("*") if path.is_file()} == before
