"""Only the Safeguarding Unit reads referrals, through every admin URL, and each look is audited."""

from __future__ import annotations

import os

import pytest
from django.contrib.auth.models import Permission
from django.urls import resolve, reverse
from wagtail.models import PageLogEntry

from sscp_wagtail.referrals.models import ReferralAttachment, ReferralSubmission
from sscp_wagtail.referrals.views import ReferralDeleteSubmissionsView

from .helpers import PASSWORD, URL, answers, make_user, pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(form_page, client):
    client.post(URL, {**answers(form_page), "supporting_document": pdf_file()})
    client.logout()
    return ReferralSubmission.objects.get()


def submissions_urls(page, submission) -> dict[str, tuple[str, str]]:
    attachment = ReferralAttachment.objects.get(submission=submission)
    delete = reverse("wagtailforms:delete_submissions", args=[page.pk]) + f"?selected-submissions={submission.pk}"
    return {
        "list": ("get", reverse("wagtailforms:list_submissions", args=[page.pk])),
        "results": ("get", reverse("wagtailforms:list_submissions_results", args=[page.pk])),
        "export-csv": ("get", reverse("wagtailforms:list_submissions", args=[page.pk]) + "?export=csv"),
        "export-xlsx": ("get", reverse("wagtailforms:list_submissions", args=[page.pk]) + "?export=xlsx"),
        "delete-confirm": ("get", delete),
        "delete": ("post", delete),
        "attachment": ("get", reverse("sscp_referrals:attachment", args=[attachment.pk])),
        "referrals-index": ("get", reverse("sscp_referrals:index")),
    }


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_people_who_can_edit_the_form_page_cannot_read_its_referrals(group, form_page, referral, client):
    user = make_user("someone", group)
    assert form_page.permissions_for_user(user).can_edit()
    client.force_login(user)
    for name, (method, url) in submissions_urls(form_page, referral).items():
        response = getattr(client, method)(url)
        assert response.status_code in (302, 403), name
        if response.status_code == 302:  # the admin's permission-denied redirect
            assert response["Location"] == reverse("wagtailadmin_home"), name
    assert ReferralSubmission.objects.count() == 1
    # Nothing about them in the Forms listing, the menu or the page editor.
    forms_index = client.get(reverse("wagtailforms:index"))
    assert form_page.title not in forms_index.content.decode()
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[form_page.pk])).content.decode()
    assert "submissions" not in editor.lower().replace("form_fields", "")


def test_the_safeguarding_unit_lists_exports_downloads_and_deletes(
    form_page, referral, client, django_capture_on_commit_callbacks
):
    unit = make_user("unit", "Safeguarding Unit")
    client.force_login(unit)
    urls = submissions_urls(form_page, referral)

    index = client.get(urls["referrals-index"][1])
    assert index.status_code == 200 and form_page.title in index.content.decode()

    listing = client.get(urls["list"][1])
    assert listing.status_code == 200
    html = listing.content.decode()
    assert referral.reference in html and "Priya Referrer" in html
    assert urls["attachment"][1] in html

    export = client.get(urls["export-csv"][1])
    assert export.status_code == 200
    csv = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert referral.reference in csv and "Priya Referrer" in csv

    download = client.get(urls["attachment"][1])
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert 'filename="chronology.pdf"' in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in download["Cache-Control"]
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    path = ReferralAttachment.objects.get().file.path

    with django_capture_on_commit_callbacks(execute=True):
        client.post(urls["delete"][1])
    assert not ReferralSubmission.objects.exists()
    assert not os.path.exists(path), "the file goes with the referral"

    actions = list(
        PageLogEntry.objects.filter(page=form_page, action__startswith="sscp_referrals.")
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    assert actions == [
        ("sscp_referrals.view", "unit"),
        ("sscp_referrals.export", "unit"),
        ("sscp_referrals.download", "unit"),
        ("sscp_referrals.delete", "unit"),
    ]
    deleted = PageLogEntry.objects.get(action="sscp_referrals.delete")
    assert deleted.data == {"reference": referral.reference}
    assert deleted.timestamp is not None


def test_audit_entries_appear_in_site_history_with_their_labels(form_page, referral, client):
    unit = make_user("unit", "Safeguarding Unit")
    client.force_login(unit)
    client.get(reverse("wagtailforms:list_submissions", args=[form_page.pk]))
    admin = make_user("admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Referrals viewed" in history


def test_the_unit_cannot_edit_pages(form_page, client):
    unit = make_user("unit", "Safeguarding Unit")
    assert not form_page.permissions_for_user(unit).can_edit()
    client.force_login(unit)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[form_page.pk]))
    assert response.status_code in (302, 403)


def test_only_superusers_see_the_notification_address(form_page, client):
    moderator = make_user("moderator", "Moderators")
    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[form_page.pk])).content.decode()
    assert 'name="to_address"' not in html
    admin = make_user("admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[form_page.pk])).content.decode()
    assert 'name="to_address"' in html


def test_passwords_work_for_the_unit(form_page, client):
    make_user("unit", "Safeguarding Unit")
    assert client.login(username="unit", password=PASSWORD)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("sscp_referrals:index") in menu


def test_deleting_needs_the_delete_permission_as_well(form_page, referral, client):
    reader = make_user("reader")
    reader.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_referralsubmission"),
    )
    client.force_login(reader)
    url = reverse("wagtailforms:delete_submissions", args=[form_page.pk]) + f"?selected-submissions={referral.pk}"
    assert resolve(url.split("?")[0]).func.view_class is ReferralDeleteSubmissionsView
    assert client.get(reverse("wagtailforms:list_submissions", args=[form_page.pk])).status_code == 200
    response = client.post(url)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    assert ReferralSubmission.objects.filter(pk=referral.pk).exists()
