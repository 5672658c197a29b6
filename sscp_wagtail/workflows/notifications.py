"""Moderation emails.

Wagtail already emails the task's group when something is submitted
(``GroupApprovalTaskStateSubmissionEmailNotifier``, which handles our task as a
``GroupApprovalTask``) and the requester when it is rejected, with the comment.
Its approval email leaves out the approver's comment ("Approve with comment"),
so this module replaces that one notifier with a subclass that adds it.
"""

from __future__ import annotations

from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import workflow_approved

# Wagtail connects its approval notifier under this id (wagtail/admin/signal_handlers.py).
# Connecting ours under the same id means whichever of the two apps is ready first
# wins and the other's connect is a no-op, so exactly one approval email is sent;
# tests/workflows count the emails, so a renamed id upstream shows up there.
APPROVAL_DISPATCH_UID = "workflow_state_approved_email_notification"


class ApprovalWithCommentEmailNotifier(WorkflowStateApprovalEmailNotifier):
    """Wagtail's approval email (same subject and recipient) with the approver's comment."""

    def get_template_set(self, instance, **kwargs):
        templates = super().get_template_set(instance, **kwargs)
        templates["text"] = "sscp_workflows/notifications/workflow_state_approved.txt"
        templates["html"] = "sscp_workflows/notifications/workflow_state_approved.html"
        return templates

    def get_context(self, workflow_state: WorkflowState, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        task_state = (
            TaskState.objects.filter(workflow_state=workflow_state, status=TaskState.STATUS_APPROVED)
            .select_related("finished_by")
            .order_by("-finished_at", "-pk")
            .first()
        )
        context["task_state"] = task_state
        context["comment"] = task_state.get_comment() if task_state else ""
        return context


approval_email_notifier = ApprovalWithCommentEmailNotifier()


def connect_approval_notifier() -> None:
    workflow_approved.disconnect(sender=WorkflowState, dispatch_uid=APPROVAL_DISPATCH_UID)
    workflow_approved.connect(approval_email_notifier, sender=WorkflowState, dispatch_uid=APPROVAL_DISPATCH_UID)
