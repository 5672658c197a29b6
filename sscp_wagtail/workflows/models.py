"""The approval task of the "Safeguarding sign-off" workflow."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from wagtail.models import GroupApprovalTask

from .policy import FOUR_EYES_MESSAGE, authored_changes_under_review


class FourEyesApprovalTask(GroupApprovalTask):
    """A group approval in which nobody decides on changes they made.

    A subclass of Wagtail's own ``GroupApprovalTask`` (not the abstract base),
    so everything Wagtail does for group approvals applies unchanged: the email
    to the group on submission, the workflow lock for non-members, the admin's
    task forms. Only who may act is narrowed, in three places: the actions
    offered (menus, dashboard, workflow modal), the task states listed as
    awaiting the user, and ``on_action`` itself, so a hand-made request or a
    call from code is refused too.
    """

    class Meta:
        verbose_name = "four-eyes group approval task"
        verbose_name_plural = "four-eyes group approval tasks"

    def __init__(self, *args, **kwargs):
        # Task.__init__ looks up, and if missing creates, this model's content type
        # whenever the instance has no ``id``. A saved row being deserialised (loaddata,
        # a test database restore) carries only its parent link, which is the same id:
        # pass it on, or the lookup creates a content type that then collides with the
        # one the data brings.
        if kwargs.get("groupapprovaltask_ptr_id") is not None and "id" not in kwargs:
            kwargs["id"] = kwargs["groupapprovaltask_ptr_id"]
        super().__init__(*args, **kwargs)

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups can approve this task, except for changes they made themselves: "
            "someone else must approve those."
        )

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and authored_changes_under_review(obj, user):
            return []
        return actions

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return super().get_task_states_user_can_moderate(user, **kwargs).exclude(revision__user_id=user.pk)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The revision the task was started on is the one being decided: the page
        # edit view may save the reviewer's own edits just before calling this,
        # and those go back for a second approval (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT).
        if action_name in {"approve", "reject"} and authored_changes_under_review(
            task_state.workflow_state.content_object, user, up_to=task_state.revision
        ):
            raise PermissionDenied(FOUR_EYES_MESSAGE)
        return super().on_action(task_state, user, action_name, **kwargs)
