"""The referral form in Polish: translated through wagtail-localize, answered in Polish, read by the unit."""

from __future__ import annotations

from django.core.cache import cache
from django.urls import reverse
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

from home.demo.translations import translator_for
from sscp_wagtail.i18n.translate import approve, submit_for_sign_off, translate
from sscp_wagtail.referrals.demo import CRITERIA
from sscp_wagtail.referrals.forms import new_form_token
from sscp_wagtail.referrals.models import ReferralFormField, ReferralFormPage, ReferralSubmission
from tests.conftest import soup
from tests.referrals.helpers import ANSWERS, REFERENCE
from tests.workflows.helpers import make_user

from .helpers import TranslationTestCase
from .test_translation import strings_of

POLISH_CRITERION = "Krzywdzenie lub zaniedbanie dziecka jest znane lub podejrzewane"


class PolishReferralForm(TranslationTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.form = ReferralFormPage.objects.get(locale__language_code="en-gb")
        for page in (cls.form.get_parent().specific, cls.form):
            translate(page, "pl", cls.editor, translator_for("pl"))
            translation = page.get_translation(cls.polish).specific
            submit_for_sign_off(translation, cls.editor)
            approve(translation, cls.moderator)
        cls.polish_form = cls.form.get_translation(cls.polish).specific

    def setUp(self):
        cache.clear()  # the rate limit counts per address

    def answers(self, page, **changes):
        data = {**ANSWERS, "form_token": new_form_token(page.pk), **changes}
        return {name: value for name, value in data.items() if value is not None}

    def test_translators_get_every_label_hint_and_choice_and_never_the_stored_names(self):
        strings = strings_of(self.form)
        choices = CRITERIA.replace("\n", "<br/>")  # one string, its lines kept
        for expected in ["Your name", "Initials only, for example J.S. Do not give the child’s name.", choices]:
            self.assertIn(expected, strings)
        for field in self.form.form_fields.all():
            self.assertNotIn(field.clean_name, strings)
        self.assertNotIn("organization-title", strings)  # an autocomplete hint is for browsers
        self.assertNotIn("safeguarding-unit@example.invalid", " ".join(strings))
        field = self.form.form_fields.first()
        synchronised = {f.field_name for f in get_translatable_fields(ReferralFormField) if f.is_synchronized(field)}
        self.assertLessEqual({"clean_name", "autocomplete", "field_type", "required"}, synchronised)
        page_fields = {f.field_name: f for f in get_translatable_fields(ReferralFormPage)}
        for name in ("to_address", "from_address", "subject"):
            self.assertIsInstance(page_fields[name], SynchronizedField)
            self.assertFalse(page_fields[name].overridable)

    def test_the_polish_form_is_live_after_sign_off_with_the_same_field_names(self):
        self.assertTrue(self.polish_form.live)
        english = list(self.form.form_fields.values_list("clean_name", "field_type", "required"))
        polish = list(self.polish_form.form_fields.values_list("clean_name", "field_type", "required"))
        self.assertEqual(polish, english)
        self.assertEqual(
            self.polish_form.form_fields.get(clean_name="your_name").label,
            "Imię i nazwisko",
        )
        self.assertEqual(set(self.polish_form.form_fields.values_list("locale", flat=True)), {self.polish.pk})

    def test_a_polish_reader_gets_polish_labels_and_polish_errors(self):
        response = self.client.post(
            "/pl/case-review-referral/", self.answers(self.polish_form, your_name="", childs_age="x")
        )
        self.assertEqual(response.status_code, 200)
        html = soup(response)
        self.assertEqual(html.html["lang"], "pl")
        summary = html.select_one(".error-summary")
        self.assertEqual(summary.h2.get_text(strip=True), "Wystąpił problem")
        self.assertIn("To pole jest wymagane.", summary.get_text())
        self.assertIn("Wpisz liczbę.", summary.get_text())
        self.assertEqual(
            html.select_one("label[for=id_your_name]").get_text(" ", strip=True), "Imię i nazwisko (wymagane)"
        )
        self.assertTrue(html.title.get_text().startswith("Błąd:"))
        self.assertIn(POLISH_CRITERION, html.select_one("form").get_text())
        self.assertFalse(ReferralSubmission.objects.exists())

    def test_a_polish_referral_is_confirmed_in_polish_stored_like_an_english_one_and_the_unit_sees_it(self):
        english = self.client.post("/case-review-referral/", self.answers(self.form))
        self.assertContains(english, "Referral sent")
        response = self.client.post(
            "/pl/case-review-referral/", self.answers(self.polish_form, which_criteria_apply=[POLISH_CRITERION])
        )
        self.assertEqual(response.status_code, 200)
        html = soup(response)
        self.assertEqual(html.html["lang"], "pl")
        self.assertEqual(html.h1.get_text(strip=True), "Zgłoszenie wysłane")
        self.assertIn("Twój numer referencyjny", html.main.get_text())
        english_referral, polish_referral = ReferralSubmission.objects.order_by("pk")
        self.assertEqual(polish_referral.page_id, self.polish_form.pk)
        self.assertEqual(set(polish_referral.form_data), set(english_referral.form_data))
        self.assertEqual(polish_referral.form_data["which_criteria_apply"], [POLISH_CRITERION])
        self.assertRegex(polish_referral.reference, REFERENCE)

        unit = make_user("unit", "Safeguarding Unit")
        self.client.force_login(unit)
        index = self.client.get(reverse("sscp_referrals:index"))
        self.assertContains(index, reverse("wagtailforms:list_submissions", args=[self.polish_form.pk]))
        listing = self.client.get(reverse("wagtailforms:list_submissions", args=[self.polish_form.pk]))
        self.assertContains(listing, polish_referral.reference)
        self.assertContains(listing, "Priya Referrer")
