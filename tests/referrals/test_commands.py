"""The two cron commands: retention and notification retries."""

from __future__ import annotations

import io
import json
import os
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from sscp_wagtail.referrals.models import ReferralAttachment, ReferralSubmission

from .helpers import ANSWERS, PERSONAL_VALUES, URL, answers, pdf_file

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def make_referral(client, page, age_days: int) -> ReferralSubmission:
    client.post(URL, {**answers(page), "supporting_document": pdf_file()})
    submission = ReferralSubmission.objects.latest("pk")
    ReferralSubmission.objects.filter(pk=submission.pk).update(submit_time=timezone.now() - timedelta(days=age_days))
    return submission


@override_settings(SSCP_REFERRAL_RATE_LIMIT=100, SSCP_REFERRAL_RETENTION_DAYS=365)
def test_purge_removes_old_referrals_and_their_files_only(form_page, client, django_capture_on_commit_callbacks):
    old = make_referral(client, form_page, age_days=400)
    just_kept = make_referral(client, form_page, age_days=364)
    new = make_referral(client, form_page, age_days=0)
    old_file = ReferralAttachment.objects.get(submission=old).file.path
    kept_files = [a.file.path for a in ReferralAttachment.objects.exclude(submission=old)]

    assert "Would delete 1 referrals and 1 files" in run("purge_referrals", "--dry-run")
    assert ReferralSubmission.objects.count() == 3

    with django_capture_on_commit_callbacks(execute=True):
        assert "Deleted 1 referrals and 1 files older than 365 days" in run("purge_referrals")
    assert set(ReferralSubmission.objects.values_list("pk", flat=True)) == {just_kept.pk, new.pk}
    assert not os.path.exists(old_file)
    assert all(os.path.exists(path) for path in kept_files)

    with django_capture_on_commit_callbacks(execute=True):
        assert "Deleted 0 referrals and 0 files" in run("purge_referrals")
    assert ReferralSubmission.objects.count() == 2


def test_purge_refuses_a_period_under_a_day(form_page):
    with pytest.raises(CommandError):
        run("purge_referrals", "--days", "0")


@override_settings(EMAIL_BACKEND="tests.referrals.failing_mail.EmailBackend")
def test_retry_reports_what_is_still_unsent(form_page, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, answers(form_page))
    assert "0 sent, 1 still unsent" in run("send_referral_notifications")
    assert ReferralSubmission.objects.get().notify_attempts == 2


@override_settings(SSCP_REFERRAL_RATE_LIMIT=100)
def test_anonymise_leaves_no_personal_data_and_no_files(form_page, client, django_capture_on_commit_callbacks):
    first = make_referral(client, form_page, age_days=3)
    make_referral(client, form_page, age_days=0)
    paths = [attachment.file.path for attachment in ReferralAttachment.objects.all()]
    before = list(ReferralSubmission.objects.order_by("pk").values_list("form_data", flat=True))
    submitted = ReferralSubmission.objects.get(pk=first.pk).submit_time

    # Named for another database (production, say): it refuses and changes nothing.
    with pytest.raises(CommandError, match="Nothing was changed"):
        run("anonymise_referrals", "--database-name", "sscp_production")
    assert list(ReferralSubmission.objects.order_by("pk").values_list("form_data", flat=True)) == before
    assert all(os.path.exists(path) for path in paths)

    name = connection.settings_dict["NAME"]
    with django_capture_on_commit_callbacks(execute=True):
        output = run("anonymise_referrals", "--database-name", name)
    assert "Anonymised 2 referrals and deleted 2 attached files" in output
    stored = json.dumps(list(ReferralSubmission.objects.values_list("form_data", flat=True)))
    assert [value for value in PERSONAL_VALUES if value in stored] == []
    assert not any(os.path.exists(path) for path in paths)
    assert not ReferralAttachment.objects.exists()
    # The shape stays, for a staging site that shows realistic referrals.
    kept = ReferralSubmission.objects.get(pk=first.pk)
    assert kept.reference == first.reference
    assert kept.submit_time == submitted
    assert kept.form_data["which_criteria_apply"] == ANSWERS["which_criteria_apply"]
    assert kept.form_data["your_email_address"].endswith("@example.invalid")
    assert kept.form_data["your_name"] == f"[removed: {len(ANSWERS['your_name'])} characters]"

    assert "Anonymised 0 referrals and deleted 0 attached files" in run("anonymise_referrals", "--database-name", name)
