"""Translating reviews and contact panels through wagtail-localize, then the sign-off."""

from __future__ import annotations

import polib
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource

from home.models import HomePage, StandardPage
from reviews.models import BriefingPage, ReviewIndexPage, ReviewPage
from sscp_wagtail.i18n.translate import approve, submit_for_sign_off, translate
from sscp_wagtail.learning.models import LearningTheme
from sscp_wagtail.models import Closure, ContactLine, ContactPanel
from tests.conftest import soup
from tests.workflows.helpers import make_user

from .helpers import TranslationTestCase, polish


def strings_of(obj) -> list[str]:
    source, _ = TranslationSource.get_or_create_from_instance(obj)
    return [entry.msgid for entry in source.export_po()]


class WhatTranslatorsTranslate(TranslationTestCase):
    def test_every_block_of_a_review_reaches_the_translator_and_nothing_a_reader_acts_on_does(self):
        strings = strings_of(self.english("/serious-case-reviews/baby-m/"))
        joined = "\n".join(strings)
        for expected in [
            "Baby M",  # title
            "An independent reviewer",
            "Alcohol and Safe Sleep",  # LearningThemeBlock heading
            "Learning from this review about alcohol and co-sleeping reminds us",  # its rich text
            "7 minute briefing on safe sleep",  # a resource link's text
            "make sure babies discharged from Neonatal Units",  # a recommendation
            "Baby M was a well-loved child",  # the story
            "Conducted by an independent reviewer",  # how it was reviewed
        ]:
            self.assertIn(expected, joined)
        for synchronised in [
            "serious_case_review",
            "2019-07-01",
            "2017",
            "baby-m",
            "Read the full Serious Case Review",
        ]:
            self.assertNotIn(synchronised, strings)

    def test_a_briefing_offers_all_seven_sections(self):
        briefing = self.english("/serious-case-reviews/7-minute-briefing-safe-sleep/")
        strings = "\n".join(strings_of(briefing))
        for _number, heading, html in briefing.sections():
            with self.subTest(section=heading):
                first_words = BeautifulSoup(html, "html.parser").find(string=True)[:30]
                self.assertIn(first_words, strings)

    def test_a_learning_theme_translates_its_name_but_keeps_its_address(self):
        theme = LearningTheme.objects.get(slug="safe-sleep")
        self.assertEqual(strings_of(theme)[:1], ["Safe sleep"])
        self.assertNotIn("safe-sleep", strings_of(theme))

    def test_facts_documents_slugs_and_phone_numbers_are_locked_to_the_source(self):
        locked = {
            HomePage: {"slug"},
            StandardPage: {"slug"},
            ReviewIndexPage: {"slug"},
            BriefingPage: {"slug"},
            ReviewPage: {"slug", "review_type", "publication_date", "incident_year", "documents"},
            LearningTheme: {"slug"},
            ContactLine: {"phone", "email"},
            Closure: {"date"},
        }
        for model, names in locked.items():
            fields = {field.field_name: field for field in get_translatable_fields(model)}
            for name in names:
                with self.subTest(model=model.__name__, field=name):
                    self.assertIsInstance(fields[name], SynchronizedField)
                    self.assertFalse(fields[name].overridable, "a translator could change it")


class TranslatingAReview(TranslationTestCase):
    def translate_down_to_baby_m(self, locale_code="pl"):
        pages = [self.english(path) for path in ("/", "/serious-case-reviews/", "/serious-case-reviews/baby-m/")]
        for page in pages:
            translate(page, locale_code, self.editor, polish)
        return pages

    def publish_through_sign_off(self, obj):
        submit_for_sign_off(obj, self.editor)
        approve(obj, self.moderator)

    def test_a_translation_is_a_draft_until_a_moderator_approves_it(self):
        home, index, review = self.translate_down_to_baby_m()
        polish_review = self.translation_of(review, self.polish)
        self.assertFalse(polish_review.live)
        # Not yet approved: a Polish reader is sent to the English page, never shown the draft.
        self.assertRedirects(
            self.client.get("/pl/serious-case-reviews/baby-m/"),
            "/serious-case-reviews/baby-m/",
            fetch_redirect_response=False,
        )

        for page in (home, index, review):
            self.publish_through_sign_off(self.translation_of(page, self.polish))
        polish_review.refresh_from_db()
        self.assertTrue(polish_review.live)

        response = self.client.get("/pl/serious-case-reviews/baby-m/")
        self.assertEqual(response.status_code, 200)
        html = soup(response)
        self.assertEqual(html.html["lang"], "pl")
        self.assertEqual(html.html["dir"], "ltr")
        self.assertEqual(html.h1.get_text(strip=True), "PL Baby M")
        self.assertIn("PL Alcohol and Safe Sleep", response.text)
        # The English page is untouched.
        self.assertContains(self.client.get("/serious-case-reviews/baby-m/"), "<h1>Baby M</h1>", html=True)

    def test_urdu_pages_read_right_to_left(self):
        for page in self.translate_down_to_baby_m("ur"):
            self.publish_through_sign_off(self.translation_of(page, self.urdu))
        html = soup(self.client.get("/ur/serious-case-reviews/baby-m/"))
        self.assertEqual((html.html["lang"], html.html["dir"]), ("ur", "rtl"))

    def test_the_translated_review_keeps_the_dates_and_documents_of_the_source(self):
        _, _, review = self.translate_down_to_baby_m()
        polish_review = self.translation_of(review, self.polish)
        self.assertEqual(polish_review.publication_date, review.publication_date)
        self.assertEqual(polish_review.review_type, review.review_type)
        self.assertEqual(polish_review.slug, "baby-m")
        self.assertEqual(
            [block.value["document"].pk for block in polish_review.documents],
            [block.value["document"].pk for block in review.documents],
        )

    def test_the_review_s_themes_and_contact_panel_are_translated_with_it(self):
        home, index, review = self.translate_down_to_baby_m()
        polish_index = self.translation_of(index, self.polish)
        self.assertEqual(polish_index.contact_panel.locale, self.polish)
        self.assertEqual(polish_index.contact_panel.translation_key, index.contact_panel.translation_key)
        themes = {
            theme.locale
            for block in self.translation_of(review, self.polish).learning
            for theme in block.value["themes"]
        }
        self.assertEqual(themes, {self.polish})


class TranslatingAContactPanel(TranslationTestCase):
    def setUp(self):
        self.panel = ContactPanel.objects.get(title="Child abuse or neglect", locale__language_code="en-gb")

    def test_the_panel_is_translated_published_after_approval_and_shown_in_polish(self):
        translate(self.panel, "pl", self.editor, polish)
        polish_panel = self.panel.get_translation(self.polish)
        self.assertFalse(polish_panel.live)
        submit_for_sign_off(polish_panel, self.editor)
        approve(polish_panel, self.moderator)
        polish_panel.refresh_from_db()
        self.assertTrue(polish_panel.live)
        self.assertEqual(polish_panel.title, "PL Child abuse or neglect")
        self.assertEqual(
            [line.phone for line in polish_panel.lines.all()], [line.phone for line in self.panel.lines.all()]
        )

    def test_a_phone_number_cannot_differ_between_translations(self):
        translate(self.panel, "pl", self.editor, polish)
        # The English number changes; syncing the translation brings it across.
        line = self.panel.lines.first()
        line.phone = "0161 999 0000"
        line.save()
        self.panel.save_revision().publish()
        translation = Translation.objects.get(source__object_id=self.panel.translation_key, target_locale=self.polish)
        translation.source.update_from_db()
        translation.save_target(user=self.editor, publish=False)
        polish_panel = self.panel.get_translation(self.polish)
        polish_line = polish_panel.get_latest_revision_as_object().lines.first()
        self.assertEqual(polish_line.phone, "0161 999 0000")
        # And a PO file cannot carry a different number: the number is not in it.
        self.assertNotIn("0161 999 0000", [entry.msgid for entry in translation.export_po()])


class WhoMayTranslate(TranslationTestCase):
    def assertRefused(self, response):
        """403, or the admin's way of saying it: back to the dashboard with "Sorry, you do not have permission"."""
        if response.status_code != 403:
            self.assertEqual(response.status_code, 302)
            self.assertIn("permission", " ".join(str(m) for m in get_messages(response.wsgi_request)))

    def test_someone_without_rights_on_a_page_cannot_translate_or_copy_it(self):
        review = self.english("/serious-case-reviews/baby-m/")
        outsider = make_user("outsider", "Safeguarding Unit")
        self.client.force_login(outsider)
        submit_url = reverse("wagtail_localize:submit_page_translation", args=[review.pk])
        self.assertRefused(self.client.get(submit_url))
        self.assertRefused(self.client.post(submit_url, {"locales": [self.polish.pk]}))
        self.assertRefused(self.client.post(reverse("wagtailadmin_pages:copy", args=[review.pk]), {"new_title": "x"}))
        self.assertFalse(review.get_translations().exists())
        self.assertEqual(Page.objects.filter(title="x").count(), 0)

    def test_an_editor_with_translation_rights_but_no_rights_on_the_page_gets_403(self):
        from django.contrib.auth.models import Group, Permission

        group = Group.objects.create(name="Polish translators")
        group.permissions.add(
            Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="submit_translation")
        )
        translator = make_user("polish-translator", "Polish translators")
        self.client.force_login(translator)
        review = self.english("/serious-case-reviews/baby-m/")
        url = reverse("wagtail_localize:submit_page_translation", args=[review.pk])
        self.assertRefused(self.client.post(url, {"locales": [self.polish.pk]}))
        self.assertFalse(review.get_translations().exists())

    def test_a_translator_without_rights_on_a_snippet_is_refused_as_for_a_page(self):
        from django.contrib.auth.models import Group, Permission

        group = Group.objects.create(name="Polish translators")
        group.permissions.add(
            Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="submit_translation")
        )
        translator = make_user("polish-translator", "Polish translators")
        self.client.force_login(translator)
        panel = ContactPanel.objects.get(title="Child abuse or neglect", locale__language_code="en-gb")
        url = reverse("wagtail_localize:submit_snippet_translation", args=["sscp_wagtail", "contactpanel", panel.pk])
        self.assertRefused(self.client.get(url))
        self.assertRefused(self.client.post(url, {"locales": [self.polish.pk]}))
        self.assertFalse(panel.get_translations().exists())

    def test_an_editor_with_rights_on_the_snippet_may_translate_it(self):
        theme = LearningTheme.objects.get(slug="safe-sleep")
        self.client.force_login(self.editor)
        url = reverse("wagtail_localize:submit_snippet_translation", args=["sscp_learning", "learningtheme", theme.pk])
        self.assertEqual(self.client.get(url).status_code, 200)
        response = self.client.post(url, {"locales": [self.polish.pk]})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(theme.get_translations().filter(locale=self.polish).exists())

    def test_a_page_is_translated_only_under_its_translated_parent(self):
        review = self.english("/serious-case-reviews/baby-m/")
        self.client.force_login(self.editor)
        url = reverse("wagtail_localize:submit_page_translation", args=[review.pk])
        response = self.client.post(url, {"locales": [self.polish.pk]}, follow=True)
        self.assertContains(response, "first: this page goes under its translation")
        self.assertFalse(Page.objects.filter(locale=self.polish).exists(), "no alias went live in Polish")


class PoFiles(TranslationTestCase):
    def setUp(self):
        self.theme = LearningTheme.objects.get(slug="safe-sleep")
        self.translation = translate(self.theme, "pl", self.editor, lambda text: None)
        self.client.force_login(self.editor)
        self.url = reverse("wagtail_localize:upload_pofile", args=[self.translation.pk])

    def upload(self, po: polib.POFile):
        file = SimpleUploadedFile("theme.po", str(po).encode(), content_type="text/x-gettext-translation")
        return self.client.post(self.url, {"file": file, "next": "/admin/"}, follow=True)

    def test_an_exported_po_file_comes_back_in(self):
        po = self.translation.export_po()
        for entry in po:
            entry.msgstr = {"Safe sleep": "Bezpieczny sen"}.get(entry.msgid, "")
        response = self.upload(po)
        self.assertContains(response, "Successfully imported translations from PO File.")
        self.translation.save_target(user=self.editor, publish=False)
        self.assertEqual(self.theme.get_translation(self.polish).get_latest_revision_as_object().name, "Bezpieczny sen")

    def test_a_po_file_without_its_header_gets_a_clear_error_not_a_500(self):
        po = self.translation.export_po()
        po.metadata = {}
        response = self.upload(po)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This PO file has no X-WagtailLocalize-TranslationID header")

    def test_a_file_that_is_not_a_po_file_gets_a_clear_error(self):
        file = SimpleUploadedFile("theme.po", b"\xff\xfe not a po file", content_type="text/plain")
        response = self.client.post(self.url, {"file": file, "next": "/admin/"}, follow=True)
        self.assertContains(response, "Please upload a valid PO file.")

    def test_no_file_at_all_gets_a_clear_error(self):
        response = self.client.post(self.url, {"next": "/admin/"}, follow=True)
        self.assertContains(response, "Choose a PO file to upload.")
