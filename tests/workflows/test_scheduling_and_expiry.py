"""Go-live and expiry dates: approved schedules go live when ``publish_scheduled``
runs, and an expired review leaves a public notice with the contact details."""

from __future__ import annotations

import datetime as dt

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from reviews.models import ReviewPage

from .helpers import WorkflowTestCase, add_review_url, review_form

NOTICE = "This review is no longer published"


def a_while_ago() -> dt.datetime:
    return timezone.now() - dt.timedelta(hours=1)


class ScheduledPublishingTests(WorkflowTestCase):
    def test_an_approved_go_live_date_publishes_when_publish_scheduled_runs(self):
        go_live = (timezone.localtime() + dt.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
        data = review_form(title="Child G", slug="child-g", go_live_at=go_live)
        data["action-submit"] = "action-submit"
        self.as_user(self.editor).post(add_review_url(self.index), data)
        self.approve(self.moderator, ReviewPage.objects.get(slug="child-g"))

        review = ReviewPage.objects.get(slug="child-g")
        self.assertFalse(review.live, "approved, but not before its go-live date")
        revision = review.scheduled_revision
        self.assertIsNotNone(revision.approved_go_live_at)
        self.assertEqual(self.client.get("/serious-case-reviews/child-g/").status_code, 404)

        call_command("publish_scheduled_every", "1", times=1)
        self.assertFalse(ReviewPage.objects.get(slug="child-g").live, "not due yet")

        # Time passes: the go-live date (kept in the revision too) is now in the past.
        revision.content["go_live_at"] = a_while_ago().isoformat()
        revision.approved_go_live_at = a_while_ago()
        revision.save(update_fields=["content", "approved_go_live_at"])
        call_command("publish_scheduled_every", "1", times=1)
        self.assertTrue(ReviewPage.objects.get(slug="child-g").live)
        self.assertContains(self.client.get("/serious-case-reviews/child-g/"), "<h1>Child G</h1>", html=True)


class ExpiryNoticeTests(WorkflowTestCase):
    def expire(self, page=None, *, run_publish_scheduled=True):
        page = page or self.review
        type(page.specific).objects.filter(pk=page.pk).update(expire_at=a_while_ago())
        if run_publish_scheduled:
            call_command("publish_scheduled")

    def assertNotice(self, response):
        self.assertEqual(response.status_code, 410)
        self.assertContains(response, NOTICE, status_code=410)
        self.assertContains(response, "<h1>Baby M</h1>", html=True, status_code=410)
        self.assertContains(response, '<meta name="robots" content="noindex">', html=True, status_code=410)
        # The index's contact panel, with a number to call, and the way back to the list.
        self.assertContains(response, self.panel.title, status_code=410)
        self.assertContains(response, 'href="tel:', status_code=410)
        self.assertContains(
            response, '<a href="/serious-case-reviews/">Go to Serious case reviews</a>', html=True, status_code=410
        )

    def test_an_expired_review_shows_a_notice_and_the_contact_details(self):
        self.expire()
        review = ReviewPage.objects.get(pk=self.review.pk)
        self.assertFalse(review.live)
        self.assertTrue(review.expired)
        response = self.client.get("/serious-case-reviews/baby-m/")
        self.assertNotice(response)
        self.assertContains(response, timezone.localtime(a_while_ago()).strftime("%-d %B %Y"), status_code=410)
        self.assertEqual(self.client.head("/serious-case-reviews/baby-m/").status_code, 410)

    def test_a_live_review_past_its_expiry_shows_the_notice_before_publish_scheduled_runs(self):
        self.expire(run_publish_scheduled=False)
        self.assertTrue(ReviewPage.objects.get(pk=self.review.pk).live)
        self.assertNotice(self.client.get("/serious-case-reviews/baby-m/"))

    def test_a_review_taken_down_on_purpose_is_a_plain_404(self):
        self.as_user(self.moderator).post(reverse("wagtailadmin_pages:unpublish", args=(self.review.pk,)))
        self.client.logout()
        response = self.client.get("/serious-case-reviews/baby-m/")
        self.assertEqual(response.status_code, 404)
        self.assertNotContains(response, NOTICE, status_code=404)

    def test_other_page_types_are_a_plain_404_when_expired(self):
        page = StandardPageFactory(parent=self.home, title="Old news", slug="old-news")
        page.save_revision().publish()
        self.expire(page)
        self.assertEqual(self.client.get("/old-news/").status_code, 404)

    def test_a_private_review_gives_nothing_away(self):
        PageViewRestriction.objects.create(page=self.index, restriction_type=PageViewRestriction.LOGIN)
        self.expire()
        response = self.client.get("/serious-case-reviews/baby-m/")
        self.assertEqual(response.status_code, 404)
        self.assertNotContains(response, "Baby M", status_code=404)

    def test_a_redirect_for_the_old_address_still_wins(self):
        self.expire()
        Redirect.objects.create(old_path="/serious-case-reviews/baby-m", redirect_link="/serious-case-reviews/")
        response = self.client.get("/serious-case-reviews/baby-m/")
        self.assertRedirects(response, "/serious-case-reviews/", status_code=301, fetch_redirect_response=False)

    def test_unknown_addresses_are_still_404(self):
        self.expire()
        self.assertEqual(self.client.get("/serious-case-reviews/nobody/").status_code, 404)
        self.assertEqual(self.client.post("/serious-case-reviews/baby-m/").status_code, 404)
