"""The demo: a referral shows its reference, reaches only the Safeguarding Unit, and its mail holds no personal data."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from sscp_wagtail.referrals.models import ReferralSubmission
from sscp_wagtail.workflows.demo import ensure_demo_users
from tests.conftest import page_at, soup

from .helpers import PERSONAL_VALUES, URL, answers

pytestmark = pytest.mark.django_db


def test_a_demo_referral_end_to_end(demo, client, django_capture_on_commit_callbacks):
    page = page_at(URL)
    form = soup(client.get(URL))
    assert form.select_one("form.referral-form") is not None
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(URL, answers(page))
    reference = ReferralSubmission.objects.get().reference
    assert reference in soup(sent).select_one(".confirmation__reference").get_text()
    (message,) = mail.outbox
    for value in PERSONAL_VALUES:
        assert value not in message.subject + message.body

    users = ensure_demo_users(password="demo password for tests")  # noqa: S106
    listing = reverse("wagtailforms:list_submissions", args=[page.pk])
    for username in users:
        client.logout()
        assert client.login(username=username, password="demo password for tests")  # noqa: S106
        response = client.get(listing)
        if username == "safeguarding":
            assert response.status_code == 200 and reference in response.content.decode()
        else:
            assert response.status_code in (302, 403) and reference not in response.content.decode()
