"""The two rules of the editorial workflow, in one place.

1. Four eyes: nobody approves (or rejects) changes they made themselves. The
   changes under review are every revision since the live one, up to the
   revision being decided; if the user wrote any of them, someone else must
   decide. (This is stricter than "not the latest revision": a moderator who
   edits a draft and lets the editor save once more still cannot approve it.)
2. No publishing around the workflow: where a workflow applies, content goes
   live only when the workflow is approved. Only superusers keep the direct
   "Publish" action, as a break-glass route that the audit log records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wagtail.models import Revision

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser

FOUR_EYES_MESSAGE = (
    "You made changes in this draft, so someone else must approve or reject it. Ask another moderator to review it."
)
CLOSED_PUBLISH_MESSAGE = (
    "Saved as a draft, not published: this content goes live only through the sign-off workflow. "
    "Submit it for moderation and a moderator will approve it."
)


def authored_changes_under_review(obj: Any, user: User, *, up_to: Revision | None = None) -> bool:
    """Did ``user`` write any of the revisions since the live one, up to ``up_to``
    (by default the latest revision)?"""
    if not getattr(user, "is_authenticated", False):
        return False
    under_review = up_to or obj.get_latest_revision()
    if under_review is None:
        return False
    if under_review.user_id == user.pk:
        return True
    revisions = Revision.objects.for_instance(obj).filter(pk__lt=under_review.pk, user_id=user.pk)
    live_revision_id = getattr(obj, "live_revision_id", None)
    if live_revision_id:
        revisions = revisions.filter(pk__gt=live_revision_id)
    return revisions.exists()


def direct_publishing_closed(user: User, obj: Any) -> bool:
    """Must ``obj`` go through its workflow rather than be published by ``user`` directly?"""
    if getattr(user, "is_superuser", False):
        return False
    # A model class (a snippet's create form) has its default workflow; an instance its own.
    get_workflow = getattr(obj, "get_default_workflow" if isinstance(obj, type) else "get_workflow", None)
    return get_workflow is not None and get_workflow() is not None
