"""Admin wiring for the editorial workflow.

Closing the routes around the workflow. Editors hold no publish permission,
so Wagtail itself keeps them from publishing anywhere (the edit form's publish
action falls back to saving a draft; bulk publish, unpublish, copy-and-publish
and aliases need the permission). Moderators hold it, because approving the
last task publishes as the approver and because taking content down
(unpublish, delete) must stay quick. The hooks below close the direct routes
that would let a moderator publish their own changes without a second person:

* the "Publish" action on the page and snippet edit and create forms (also
  revert-and-publish and scheduled publishing, which are the same action): the
  menu item is hidden and a hand-made POST is saved as a draft, with an error;
* bulk publish, copy with "publish copies" or as an alias: refused with an error;
* wagtail-localize's translation editor "Publish": refused with an error;
* approve or reject on the edit form by someone who made the changes: refused
  with an error (the modal route and ``FourEyesApprovalTask.on_action`` refuse
  it too).

Superusers keep the direct routes (see ``policy.py``).
"""

from __future__ import annotations

from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

from .expiry import expired_page_notice
from .panels import AwaitingYourApprovalPanel, YourDraftsInReviewPanel
from .policy import CLOSED_PUBLISH_MESSAGE, FOUR_EYES_MESSAGE, authored_changes_under_review, direct_publishing_closed

PUBLISH_MENU_ITEM = "action-publish"
REPLACED_PANELS = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation"}
DECISIONS = {"approve", "reject"}

hooks.register("before_serve_page", expired_page_notice)


@hooks.register("construct_homepage_panels")
def workflow_dashboard_panels(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    panels.extend([AwaitingYourApprovalPanel(), YourDraftsInReviewPanel()])


def _back_to_edit(request, obj, message: str):
    messages.error(request, message)
    return redirect(AdminURLFinder(request.user).get_edit_url(obj) or "wagtailadmin_home")


# --- Direct publishing -------------------------------------------------------------


@hooks.register("construct_page_action_menu")
def hide_page_publish_action(menu_items, request, context):
    target = context.get("parent_page") if context.get("view") == "create" else context.get("page")
    if target is not None and direct_publishing_closed(request.user, target):
        menu_items[:] = [item for item in menu_items if item.name != PUBLISH_MENU_ITEM]


@hooks.register("construct_snippet_action_menu")
def hide_snippet_publish_action(menu_items, request, context):
    target = context.get("instance") or context.get("model")
    if target is not None and direct_publishing_closed(request.user, target):
        menu_items[:] = [item for item in menu_items if item.name != PUBLISH_MENU_ITEM]


@hooks.register("before_create_page")
def create_as_draft(request, parent_page, page_class):
    """A new page posted with "Publish" is created as a draft instead.

    Wagtail's create view adds the page to the tree as live before it publishes
    the first revision, so refusing later (below) would leave it live.
    """
    if (
        request.method == "POST"
        and request.POST.get(PUBLISH_MENU_ITEM)
        and direct_publishing_closed(request.user, parent_page)
    ):
        post = request.POST.copy()
        del post[PUBLISH_MENU_ITEM]
        request.POST = post
        request.sscp_publish_refused = True
    return None


@hooks.register("after_create_page")
def say_created_as_draft(request, page):
    if getattr(request, "sscp_publish_refused", False):
        messages.error(request, CLOSED_PUBLISH_MESSAGE)
    return None


@hooks.register("before_publish_page")
def refuse_direct_page_publish(request, page):
    # Runs after the edit view saved the new revision: the work is kept as a draft.
    if direct_publishing_closed(request.user, page):
        if page.live and page.live_revision_id is None and page.first_published_at is None:
            # Only a page being created is live without ever having been published.
            page.live = False
            page.has_unpublished_changes = True
            page.save(update_fields=["live", "has_unpublished_changes"], clean=False)
        return _back_to_edit(request, page, CLOSED_PUBLISH_MESSAGE)
    return None


@hooks.register("before_publish")
def refuse_direct_snippet_publish(request, instance):
    if direct_publishing_closed(request.user, instance):
        return _back_to_edit(request, instance, CLOSED_PUBLISH_MESSAGE)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action):
    if action_type == "publish" and any(direct_publishing_closed(request.user, obj) for obj in objects):
        messages.error(request, "Nothing was published: pages go live only through the sign-off workflow.")
        return redirect(action.next_url)
    return None


@hooks.register("before_copy_page")
def refuse_copy_and_publish(request, page):
    if request.method != "POST" or not (request.POST.get("publish_copies") or request.POST.get("alias")):
        return None
    destination = Page.objects.filter(pk=request.POST.get("new_parent_page") or None).first() or page.get_parent()
    if direct_publishing_closed(request.user, destination):
        messages.error(
            request,
            "Nothing was copied: a published copy or an alias would go live without sign-off. "
            "Copy without publishing, then submit the copy for moderation.",
        )
        return redirect("wagtailadmin_pages:copy", page.pk)
    return None


# --- Edit forms: translation publishing and the four-eyes rule ------------------------


def _refusal_on_edit(request, obj):
    if request.method != "POST":
        return None
    if request.POST.get("action") == "publish" and direct_publishing_closed(request.user, obj):
        # wagtail-localize's translation editor posts here to publish a translation.
        return _back_to_edit(request, obj, CLOSED_PUBLISH_MESSAGE)
    if (
        request.POST.get("action-workflow-action")
        and request.POST.get("workflow-action-name") in DECISIONS
        and obj.current_workflow_task is not None
        and authored_changes_under_review(obj, request.user)
    ):
        return _back_to_edit(request, obj, FOUR_EYES_MESSAGE)
    return None


@hooks.register("before_edit_page", order=-1)
def refuse_on_page_edit(request, page):
    return _refusal_on_edit(request, page)


@hooks.register("before_edit_snippet", order=-1)
def refuse_on_snippet_edit(request, instance):
    return _refusal_on_edit(request, instance)
