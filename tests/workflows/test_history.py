"""History: locking, comparing revisions, comments on fields, and the audit log."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from wagtail.models import Comment, PageLogEntry
from wagtail.test.utils.form_data import inline_formset

from .helpers import WorkflowTestCase, edit_url


class LockingTests(WorkflowTestCase):
    def test_a_page_locked_by_one_editor_cannot_be_saved_by_another(self):
        self.as_user(self.editor).post(reverse("wagtailadmin_pages:lock", args=(self.review.pk,)))
        page = self.fresh(self.review)
        self.assertTrue(page.locked)
        self.assertEqual(page.locked_by, self.editor)
        latest = page.latest_revision_id

        response = self.edit(self.editor2, title="Baby M, overwritten")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "locked")
        self.assertEqual(self.fresh(self.review).latest_revision_id, latest)
        self.assertRefused(
            self.as_user(self.editor2).post(reverse("wagtailadmin_pages:unlock", args=(self.review.pk,)))
        )
        self.assertTrue(self.fresh(self.review).locked)

        # The editor who holds the lock saves; a moderator can lift it.
        self.edit(self.editor, title="Baby M, the lock holder's draft")
        self.assertEqual(self.fresh(self.review).draft_title, "Baby M, the lock holder's draft")
        self.as_user(self.moderator).post(reverse("wagtailadmin_pages:unlock", args=(self.review.pk,)))
        self.assertFalse(self.fresh(self.review).locked)


class RevisionsTests(WorkflowTestCase):
    def test_compare_shows_what_changed_between_drafts(self):
        self.edit(self.editor, title="Baby M, first draft", summary="The first summary.")
        first = self.fresh(self.review).latest_revision
        self.edit(self.editor, title="Baby M, second draft", summary="A clearer summary.")
        second = self.fresh(self.review).latest_revision

        url = reverse("wagtailadmin_pages:revisions_compare", args=(self.review.pk, first.pk, second.pk))
        response = self.as_user(self.editor).get(url)
        self.assertEqual(response.status_code, 200)
        # Word by word: what was taken out and what was put in.
        self.assertContains(
            response, 'Baby M, <span class="deletion">first</span><span class="addition">second</span> draft'
        )
        self.assertContains(
            response, '<span class="deletion">The first</span><span class="addition">A clearer</span> summary.'
        )

        url = reverse("wagtailadmin_pages:revisions_compare", args=(self.review.pk, "live", "latest"))
        self.assertContains(self.as_user(self.moderator).get(url), "second draft")

    def test_history_lists_every_revision(self):
        self.edit(self.editor, title="Baby M, a draft")
        response = self.as_user(self.editor).get(reverse("wagtailadmin_pages:history", args=(self.review.pk,)))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Eden Editor")


class CommentsTests(WorkflowTestCase):
    def test_editors_comment_on_fields(self):
        self.assertTrue(settings.WAGTAILADMIN_COMMENTS_ENABLED)
        self.assertIn("comments", self.as_user(self.editor).get(edit_url(self.review)).context["form"].formsets)
        comment = {"contentpath": "summary", "text": "Is this summary too long?", "position": "", "resolved": ""}
        self.edit(self.editor, comments=inline_formset([{**comment, "replies": inline_formset([])}]))
        saved = Comment.objects.get(page=self.review)
        self.assertEqual((saved.user, saved.contentpath, saved.text), (self.editor, "summary", comment["text"]))
        self.assertLiveUnchanged()


class AuditLogTests(WorkflowTestCase):
    def test_reject_and_unpublish_are_recorded_with_user_and_time(self):
        self.submit(self.editor, title="Baby M, to be rejected")
        self.reject(self.moderator, comment="Not yet.")
        self.as_user(self.moderator).post(reverse("wagtailadmin_pages:unpublish", args=(self.review.pk,)))

        entries = {
            entry.action: entry
            for entry in PageLogEntry.objects.filter(page=self.review).select_related("user").order_by("timestamp")
        }
        for action, user in [
            ("wagtail.workflow.start", self.editor),
            ("wagtail.workflow.reject", self.moderator),
            ("wagtail.unpublish", self.moderator),
        ]:
            self.assertIn(action, entries)
            self.assertEqual(entries[action].user, user)
            self.assertIsNotNone(entries[action].timestamp)
        self.assertEqual(entries["wagtail.workflow.reject"].data["comment"], "Not yet.")
