"""Nobody approves their own changes: not through the menus, the dashboard, a
hand-made request to either approval route, code, or by publishing directly."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from wagtail.models import PageLogEntry

from sscp_wagtail.workflows.policy import CLOSED_PUBLISH_MESSAGE, FOUR_EYES_MESSAGE

from .helpers import WorkflowTestCase, edit_url, live_review

APPROVE_BUTTON = 'data-workflow-action-name="approve"'
PUBLISH_BUTTON = 'name="action-publish"'


class ModeratorsOwnChangesTests(WorkflowTestCase):
    def setUp(self):
        super().setUp()
        # A moderator edits the live review and submits it.
        self.submit(self.moderator, title="Baby M, the moderator's edit")
        self.assertTrue(self.fresh(self.review).workflow_in_progress)

    def test_the_author_is_offered_no_decision_and_another_moderator_is(self):
        task_state = self.task_state(self.review)
        task = task_state.task.specific
        page = self.fresh(self.review)
        self.assertEqual(task.get_actions(page, self.moderator), [])
        self.assertEqual([name for name, _label, _modal in task.get_actions(page, self.moderator2)][0], "reject")

        self.assertNotContains(self.as_user(self.moderator).get(edit_url(page)), APPROVE_BUTTON)
        self.assertContains(self.as_user(self.moderator2).get(edit_url(page)), APPROVE_BUTTON)

        self.assertNotContains(self.as_user(self.moderator).get("/admin/"), "Awaiting your approval")
        self.assertContains(self.as_user(self.moderator2).get("/admin/"), "Awaiting your approval")

    def test_approve_or_reject_posted_to_the_workflow_action_url_is_refused(self):
        self.assertRefused(self.approve(self.moderator, comment="Looks fine to me"))
        self.assertRefused(self.reject(self.moderator))
        self.assertLiveUnchanged()
        self.assertEqual(self.task_state(self.review).status, "in_progress")

    def test_approve_posted_with_the_edit_form_is_refused(self):
        response = self.edit(
            self.moderator,
            title="Baby M, the moderator's edit",
            **{"action-workflow-action": "true", "workflow-action-name": "approve"},
        )
        self.assertRefused(response, FOUR_EYES_MESSAGE)
        self.assertLiveUnchanged()
        self.assertEqual(self.task_state(self.review).status, "in_progress")

    def test_approval_from_code_is_refused(self):
        task_state = self.task_state(self.review)
        with self.assertRaises(PermissionDenied):
            task_state.task.specific.on_action(task_state, self.moderator, "approve")
        self.assertLiveUnchanged()

    def test_the_moderator_cannot_publish_their_own_edit_directly(self):
        self.assertNotContains(self.as_user(self.moderator).get(edit_url(self.review)), PUBLISH_BUTTON)
        response = self.edit(self.moderator, title="Baby M, published directly", action="action-publish")
        self.assertRefused(response, CLOSED_PUBLISH_MESSAGE)
        self.assertLiveUnchanged()
        # The work is kept as a draft.
        self.assertEqual(self.fresh(self.review).draft_title, "Baby M, published directly")

    def test_another_moderator_approves_and_it_goes_live(self):
        self.approve(self.moderator2)
        self.assertEqual(live_review("baby-m").title, "Baby M, the moderator's edit")


class EarlierChangesTests(WorkflowTestCase):
    def test_a_moderator_who_changed_the_draft_earlier_cannot_approve_it(self):
        # The moderator edits the draft; the editor then edits it again and submits,
        # so the latest revision is the editor's but the moderator's change is in it.
        self.edit(self.moderator, title="Baby M, moderator's wording")
        self.submit(self.editor, title="Baby M, editor's wording")
        task = self.task_state(self.review).task.specific
        self.assertEqual(task.get_actions(self.fresh(self.review), self.moderator), [])
        self.assertRefused(self.approve(self.moderator))
        self.assertLiveUnchanged()
        self.approve(self.moderator2)
        self.assertEqual(live_review("baby-m").title, "Baby M, editor's wording")

    def test_changes_already_live_do_not_count(self):
        # The moderator's earlier edit was approved and published by someone else...
        self.submit(self.moderator, title="Baby M, first correction")
        self.approve(self.moderator2)
        # ...so the moderator may approve the editor's next change.
        self.submit(self.editor, title="Baby M, second correction")
        self.approve(self.moderator)
        self.assertEqual(live_review("baby-m").title, "Baby M, second correction")


class SuperuserTests(WorkflowTestCase):
    def test_a_superuser_cannot_approve_their_own_changes_either(self):
        self.submit(self.admin, title="Baby M, admin's edit")
        self.assertRefused(self.approve(self.admin))
        self.assertLiveUnchanged()

    def test_a_superuser_can_still_publish_directly_and_it_is_logged(self):
        response = self.edit(self.admin, title="Baby M, emergency correction", action="action-publish")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(live_review("baby-m").title, "Baby M, emergency correction")
        self.assertTrue(
            PageLogEntry.objects.filter(page=self.review, action="wagtail.publish", user=self.admin).exists()
        )
