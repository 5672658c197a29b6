"""The sign-off flow end to end: submit, approve or send back, re-approve after an edit,
with the emails each step sends and the dashboard panels each role sees."""

from __future__ import annotations

from django.core import mail
from wagtail.models import PageLogEntry, WorkflowState

from reviews.models import ReviewPage
from sscp_wagtail.workflows.models import FourEyesApprovalTask

from .helpers import WorkflowTestCase, add_review_url, live_review, review_form


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


class SubmitAndApproveTests(WorkflowTestCase):
    def test_editor_creates_a_review_submits_it_and_a_moderator_approves_it_live(self):
        data = review_form(title="Child F", slug="child-f")
        data["action-submit"] = "action-submit"
        response = self.as_user(self.editor).post(add_review_url(self.index), data)
        self.assertEqual(response.status_code, 302)

        review = ReviewPage.objects.get(slug="child-f")
        self.assertFalse(review.live)
        state = review.current_workflow_state
        self.assertEqual(state.workflow.name, "Safeguarding sign-off")
        self.assertEqual(state.requested_by, self.editor)
        self.assertIsInstance(review.current_workflow_task, FourEyesApprovalTask)
        self.assertEqual(self.client.get("/serious-case-reviews/child-f/").status_code, 404)

        # Both moderators are told; nobody else (superusers are not copied).
        self.assertEqual(recipients(), ["moderator2@example.org", "moderator@example.org"])
        self.assertIn("Child F", mail.outbox[0].subject)

        moderator_dashboard = self.as_user(self.moderator).get("/admin/")
        self.assertContains(moderator_dashboard, "Awaiting your approval")
        self.assertContains(moderator_dashboard, "Child F")
        self.assertContains(moderator_dashboard, 'data-workflow-action-url="')
        editor_dashboard = self.as_user(self.editor).get("/admin/")
        self.assertContains(editor_dashboard, "Your drafts in review")
        self.assertContains(editor_dashboard, "Awaiting approval")
        self.assertNotContains(editor_dashboard, "Awaiting your approval")

        mail.outbox.clear()
        response = self.approve(self.moderator, review, comment="Clear and accurate.")
        self.assertEqual(response.status_code, 302)
        review = self.fresh(review)
        self.assertTrue(review.live)
        self.assertContains(self.client.get("/serious-case-reviews/child-f/"), "<h1>Child F</h1>", html=True)

        # The editor hears it was approved, with the approver's comment.
        self.assertEqual(recipients(), ["editor@example.org"])
        body = mail.outbox[0].body
        self.assertIn('"Child F" has been approved', body)
        self.assertIn('Morgan Moderator left this comment: "Clear and accurate."', body)

        self.assertNotContains(self.as_user(self.editor).get("/admin/"), "Your drafts in review")

    def test_the_audit_log_records_submit_approve_and_publish_with_user_and_time(self):
        self.submit(self.editor, title="Baby M, updated")
        self.approve(self.moderator)
        entries = list(PageLogEntry.objects.filter(page=self.review).order_by("timestamp", "pk"))
        logged = [(entry.action, entry.user) for entry in entries]
        self.assertIn(("wagtail.workflow.start", self.editor), logged)
        self.assertIn(("wagtail.workflow.approve", self.moderator), logged)
        self.assertIn(("wagtail.publish", self.moderator), logged)
        self.assertTrue(all(entry.timestamp is not None for entry in entries))
        # The audit log report lists them.
        report = self.as_user(self.admin).get("/admin/reports/site-history/")
        self.assertContains(report, "Baby M, updated")


class SendBackTests(WorkflowTestCase):
    def test_a_rejected_draft_returns_to_the_editor_with_the_comment(self):
        self.submit(self.editor, title="Baby M, with the school's name")
        mail.outbox.clear()
        response = self.reject(self.moderator, comment="Please remove the name of the child's school.")
        self.assertEqual(response.status_code, 302)

        state = WorkflowState.objects.for_instance(self.review).get()
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        self.assertLiveUnchanged()

        self.assertEqual(recipients(), ["editor@example.org"])
        self.assertIn("Please remove the name of the child's school.", mail.outbox[0].body)
        self.assertIn("rejected", mail.outbox[0].body)

        dashboard = self.as_user(self.editor).get("/admin/")
        self.assertContains(dashboard, "Your drafts in review")
        self.assertContains(dashboard, "Changes requested")
        self.assertContains(dashboard, "Please remove the name of the child&#x27;s school.")

        log = PageLogEntry.objects.get(page=self.review, action="wagtail.workflow.reject")
        self.assertEqual(log.user, self.moderator)

        # The editor fixes it and resubmits; the same workflow resumes and is approved.
        self.submit(self.editor, title="Baby M, corrected")
        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.approve(self.moderator)
        self.assertEqual(live_review("baby-m").title, "Baby M, corrected")


class ReapprovalTests(WorkflowTestCase):
    def test_an_edit_during_review_needs_approving_again(self):
        self.submit(self.editor, title="Baby M, version 2")
        # Another moderator changes the draft while it is in review.
        self.edit(self.moderator2, title="Baby M, version 3")
        self.assertEqual(self.fresh(self.review).latest_revision.user, self.moderator2)

        # The first approval covers the editor's revision only: nothing goes live,
        # and the task starts again on the moderator's revision.
        self.approve(self.moderator)
        self.assertLiveUnchanged()
        task_state = self.task_state(self.review)
        self.assertEqual(task_state.status, "in_progress")
        self.assertEqual(task_state.revision.user, self.moderator2)

        # Its author cannot approve it; the other moderator can.
        self.assertRefused(self.approve(self.moderator2))
        self.assertLiveUnchanged()
        self.approve(self.moderator)
        self.assertEqual(live_review("baby-m").title, "Baby M, version 3")
