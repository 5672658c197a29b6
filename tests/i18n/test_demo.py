"""The demo serves English, Polish and Urdu, translated and signed off through the real path."""

from __future__ import annotations

from wagtail.models import Page, WorkflowState

from home.demo.translations import NOTICE, ensure_demo_translations
from sscp_wagtail.learning.models import LearningTheme
from sscp_wagtail.models import ContactPanel
from tests.conftest import soup

from .helpers import TranslationTestCase


class DemoTranslations(TranslationTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.created = ensure_demo_translations(cls.editor, cls.moderator)

    def test_three_pages_in_polish_and_urdu_each_approved_by_a_moderator(self):
        self.assertEqual(
            self.created,
            [
                "pl:/",
                "pl:/serious-case-reviews/",
                "pl:/serious-case-reviews/baby-m/",
                "ur:/",
                "ur:/serious-case-reviews/",
                "ur:/serious-case-reviews/baby-m/",
            ],
        )
        for page in Page.objects.filter(locale__language_code__in=["pl", "ur"]):
            with self.subTest(page=page.url_path, locale=page.locale.language_code):
                self.assertTrue(page.live)
                state = WorkflowState.objects.for_instance(page).get()
                self.assertEqual(state.status, WorkflowState.STATUS_APPROVED)
                self.assertEqual(state.requested_by, self.editor)
                self.assertEqual(state.current_task_state.finished_by, self.moderator)

    def test_the_panels_and_themes_those_pages_use_are_signed_off_too(self):
        for model in (ContactPanel, LearningTheme):
            translations = model.objects.filter(locale__language_code__in=["pl", "ur"])
            self.assertTrue(translations.exists())
            self.assertFalse(translations.filter(live=False).exists())
        self.assertTrue(ContactPanel.objects.filter(title="Krzywdzenie lub zaniedbywanie dziecka", live=True).exists())

    def test_each_translated_page_says_it_is_demo_text_and_reads_in_its_direction(self):
        for prefix, direction in (("/pl", "ltr"), ("/ur", "rtl")):
            for path in ("/", "/serious-case-reviews/", "/serious-case-reviews/baby-m/"):
                with self.subTest(path=prefix + path):
                    response = self.client.get(prefix + path)
                    self.assertEqual(response.status_code, 200)
                    html = soup(response)
                    self.assertEqual((html.html["lang"], html.html["dir"]), (prefix[1:], direction))
                    self.assertIn(NOTICE[prefix[1:]].strip(), " ".join(html.main.get_text().split()))

    def test_polish_baby_m_shows_its_translated_themes_and_the_same_phone_numbers(self):
        response = self.client.get("/pl/serious-case-reviews/baby-m/")
        self.assertContains(response, "<h1>Niemowlę M</h1>", html=True)
        self.assertContains(response, "Bezpieczny sen")
        index = self.client.get("/pl/serious-case-reviews/")
        self.assertContains(index, "Krzywdzenie lub zaniedbywanie dziecka")
        self.assertContains(index, 'href="tel:+441612176028"')

    def test_running_it_again_changes_nothing(self):
        before = Page.objects.filter(locale__language_code="pl").values_list("pk", "latest_revision_id")
        self.assertEqual(ensure_demo_translations(self.editor, self.moderator), [])
        after = Page.objects.filter(locale__language_code="pl").values_list("pk", "latest_revision_id")
        self.assertEqual(list(before), list(after))
