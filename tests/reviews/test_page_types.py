"""Review page types pass Wagtail's page checks, and editors build reviews through the admin."""

import datetime as dt

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.factories import DocumentFactory
from home.models import HomePage, StandardPage
from reviews.factories import BriefingPageFactory, ReviewIndexPageFactory, ReviewPageFactory, learning_block
from reviews.models import BriefingPage, ReviewIndexPage, ReviewPage
from sscp_wagtail.learning.factories import LearningThemeFactory
from tests.form_data import list_block


class ReviewPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Site.objects.get(is_default_site=True).root_page.specific
        cls.index = ReviewIndexPageFactory(parent=cls.home, slug="serious-case-reviews")
        cls.safe_sleep = LearningThemeFactory(name="Safe sleep", slug="safe-sleep")
        cls.alcohol = LearningThemeFactory(name="Alcohol", slug="alcohol")
        cls.report = DocumentFactory(title="Full report")
        cls.review = ReviewPageFactory(parent=cls.index, title="Baby M")
        cls.review.learning = [learning_block("Alcohol and Safe Sleep", cls.safe_sleep, cls.alcohol)]
        cls.review.save_revision().publish()
        cls.briefing = BriefingPageFactory(parent=cls.index, title="7 minute briefing: safe sleep")

    def setUp(self):
        self.login()

    def review_form_data(self, **fields):
        learning_theme = {
            "heading": "Alcohol and Safe Sleep",
            "themes": list_block(self.safe_sleep.pk, self.alcohol.pk),
            "learning": rich_text("<p>Give safe sleep advice at every contact.</p>"),
            "practice_points": list_block("Ask where the baby sleeps."),
            "resources": list_block(
                {"title": "", "page": self.briefing.pk, "document": "", "external_url": ""},
            ),
        }
        return nested_form_data(
            {
                "title": "Child F",
                "slug": "child-f",
                "review_type": "practice_review",
                "publication_date": "2024-05-01",
                "incident_year": "2023",
                "reviewer": "An independent reviewer",
                "commissioning_body": "The partnership",
                "summary": "What the review of Child F found.",
                "how_reviewed": rich_text("<p>By an independent reviewer.</p>"),
                "story": streamfield([("paragraph", rich_text("<p>Child F lived with her grandmother.</p>"))]),
                "learning": streamfield(
                    [
                        ("learning_theme", learning_theme),
                        (
                            "learning_theme",
                            {**learning_theme, "heading": "Supporting Parents", "themes": list_block(self.alcohol.pk)},
                        ),
                    ]
                ),
                "recommendations": streamfield(
                    [
                        (
                            "recommendation",
                            {
                                "text": "Review the safe sleep advice.",
                                "agency": "Health visiting",
                                "status": "in_progress",
                                "status_date": "2024-09-01",
                                "status_note": "New leaflet drafted.",
                            },
                        )
                    ]
                ),
                "documents": streamfield(
                    [("document", {"kind": "full_report", "document": self.report.pk, "title": ""})]
                ),
                "related_reviews": inline_formset([{"review": self.review.pk}]),
                **fields,
            }
        )

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(ReviewIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ReviewIndexPage, {ReviewPage, BriefingPage})
        self.assertAllowedParentPageTypes(ReviewPage, {ReviewIndexPage})
        self.assertAllowedSubpageTypes(ReviewPage, set())
        self.assertAllowedParentPageTypes(BriefingPage, {ReviewIndexPage})
        self.assertCanNotCreateAt(StandardPage, ReviewPage)
        self.assertCanNotCreateAt(Page, ReviewIndexPage)

    def test_editor_creates_a_review_with_two_learning_themes_and_a_recommendation(self):
        self.assertCanCreate(self.index, ReviewPage, self.review_form_data())
        review = ReviewPage.objects.get(slug="child-f")
        self.assertEqual(review.publication_date, dt.date(2024, 5, 1))
        self.assertEqual(
            [block.value["heading"] for block in review.learning], ["Alcohol and Safe Sleep", "Supporting Parents"]
        )
        self.assertEqual(set(review.themes.all()), {self.safe_sleep, self.alcohol})
        self.assertEqual(review.recommendations[0].value["status"], "in_progress")
        self.assertEqual([link.review for link in review.related_reviews.all()], [self.review])

        response = self.client.get(review.url)
        self.assertContains(response, '<h2 id="learning">What did we learn?</h2>', html=True)
        self.assertContains(response, "Ask where the baby sleeps.")
        self.assertContains(response, '<span class="status-tag status-tag--in_progress">In progress</span>', html=True)
        self.assertContains(response, "(as at 1 September 2024)")
        self.assertContains(response, '<a href="/serious-case-reviews/baby-m/">Baby M</a>', html=True)

    def test_a_learning_theme_without_a_theme_cannot_be_published(self):
        data = self.review_form_data()
        data["learning-0-value-themes-count"] = "0"
        del data["learning-0-value-themes-0-value"]
        data["action-publish"] = "action-publish"
        response = self.client.post(f"/admin/pages/add/reviews/reviewpage/{self.index.pk}/", data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The page could not be created due to validation errors")
        self.assertFalse(ReviewPage.objects.filter(slug="child-f").exists())

    def test_review_type_is_a_fixed_choice(self):
        data = self.review_form_data(review_type="serious case review")
        data["action-publish"] = "action-publish"
        response = self.client.post(f"/admin/pages/add/reviews/reviewpage/{self.index.pk}/", data)
        self.assertContains(response, "Select a valid choice")
        self.assertFalse(ReviewPage.objects.filter(slug="child-f").exists())

    def test_routable_renderable_previewable(self):
        self.assertPageIsRoutable(self.index)
        self.assertPageIsRoutable(self.index, "themes/")
        self.assertPageIsRoutable(self.index, "themes/safe-sleep/")
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(self.index, "themes/safe-sleep/")
        self.assertPageIsRoutable(self.review)
        self.assertPageIsRenderable(self.review)
        self.assertPageIsRenderable(self.briefing)
        self.assertPageIsPreviewable(
            self.review, post_data=self.review_form_data(title="Baby M", slug=self.review.slug)
        )
        self.assertPageIsPreviewable(
            self.index,
            post_data=nested_form_data(
                {
                    "title": "Serious case reviews",
                    "slug": self.index.slug,
                    "introduction": rich_text("<p>Reviews.</p>"),
                    "body": streamfield([]),
                    "listing_heading": "Reviews",
                }
            ),
        )
        self.assertPageIsPreviewable(
            self.briefing,
            post_data=nested_form_data(
                {
                    "title": self.briefing.title,
                    "slug": self.briefing.slug,
                    **{name: rich_text(f"<p>{heading}</p>") for name, heading in BriefingPage.SECTIONS},
                    "briefing_themes": [self.safe_sleep.pk],
                }
            ),
        )
