"""No route around the sign-off: every way to publish, unpublish or delete live
content, tried by an editor (no publish permission) and, where a moderator
holds the permission, by a moderator publishing without a second person.

Each attempt must end refused (403, or a redirect with an error) or as a draft;
the live page or snippet never changes.
"""

from __future__ import annotations

import datetime as dt
import json

from django.apps import apps
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision

from reviews.models import ReviewPage
from sscp_wagtail.learning.factories import LearningThemeFactory
from sscp_wagtail.learning.models import LearningTheme
from sscp_wagtail.models import ContactPanel
from sscp_wagtail.workflows.policy import CLOSED_PUBLISH_MESSAGE
from tests.sscp_wagtail.test_contact_panel_admin import EDIT_URL as PANEL_EDIT_URL
from tests.sscp_wagtail.test_contact_panel_admin import panel_form

from .helpers import WorkflowTestCase, add_review_url, edit_url, review_form

FUTURE = (timezone.localtime() + dt.timedelta(days=30)).strftime("%Y-%m-%d %H:%M")


def bulk_publish_url(*pages) -> str:
    ids = "&".join(f"id={page.pk}" for page in pages)
    return reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?{ids}"


class EditorCannotPublishPagesTests(WorkflowTestCase):
    def setUp(self):
        super().setUp()
        self.client = self.as_user(self.editor)

    def test_the_edit_form_offers_no_publish_action(self):
        response = self.client.get(edit_url(self.review))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="action-publish"')
        self.assertContains(response, 'name="action-submit"')

    def test_publish_action_posted_by_hand_saves_a_draft(self):
        response = self.edit(self.editor, title="Baby M, published by hand", action="action-publish")
        self.assertEqual(response.status_code, 302)
        self.assertLiveUnchanged()
        self.assertEqual(self.fresh(self.review).draft_title, "Baby M, published by hand")

    def test_creating_with_the_publish_action_creates_a_draft(self):
        data = review_form(title="Child F", slug="child-f")
        data["action-publish"] = "action-publish"
        self.client.post(add_review_url(self.index), data)
        self.assertFalse(ReviewPage.objects.get(slug="child-f").live)
        self.assertEqual(self.client.get("/serious-case-reviews/child-f/").status_code, 404)

    def test_bulk_publish_publishes_nothing(self):
        self.edit(self.editor, title="Baby M, draft for bulk publishing")
        self.client.post(bulk_publish_url(self.review))
        self.assertLiveUnchanged()
        self.assertTrue(self.fresh(self.review).has_unpublished_changes)

    def test_revert_and_publish_saves_a_draft(self):
        self.edit(self.editor, title="Baby M, a newer draft")
        url = reverse("wagtailadmin_pages:revisions_revert", args=(self.review.pk, self.first_revision.pk))
        self.assertNotContains(self.client.get(url), 'name="action-publish"')
        data = review_form(title="Baby M, reverted and published")
        data["action-publish"] = "action-publish"
        self.client.post(url, data)
        self.assertLiveUnchanged()
        self.assertEqual(self.fresh(self.review).draft_title, "Baby M, reverted and published")

    def test_copy_and_publish_and_alias_are_refused_and_a_plain_copy_is_a_draft(self):
        url = reverse("wagtailadmin_pages:copy", args=(self.review.pk,))
        form = self.client.get(url).context["form"]
        self.assertNotIn("publish_copies", form.fields)
        self.assertNotIn("alias", form.fields)
        data = {"new_title": "Baby M copy", "new_slug": "baby-m-copy", "new_parent_page": self.index.pk}
        for choice in ("publish_copies", "alias"):
            self.assertRefused(self.client.post(url, {**data, choice: "on"}))
            self.assertFalse(Page.objects.filter(slug="baby-m-copy").exists())
        self.client.post(url, data)
        copy = Page.objects.get(slug="baby-m-copy")
        self.assertFalse(copy.live)
        self.assertIsNone(copy.alias_of_id)
        self.assertEqual(self.client.get("/serious-case-reviews/baby-m-copy/").status_code, 404)

    def test_scheduled_publishing_saves_a_draft_with_no_schedule(self):
        self.edit(self.editor, title="Baby M, scheduled", action="action-publish", go_live_at=FUTURE)
        self.assertLiveUnchanged()
        page = self.fresh(self.review)
        self.assertIsNone(page.scheduled_revision)
        self.assertFalse(Revision.objects.for_instance(page).filter(approved_go_live_at__isnull=False).exists())

    def test_unpublish_is_refused(self):
        url = reverse("wagtailadmin_pages:unpublish", args=(self.review.pk,))
        self.assertRefused(self.client.get(url))
        self.assertRefused(self.client.post(url))
        self.assertLiveUnchanged()

    def test_deleting_a_live_page_is_refused(self):
        for page in (self.review, self.index):
            url = reverse("wagtailadmin_pages:delete", args=(page.pk,))
            self.assertRefused(self.client.post(url))
        self.assertLiveUnchanged()
        self.assertTrue(Page.objects.get(pk=self.index.pk).live)

    def test_moving_a_live_page_is_refused(self):
        url = reverse("wagtailadmin_pages:move_confirm", args=(self.review.pk, self.home.pk))
        self.assertRefused(self.client.post(url))
        self.assertEqual(Page.objects.get(pk=self.review.pk).get_parent().pk, self.index.pk)
        self.assertLiveUnchanged()

    def test_the_page_chooser_only_chooses(self):
        response = self.client.get(reverse("wagtailadmin_choose_page"))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "action-publish")
        response = self.client.post(reverse("wagtailadmin_choose_page"), {"action-publish": "action-publish"})
        self.assertIn(response.status_code, {403, 405})
        response = self.client.get(reverse("wagtailadmin_choose_page_child", args=(self.index.pk,)))
        self.assertEqual(response.status_code, 200)
        self.assertLiveUnchanged()


class TheApiIsReadOnlyTests(WorkflowTestCase):
    def test_no_write_method_reaches_the_pages_api(self):
        self.edit(self.editor, title="Baby M, draft")
        pages = Page.objects.count()
        body = json.dumps({"title": "Changed", "live": True, "type": "reviews.ReviewPage", "parent": self.index.pk})
        for user in (None, self.editor, self.moderator):
            if user is None:
                self.client.logout()
            else:
                self.client.force_login(user)
            for url in (
                "/api/v2/pages/",
                f"/api/v2/pages/{self.review.pk}/",
                f"/api/v2/contact-panels/{self.panel.pk}/",
            ):
                for method in ("post", "put", "patch", "delete"):
                    response = getattr(self.client, method)(url, body, content_type="application/json")
                    self.assertIn(response.status_code, {403, 404, 405}, f"{method.upper()} {url} as {user}")
        self.assertEqual(Page.objects.count(), pages)
        self.assertLiveUnchanged()
        self.assertEqual(ContactPanel.objects.get(pk=self.panel.pk).title, self.panel.title)

    def test_wagtails_writable_api_is_not_installed(self):
        # Wagtail 8's API v3 can create, edit and publish pages with a token; it is
        # deliberately not installed or routed.
        self.assertFalse(apps.is_installed("wagtail.api.v3"))
        self.assertEqual(self.client.post("/api/v3/pages/", {}).status_code, 404)
        self.assertEqual(self.client.get("/api/v3/pages/").status_code, 404)


class EditorCannotPublishSnippetsTests(WorkflowTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.theme = LearningThemeFactory(name="Safe sleep", slug="safe-sleep")
        cls.theme_revision = cls.theme.save_revision()
        cls.theme_revision.publish()

    def setUp(self):
        super().setUp()
        self.client = self.as_user(self.editor)
        self.panel_live_revision = ContactPanel.objects.get(pk=self.panel.pk).live_revision_id

    def theme_url(self, action: str) -> str:
        return reverse(f"wagtailsnippets_sscp_learning_learningtheme:{action}", args=(self.theme.pk,))

    def assertSnippetsUnchanged(self):
        theme = LearningTheme.objects.get(pk=self.theme.pk)
        self.assertTrue(theme.live)
        self.assertEqual((theme.name, theme.live_revision_id), ("Safe sleep", self.theme_revision.pk))
        panel = ContactPanel.objects.get(pk=self.panel.pk)
        self.assertTrue(panel.live)
        self.assertEqual((panel.title, panel.live_revision_id), (self.panel.title, self.panel_live_revision))

    def test_edit_forms_offer_no_publish_action(self):
        for url in (self.theme_url("edit"), reverse(PANEL_EDIT_URL, args=(self.panel.pk,))):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertNotContains(response, 'name="action-publish"')
            self.assertContains(response, 'name="action-submit"')

    def test_publish_posted_by_hand_saves_drafts(self):
        self.client.post(
            self.theme_url("edit"),
            {"name": "Unsafe sleep", "slug": "safe-sleep", "description": "", "action-publish": "action-publish"},
        )
        self.client.post(
            reverse(PANEL_EDIT_URL, args=(self.panel.pk,)),
            {**panel_form(title="Call us, maybe"), "action-publish": "action-publish"},
        )
        self.assertSnippetsUnchanged()
        self.assertEqual(LearningTheme.objects.get(pk=self.theme.pk).latest_revision.as_object().name, "Unsafe sleep")
        self.assertEqual(ContactPanel.objects.get(pk=self.panel.pk).latest_revision.as_object().title, "Call us, maybe")

    def test_a_new_theme_posted_with_publish_is_a_draft(self):
        url = reverse("wagtailsnippets_sscp_learning_learningtheme:add") + "?locale=en-gb"
        self.client.post(url, {"name": "Neglect", "slug": "neglect", "description": "", "action-publish": "on"})
        self.assertFalse(LearningTheme.objects.get(slug="neglect").live)

    def test_unpublishing_and_deleting_snippets_is_refused(self):
        self.assertRefused(self.client.post(self.theme_url("unpublish")))
        self.assertRefused(self.client.post(self.theme_url("delete")))
        panel_url = "wagtailsnippets_sscp_wagtail_contactpanel:{}"
        self.assertRefused(self.client.post(reverse(panel_url.format("unpublish"), args=(self.panel.pk,))))
        self.assertRefused(self.client.post(reverse(panel_url.format("delete"), args=(self.panel.pk,))))
        self.assertSnippetsUnchanged()

    def test_a_theme_goes_live_through_the_workflow(self):
        self.client.post(
            self.theme_url("edit"),
            {"name": "Safer sleep", "slug": "safe-sleep", "description": "", "action-submit": "action-submit"},
        )
        theme = LearningTheme.objects.get(pk=self.theme.pk)
        self.assertEqual(theme.current_workflow_state.workflow.name, "Safeguarding sign-off")
        self.assertSnippetsUnchanged()
        task_state = theme.current_workflow_task_state
        url = reverse(
            "wagtailsnippets_sscp_learning_learningtheme:workflow_action",
            args=(theme.pk, "approve", task_state.pk),
        )
        self.as_user(self.moderator).post(url, {"comment": ""})
        self.assertEqual(LearningTheme.objects.get(pk=self.theme.pk).name, "Safer sleep")


class ModeratorCannotPublishWithoutSignOffTests(WorkflowTestCase):
    """Moderators hold the publish permission, but only the workflow uses it."""

    def setUp(self):
        super().setUp()
        self.client = self.as_user(self.moderator)

    def test_creating_with_the_publish_action_saves_a_draft(self):
        data = review_form(title="Child F", slug="child-f")
        data["action-publish"] = "action-publish"
        self.assertRefused(self.client.post(add_review_url(self.index), data), CLOSED_PUBLISH_MESSAGE)
        review = ReviewPage.objects.get(slug="child-f")
        self.assertFalse(review.live)
        self.assertIsNone(review.first_published_at)
        self.assertEqual(self.client.get("/serious-case-reviews/child-f/").status_code, 404)

    def test_a_new_snippet_posted_with_publish_is_a_draft(self):
        url = reverse("wagtailsnippets_sscp_learning_learningtheme:add") + "?locale=en-gb"
        response = self.client.post(
            url, {"name": "Neglect", "slug": "neglect", "description": "", "action-publish": "on"}
        )
        self.assertRefused(response, CLOSED_PUBLISH_MESSAGE)
        self.assertFalse(LearningTheme.objects.get(slug="neglect").live)

    def test_revert_and_publish_saves_a_draft(self):
        self.edit(self.moderator, title="Baby M, a newer draft")
        url = reverse("wagtailadmin_pages:revisions_revert", args=(self.review.pk, self.first_revision.pk))
        data = review_form(title="Baby M, reverted")
        data["action-publish"] = "action-publish"
        self.assertRefused(self.client.post(url, data), CLOSED_PUBLISH_MESSAGE)
        self.assertLiveUnchanged()

    def test_scheduled_publishing_is_refused(self):
        response = self.edit(self.moderator, title="Baby M, scheduled", action="action-publish", go_live_at=FUTURE)
        self.assertRefused(response, CLOSED_PUBLISH_MESSAGE)
        self.assertIsNone(self.fresh(self.review).scheduled_revision)
        self.assertLiveUnchanged()

    def test_bulk_publish_is_refused(self):
        self.edit(self.editor, title="Baby M, someone else's draft")
        self.assertRefused(self.as_user(self.moderator).post(bulk_publish_url(self.review)))
        self.assertLiveUnchanged()

    def test_copy_and_publish_and_alias_are_refused(self):
        url = reverse("wagtailadmin_pages:copy", args=(self.review.pk,))
        for choice in ("publish_copies", "alias"):
            data = {"new_title": "Baby M copy", "new_slug": "baby-m-copy", "new_parent_page": self.index.pk}
            self.assertRefused(self.client.post(url, {**data, choice: "on"}))
            self.assertFalse(Page.objects.filter(slug="baby-m-copy").exists())
        # A plain copy is a draft, and that is allowed.
        self.client.post(url, data)
        self.assertFalse(Page.objects.get(slug="baby-m-copy").live)

    def test_publishing_a_translation_directly_is_refused(self):
        # wagtail-localize's translation editor posts action=publish to the edit URL.
        data = review_form(title="Baby M")
        data["action"] = "publish"
        self.assertRefused(self.client.post(edit_url(self.review), data), CLOSED_PUBLISH_MESSAGE)
        self.assertLiveUnchanged()

    def test_snippet_publish_saves_a_draft(self):
        theme = LearningThemeFactory(name="Neglect", slug="neglect")
        revision = theme.save_revision()
        revision.publish()
        url = reverse("wagtailsnippets_sscp_learning_learningtheme:edit", args=(theme.pk,))
        self.assertNotContains(self.client.get(url), 'name="action-publish"')
        response = self.client.post(
            url, {"name": "Neglect (changed)", "slug": "neglect", "description": "", "action-publish": "on"}
        )
        self.assertRefused(response, CLOSED_PUBLISH_MESSAGE)
        theme.refresh_from_db()
        self.assertEqual((theme.name, theme.live_revision_id), ("Neglect", revision.pk))

    def test_taking_content_down_stays_quick(self):
        response = self.client.post(reverse("wagtailadmin_pages:unpublish", args=(self.review.pk,)))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Page.objects.get(pk=self.review.pk).live)


@override_settings(WAGTAIL_WORKFLOW_ENABLED=True)
class SuperuserBreakGlassTests(WorkflowTestCase):
    def test_a_superuser_sees_the_publish_action(self):
        self.assertContains(self.as_user(self.admin).get(edit_url(self.review)), 'name="action-publish"')


class SafetyNetTests(WorkflowTestCase):
    def test_a_page_refused_at_publishing_is_never_left_live(self):
        """If a new page ever reaches the publish step (Wagtail adds it to the tree as
        live first), refusing it also takes it off the site."""
        from django.contrib.messages.storage.cookie import CookieStorage
        from django.test import RequestFactory

        from reviews.factories import ReviewPageFactory
        from sscp_wagtail.workflows.wagtail_hooks import refuse_direct_page_publish

        page = ReviewPageFactory(parent=self.index, title="Child J", slug="child-j", live=True)
        request = RequestFactory().post("/admin/pages/add/reviews/reviewpage/")
        request.user = self.moderator
        request._messages = CookieStorage(request)
        response = refuse_direct_page_publish(request, page)
        self.assertEqual(response.status_code, 302)
        page = self.fresh(page)
        self.assertFalse(page.live)
        self.assertTrue(page.has_unpublished_changes)
