"""Dashboard panels: "Awaiting your approval" and "Your drafts in review".

They replace Wagtail's two workflow panels (``construct_homepage_panels`` in
``wagtail_hooks.py``) and reuse their queries: the first lists only what the
moderator may actually decide (the four-eyes rule leaves out their own
changes), the second tells the editor where each submission stands and, when
changes were requested, what the reviewer said.
"""

from __future__ import annotations

from wagtail.admin.views.home import UserObjectsInWorkflowModerationPanel, WorkflowObjectsToModeratePanel
from wagtail.models import Page, WorkflowState


def _kind(obj) -> str:
    model = obj.specific_class if isinstance(obj, Page) else type(obj)
    return str(model._meta.verbose_name).capitalize()


class AwaitingYourApprovalPanel(WorkflowObjectsToModeratePanel):
    name = "awaiting_your_approval"
    template_name = "sscp_workflows/home/awaiting_your_approval.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["states"] = [{**state, "kind": _kind(state["obj"])} for state in context["states"] if state["actions"]]
        return context


class YourDraftsInReviewPanel(UserObjectsInWorkflowModerationPanel):
    name = "your_drafts_in_review"
    template_name = "sscp_workflows/home/your_drafts_in_review.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        rows = []
        for workflow_state in context["workflow_states"]:
            task_state = workflow_state.current_task_state
            needs_changes = workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
            rows.append(
                {
                    "obj": workflow_state.content_object,
                    "kind": _kind(workflow_state.content_object),
                    "needs_changes": needs_changes,
                    "task": task_state.task if task_state else None,
                    "started_at": task_state.started_at if task_state else workflow_state.created_at,
                    "reviewer": task_state.finished_by if needs_changes and task_state else None,
                    "comment": task_state.get_comment() if needs_changes and task_state else "",
                }
            )
        context["rows"] = rows
        return context
