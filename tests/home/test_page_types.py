"""Every page type passes Wagtail's own page checks, and the admin creates them."""

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.demo.contact_panels import CHILD_ABUSE_OR_NEGLECT, ensure_contact_panels
from home.factories import DocumentFactory, StandardPageFactory
from home.models import HomePage, StandardPage
from reviews.models import ReviewIndexPage
from sscp_wagtail.referrals.models import ReferralFormPage
from tests.form_data import list_block


class HomePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.home = HomePage.objects.get(depth=2)
        cls.child = StandardPageFactory(parent=cls.home, title="Rapid Review Process", show_in_menus=True)
        cls.home.introduction = "<p>Learning from case reviews.</p>"
        cls.panel = ensure_contact_panels()[CHILD_ABUSE_OR_NEGLECT]
        cls.home.contact_panel = cls.panel
        cls.home.featured = [
            {"type": "page", "value": {"page": cls.child.pk, "label": "", "summary": "How reviews start."}}
        ]
        cls.home.save_revision().publish()

    def setUp(self):
        self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {StandardPage, ReviewIndexPage, ReferralFormPage})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def form_data(self, **fields):
        return nested_form_data(
            {
                "title": "Second partnership",
                "slug": "second-partnership",
                "introduction": rich_text("<p>Our reviews.</p>"),
                "contact_panel": self.panel.pk,
                "featured": streamfield(
                    [("page", {"page": self.child.pk, "label": "Rapid reviews", "summary": "How reviews start."})]
                ),
                **fields,
            }
        )

    def test_editor_can_create_a_home_page(self):
        self.assertCanCreate(self.root, HomePage, self.form_data())
        created = HomePage.objects.get(slug="second-partnership")
        self.assertEqual(created.featured[0].value["label"], "Rapid reviews")
        self.assertEqual(created.contact_panel, self.panel)

    def test_routable_renderable_previewable(self):
        self.assertPageIsRoutable(self.home)
        self.assertPageIsRenderable(self.home)
        # The editor posts the form; Wagtail cannot scrape StreamField data from the edit page.
        self.assertPageIsPreviewable(self.home, post_data=self.form_data(title=self.home.title, slug=self.home.slug))

    def test_shows_introduction_panel_and_featured_pages(self):
        response = self.client.get("/")
        self.assertContains(response, "<h1>")
        self.assertContains(response, "Learning from case reviews.")
        self.assertContains(response, '<a href="tel:+441612176028">0161 217 6028</a>', html=True)
        self.assertContains(response, '<a href="/rapid-review-process/">Rapid Review Process</a>', html=True)
        self.assertContains(response, "How reviews start.")

    def test_unpublished_featured_page_is_not_shown(self):
        self.child.unpublish()
        response = self.client.get("/")
        self.assertNotContains(response, "How reviews start.")


class StandardPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(depth=2)
        cls.page = StandardPageFactory(parent=cls.home, title="Rapid Review Process", introduction="When to review.")
        cls.document = DocumentFactory(title="Referral form")
        from wagtail.images import get_image_model

        cls.image = get_image_model().objects.create(title="A chart", file=get_test_image_file())
        cls.panel = ensure_contact_panels()[CHILD_ABUSE_OR_NEGLECT]

    def setUp(self):
        self.login()

    def body_form_data(self, *, alt_text="Bar chart of reviews by year"):
        return streamfield(
            [
                ("heading", {"text": "When a review starts", "level": "h2"}),
                ("paragraph", rich_text("<p>Within <b>15 working days</b>.</p>")),
                ("callout", {"heading": "Worried?", "text": rich_text("<p>Call 999.</p>"), "style": "warning"}),
                ("document", {"document": self.document.pk, "title": ""}),
                ("image", {"image": self.image.pk, "alt_text": alt_text, "caption": "Reviews by year"}),
                ("page_links", {"heading": "Related", "links": list_block({"page": self.page.pk, "label": ""})}),
                ("contact_panel", self.panel.pk),
            ]
        )

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, ReferralFormPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_editor_can_create_a_page_with_every_block(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data({"title": "Referrals", "introduction": "How to refer.", "body": self.body_form_data()}),
        )
        page = StandardPage.objects.get(slug="referrals")
        self.assertEqual(
            [block.block_type for block in page.body],
            [
                "heading",
                "paragraph",
                "callout",
                "document",
                "image",
                "page_links",
                "contact_panel",
            ],
        )
        response = self.client.get(page.url)
        self.assertContains(response, '<h2 class="block-heading">When a review starts</h2>', html=True)
        self.assertContains(response, 'alt="Bar chart of reviews by year"')
        self.assertContains(response, "(PDF, ")
        self.assertContains(response, '<a href="tel:+441617182118">0161 718 2118</a>', html=True)

    def test_image_without_alt_text_cannot_be_published_and_nothing_is_saved(self):
        count = StandardPage.objects.count()
        data = nested_form_data({"title": "No alt", "slug": "no-alt", "body": self.body_form_data(alt_text="")})
        data["action-publish"] = "action-publish"
        response = self.client.post(f"/admin/pages/add/home/standardpage/{self.home.pk}/", data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The page could not be created due to validation errors")
        self.assertContains(response, "This field is required")
        self.assertEqual(StandardPage.objects.count(), count)

    def test_routable_renderable_previewable(self):
        self.assertPageIsRoutable(self.page)
        self.assertPageIsRenderable(self.page)
        self.assertPageIsPreviewable(
            self.page,
            post_data=nested_form_data(
                {"title": self.page.title, "slug": self.page.slug, "introduction": "", "body": self.body_form_data()}
            ),
        )
