"""Shared set-up for the editorial-workflow tests: the roles' users, a review
index with a live review, and the admin requests each step makes."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page, Site, TaskState
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.demo.contact_panels import CHILD_ABUSE_OR_NEGLECT, ensure_contact_panels
from reviews.factories import ReviewIndexPageFactory, ReviewPageFactory
from reviews.models import ReviewPage

PASSWORD = "correct horse battery staple"


def make_user(username: str, group: str | None = None, **fields):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **fields
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def review_form(**fields) -> dict:
    """Everything the review edit form posts, with no blocks or related reviews."""
    return nested_form_data(
        {
            "title": "Baby M",
            "slug": "baby-m",
            "review_type": "serious_case_review",
            "publication_date": "2024-05-01",
            "summary": "What the review of Baby M found.",
            "how_reviewed": rich_text("<p>By an independent reviewer.</p>"),
            "story": streamfield([]),
            "learning": streamfield([]),
            "recommendations": streamfield([]),
            "documents": streamfield([]),
            "related_reviews": inline_formset([]),
            "comments": inline_formset([]),
            **fields,
        }
    )


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def add_review_url(index) -> str:
    return reverse("wagtailadmin_pages:add", args=("reviews", "reviewpage", index.pk))


class WorkflowTestCase(WagtailTestUtils, TestCase):
    """Editors, moderators and a superuser; a review index with the live review "Baby M"."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors", first_name="Eden", last_name="Editor")
        cls.editor2 = make_user("editor2", "Editors")
        cls.moderator = make_user("moderator", "Moderators", first_name="Morgan", last_name="Moderator")
        cls.moderator2 = make_user("moderator2", "Moderators", first_name="Max", last_name="Moderator")
        cls.admin = make_user("admin", is_superuser=True, is_staff=True)
        cls.home = Site.objects.get(is_default_site=True).root_page.specific
        cls.panel = ensure_contact_panels()[CHILD_ABUSE_OR_NEGLECT]
        cls.index = ReviewIndexPageFactory(parent=cls.home, slug="serious-case-reviews", contact_panel=cls.panel)
        cls.index.save_revision().publish()
        cls.review = ReviewPageFactory(parent=cls.index, title="Baby M", slug="baby-m")
        cls.first_revision = cls.review.save_revision()
        cls.first_revision.publish()

    def setUp(self):
        mail.outbox.clear()

    # --- State -----------------------------------------------------------------------

    def fresh(self, page) -> Page:
        return Page.objects.get(pk=page.pk).specific

    def assertLiveUnchanged(self, page=None, *, title="Baby M", live_revision=None):
        """The public version is what it was: same live revision, same title on the site."""
        page = self.fresh(page or self.review)
        self.assertTrue(page.live)
        self.assertEqual(page.title, title)
        self.assertEqual(page.live_revision_id, (live_revision or self.first_revision).pk)
        self.assertContains(self.client.get(page.url), f"<h1>{title}</h1>", html=True)

    def task_state(self, page) -> TaskState:
        return self.fresh(page).current_workflow_task_state

    def assertRefused(self, response, message: str = ""):
        """403, or the admin's way of saying it: a redirect with an error message."""
        if response.status_code == 403:
            return
        self.assertEqual(response.status_code, 302, "neither refused (403) nor redirected with an error")
        errors = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
        self.assertTrue(errors, "redirected without an error message")
        if message:
            self.assertTrue(any(message in error for error in errors), errors)

    # --- Requests --------------------------------------------------------------------

    def as_user(self, user):
        self.client.force_login(user)
        return self.client

    def edit(self, user, page=None, *, action: str | None = None, **fields):
        """Post the edit form; ``action`` is e.g. "action-submit" or "action-publish"."""
        page = page or self.review
        data = review_form(title=fields.pop("title", self.fresh(page).draft_title), slug=page.slug, **fields)
        if action:
            data[action] = action
        return self.as_user(user).post(edit_url(page), data)

    def submit(self, user, page=None, **fields):
        return self.edit(user, page, action="action-submit", **fields)

    def workflow_action(self, user, action: str, page=None, comment: str = ""):
        """Approve or reject through the workflow modal's URL, as the dashboard and menus do."""
        page = page or self.review
        task_state = self.task_state(page)
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
        return self.as_user(user).post(url, {"comment": comment})

    def approve(self, user, page=None, comment: str = ""):
        return self.workflow_action(user, "approve", page, comment)

    def reject(self, user, page=None, comment: str = ""):
        return self.workflow_action(user, "reject", page, comment)


def live_review(slug: str) -> ReviewPage | None:
    return ReviewPage.objects.live().filter(slug=slug).first()
