"""The two cron commands: retention and notification retries."""

from __future__ import annotations

import io
import os
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from sscp_wagtail.referrals.models import ReferralAttachment, ReferralSubmission

from .helpers import URL, answers, pdf_file

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
