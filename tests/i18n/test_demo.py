"""The demo serves English, Polish and Urdu, translated and signed off through the real path."""

from __future__ import annotations

from wagtail.models import Page, WorkflowState

from home.demo.translations import NOTICE, ensure_demo_translations
from sscp_wagtail.i18n.translate import approve, submit_for_sign_off, translate
from sscp_wagtail.learning.models import LearningTheme
from sscp_wagtail.models import ContactPanel
from tests.conftest import soup

from .helpers import TranslationTestCase, polish


class DemoTranslations(TranslationTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.created = ensure_demo_translations(cls.editor, cls.moderator)

    def test_four_pages_in_polish_and_urdu_each_approved_by_a_moderator(self):
        self.assertEqual(
            self.created,
            [
                f"{language}:{path}"
                for language in ("pl", "ur")
                for path in ("/", "/case-review-referral/", "/serious-case-reviews/", "/serious-case-reviews/baby-m/")
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
            for path in ("/", "/case-review-referral/", "/serious-case-reviews/", "/serious-case-reviews/baby-m/"):
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

    def test_the_urdu_referral_form_asks_its_questions_in_urdu_under_the_same_names(self):
        html = soup(self.client.get("/ur/case-review-referral/"))
        self.assertEqual(html.select_one("label[for=id_your_name]").get_text(" ", strip=True), "آپ کا نام (لازمی)")
        self.assertEqual(html.select_one("form button[type=submit]").get_text(strip=True), "ریفرل بھیجیں")
        english = soup(self.client.get("/case-review-referral/"))
        names = lambda page: [field["name"] for field in page.select("form [name]")]  # noqa: E731
        self.assertEqual(names(html), names(english))

    def test_links_lead_to_the_polish_page_where_one_is_live_and_to_the_english_one_otherwise(self):
        def page_links(path):
            html = soup(self.client.get(path))
            return {a.get_text(" ", strip=True): a["href"] for a in html.main.select("a[href^='/']")}

        home = page_links("/pl/")
        # The featured pages: the review index and the form have Polish versions, their titles too.
        self.assertEqual(home["Przeglądy poważnych przypadków"], "/pl/serious-case-reviews/")
        self.assertEqual(home["Zgłoszenie przypadku do przeglądu"], "/pl/case-review-referral/")
        self.assertEqual(home["Rapid Review Process"], "/rapid-review-process/")  # no Polish version
        self.assertNotIn("/serious-case-reviews/", home.values())

        briefing_link = "7-minutowe podsumowanie o bezpiecznym śnie"
        self.assertEqual(
            page_links("/pl/serious-case-reviews/baby-m/")[briefing_link],
            "/serious-case-reviews/7-minute-briefing-safe-sleep/",
        )
        # Once the briefing is translated and signed off, Baby M's link follows it.
        briefing = self.english("/serious-case-reviews/7-minute-briefing-safe-sleep/")
        briefing.briefing_themes = [LearningTheme.objects.get(slug="safe-sleep", locale__language_code="en-gb")]
        briefing.save_revision().publish()
        translate(briefing, "pl", self.editor, polish)
        polish_briefing = self.translation_of(briefing, self.polish)
        submit_for_sign_off(polish_briefing, self.editor)
        approve(polish_briefing, self.moderator)
        self.assertEqual(
            page_links("/pl/serious-case-reviews/baby-m/")[briefing_link],
            "/pl/serious-case-reviews/7-minute-briefing-safe-sleep/",
        )
        # The Polish briefing names its themes in Polish (the chosen themes are the English ones).
        themes = soup(self.client.get("/pl/serious-case-reviews/7-minute-briefing-safe-sleep/")).select_one(
            ".briefing__themes"
        )
        self.assertIn("Bezpieczny sen", themes.get_text())
        self.assertNotIn("Safe sleep", themes.get_text())
        # English readers still get the English pages and names.
        self.assertEqual(page_links("/")["Serious case reviews"], "/serious-case-reviews/")
        english_themes = soup(self.client.get("/serious-case-reviews/7-minute-briefing-safe-sleep/")).select_one(
            ".briefing__themes"
        )
        self.assertIn("Safe sleep", english_themes.get_text())

    def test_the_api_filters_by_locale_and_each_page_lists_its_published_translations(self):
        listing = self.client.get("/api/v2/pages/?locale=pl&fields=title&limit=50").json()
        polish_ids = set(Page.objects.live().filter(locale=self.polish).values_list("pk", flat=True))
        self.assertEqual({item["id"] for item in listing["items"]}, polish_ids)
        self.assertIn("Niemowlę M", {item["title"] for item in listing["items"]})

        baby_m = self.english("/serious-case-reviews/baby-m/")
        detail = self.client.get(f"/api/v2/pages/{baby_m.pk}/").json()
        self.assertEqual(
            [(t["locale"], t["title"], t["url"]) for t in detail["meta"]["translations"]],
            [
                ("pl", "Niemowlę M", "/pl/serious-case-reviews/baby-m/"),
                ("ur", "بے بی ایم", "/ur/serious-case-reviews/baby-m/"),
            ],
        )
        form = self.english("/case-review-referral/")
        polish_form = self.client.get(f"/api/v2/pages/{form.get_translation(self.polish).pk}/").json()
        english_form = self.client.get(f"/api/v2/pages/{form.pk}/").json()
        self.assertEqual(
            [field["name"] for field in polish_form["form_fields"]],
            [field["name"] for field in english_form["form_fields"]],
        )
        self.assertEqual(polish_form["form_fields"][0]["label"], "Imię i nazwisko")
