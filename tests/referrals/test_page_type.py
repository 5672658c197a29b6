"""ReferralFormPage passes Wagtail's page checks, and the demo's form is built once."""

from __future__ import annotations

import pytest
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage, StandardPage
from sscp_wagtail.referrals.demo import FIELDS, ensure_referral_form
from sscp_wagtail.referrals.models import ReferralFormField, ReferralFormPage

from .helpers import URL


class ReferralFormPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Site.objects.get(is_default_site=True).root_page.specific
        cls.page = ensure_referral_form(cls.home)

    def setUp(self):
        self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(ReferralFormPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(ReferralFormPage, set())
        self.assertCanCreateAt(HomePage, ReferralFormPage)
        self.assertCanCreateAt(StandardPage, ReferralFormPage)
        self.assertCanNotCreateAt(Page, ReferralFormPage)

    def test_routable_renderable_previewable(self):
        self.assertPageIsRoutable(self.page)
        self.assertPageIsRenderable(self.page)
        self.assertPageIsPreviewable(self.page, mode="form")
        self.assertPageIsPreviewable(self.page, mode="landing")

    def test_the_admin_creates_one(self):
        field = {
            "label": "Your name",
            "help_text": "",
            "required": "on",
            "field_type": "singleline",
            "choices": "",
            "default_value": "",
            "autocomplete": "name",
        }
        attachment = {**field, "label": "Report", "field_type": "attachment", "required": "", "autocomplete": ""}
        self.assertCanCreate(
            self.home,
            ReferralFormPage,
            nested_form_data(
                {
                    "title": "Practice review referral",
                    "slug": "practice-review-referral",
                    "intro": rich_text("<p>Refer a case.</p>"),
                    "thank_you_text": rich_text("<p>Thank you.</p>"),
                    "form_fields": inline_formset([field, attachment]),
                    "comments": inline_formset([]),
                }
            ),
        )
        page = ReferralFormPage.objects.get(slug="practice-review-referral")
        assert [(f.clean_name, f.field_type) for f in page.form_fields.all()] == [
            ("your_name", "singleline"),
            ("report", "attachment"),
        ]


@pytest.mark.django_db
def test_ensure_referral_form_is_idempotent_and_keeps_editors_changes(db):
    home = Site.objects.get(is_default_site=True).root_page
    page = ensure_referral_form(home)
    assert page.live and page.url == URL
    assert [f.label for f in page.form_fields.all()] == [label for label, *_rest in FIELDS]
    labels = {f.clean_name: f.field_type for f in page.form_fields.all()}
    assert labels["childs_initials"] == "singleline" and labels["childs_age"] == "number"
    assert not any("date_of_birth" in name or "childs_name" in name for name in labels)

    page.title = "Refer a case"
    page.save_revision().publish()
    again = ensure_referral_form(home)
    assert again.pk == page.pk and again.title == "Refer a case"
    assert ReferralFormPage.objects.count() == 1 and ReferralFormField.objects.count() == len(FIELDS)

    restored = ensure_referral_form(home, refresh=True)
    assert restored.pk == page.pk and restored.title == "Case review referral"
    assert ReferralFormField.objects.count() == len(FIELDS)


@pytest.mark.django_db
def test_the_form_page_costs_the_same_queries_however_many_fields(client, django_assert_num_queries):
    home = Site.objects.get(is_default_site=True).root_page
    page = ensure_referral_form(home)
    client.get(URL)
    # 1 site, 2 locale, 3 home page, 4 the pages on the way (routing, breadcrumbs
    # and the privacy check read them), 5 the page's specific row, 6 the view
    # restrictions (the page's check and the menu's public()), 7 menu pages, 8 the
    # form's fields, 9 the page's published translations (language switcher and
    # hreflang)
    with django_assert_num_queries(9):
        assert client.get(URL).status_code == 200
    for number in range(20):
        ReferralFormField.objects.create(page=page, label=f"Extra question {number}", field_type="singleline")
    with django_assert_num_queries(9):
        assert client.get(URL).status_code == 200
