"""What a reader sees in Polish and Urdu: the switcher, lang and dir, hreflang,
the sitemap, localised contact-panel wording and interface strings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from django.template import Context, Template
from django.utils import translation

from sscp_wagtail.contact_panels.wording import MESSAGES, active_wording
from sscp_wagtail.i18n.translate import approve, submit_for_sign_off, translate
from sscp_wagtail.models import ContactPanel
from sscp_wagtail.opening_hours import ENGLISH, LONDON, format_time
from tests.conftest import soup

from .helpers import TranslationTestCase, english_page, polish

PATHS = ("/", "/serious-case-reviews/", "/serious-case-reviews/baby-m/")


class ReadersInThreeLanguages(TranslationTestCase):
    """Home, review index and Baby M live in Polish; only the home page in Urdu."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for path in PATHS:
            page = english_page(path)
            translate(page, "pl", cls.editor, polish)
            translated = page.get_translation(cls.polish).specific
            submit_for_sign_off(translated, cls.editor)
            approve(translated, cls.moderator)
        home = english_page("/")
        translate(home, "ur", cls.editor, lambda text: f"UR {text}")
        urdu_home = home.get_translation(cls.urdu).specific
        submit_for_sign_off(urdu_home, cls.editor)
        approve(urdu_home, cls.moderator)

    def switcher(self, response) -> list[tuple[str, str, str | None, str | None]]:
        nav = soup(response).find("nav", class_="language-switcher")
        if nav is None:
            return []
        return [
            (item.get_text(strip=True), item.get("lang"), item.get("href"), item.get("hreflang"))
            for item in nav.find_all(["a", "span"])
        ]

    def test_the_switcher_lists_only_the_languages_the_page_is_published_in_in_their_own_names(self):
        self.assertEqual(
            self.switcher(self.client.get("/")),
            [("English", "en-gb", None, None), ("Polski", "pl", "/pl/", "pl"), ("اردو", "ur", "/ur/", "ur")],
        )
        self.assertEqual(
            self.switcher(self.client.get("/serious-case-reviews/baby-m/")),
            [("English", "en-gb", None, None), ("Polski", "pl", "/pl/serious-case-reviews/baby-m/", "pl")],
        )
        self.assertEqual(
            self.switcher(self.client.get("/pl/serious-case-reviews/baby-m/")),
            [("English", "en-gb", "/serious-case-reviews/baby-m/", "en-gb"), ("Polski", "pl", None, None)],
        )
        # Child E has no translation: no switcher at all.
        self.assertEqual(self.switcher(self.client.get("/serious-case-reviews/child-e/")), [])

    def test_a_translation_in_moderation_is_not_offered(self):
        child_e = english_page("/serious-case-reviews/child-e/")
        translate(child_e, "pl", self.editor, polish)
        submit_for_sign_off(child_e.get_translation(self.polish), self.editor)
        self.assertEqual(self.switcher(self.client.get("/serious-case-reviews/child-e/")), [])

    def test_lang_and_dir_follow_the_page(self):
        for path, lang, direction in [("/", "en-gb", "ltr"), ("/pl/", "pl", "ltr"), ("/ur/", "ur", "rtl")]:
            with self.subTest(path):
                html = soup(self.client.get(path)).html
                self.assertEqual((html["lang"], html["dir"]), (lang, direction))

    def test_hreflang_alternates_in_the_head_point_at_every_published_translation(self):
        head = soup(self.client.get("/pl/serious-case-reviews/baby-m/")).head
        alternates = {link["hreflang"]: link["href"] for link in head.find_all("link", rel="alternate")}
        self.assertEqual(
            alternates,
            {
                "en-gb": "http://testserver/serious-case-reviews/baby-m/",
                "x-default": "http://testserver/serious-case-reviews/baby-m/",
                "pl": "http://testserver/pl/serious-case-reviews/baby-m/",
            },
        )

    def test_a_routable_sub_page_claims_no_alternates_it_does_not_have(self):
        response = self.client.get("/pl/serious-case-reviews/themes/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(soup(response).head.find_all("link", rel="alternate"), [])
        # The switcher still leads to the review index in the other language.
        self.assertIn(("English", "en-gb", "/serious-case-reviews/", "en-gb"), self.switcher(response))

    def test_interface_strings_navigation_and_home_link_are_in_the_reader_s_language(self):
        response = self.client.get("/pl/serious-case-reviews/baby-m/")
        html = soup(response)
        self.assertEqual(html.find(class_="exit-this-page__button").get_text(" ", strip=True), "Pilne: Opuść tę stronę")
        self.assertIn("Jeśli dziecku grozi bezpośrednie niebezpieczeństwo", html.find(class_="emergency-banner").text)
        self.assertEqual(html.find(class_="site-header__name")["href"], "/pl/")
        self.assertIn("Czego się nauczyliśmy?", response.text)
        nav_links = [a["href"] for a in html.find("nav", class_="site-nav").find_all("a")]
        self.assertIn("/pl/serious-case-reviews/", nav_links)
        self.assertTrue(all(link.startswith("/pl/") for link in nav_links), nav_links)
        crumbs = [a["href"] for a in html.find("nav", class_="breadcrumbs").find_all("a")]
        self.assertEqual(crumbs, ["/pl/", "/pl/serious-case-reviews/"])
        # Dates in the review's facts are written the Polish way.
        self.assertIn("1 lipca 2019", response.text)

    def test_the_sitemap_lists_each_translation_with_its_alternates(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        text = response.content.decode()
        # The demo site's hostname is localhost.
        locations = re.findall(r"<loc>http://localhost([^<]+)</loc>", text)
        for path in PATHS:
            self.assertIn(path, locations)
            self.assertIn(f"/pl{path}", locations)
        self.assertIn("/ur/", locations)
        self.assertIn("/serious-case-reviews/child-e/", locations)
        self.assertNotIn("/ur/serious-case-reviews/", locations)
        self.assertIn(
            '<xhtml:link rel="alternate" hreflang="pl" href="http://localhost/pl/serious-case-reviews/baby-m/"/>',
            text,
        )

    def test_the_sitemap_leaves_out_translations_in_moderation(self):
        child_e = english_page("/serious-case-reviews/child-e/")
        translate(child_e, "pl", self.editor, polish)
        self.assertNotIn("/pl/serious-case-reviews/child-e/", self.client.get("/sitemap.xml").content.decode())

    def test_search_in_polish_finds_polish_pages_only(self):
        response = self.client.get("/pl/search/", {"q": "Baby"})
        self.assertEqual(response.status_code, 200)
        html = soup(response)
        self.assertEqual(html.html["lang"], "pl")
        titles = [" ".join(a.get_text().split()) for a in html.select("ol.search-results h3 a")]
        self.assertEqual(titles, ["PL Baby M"])
        hrefs = [a["href"] for a in html.select("ol.search-results h3 a")]
        self.assertEqual(hrefs, ["/pl/serious-case-reviews/baby-m/"])
        english = [
            a.get_text() for a in soup(self.client.get("/search/", {"q": "Baby"})).select("ol.search-results h3 a")
        ]
        english = [" ".join(title.split()) for title in english]
        self.assertIn("Baby M", english)
        self.assertFalse([title for title in english if title.startswith("PL")], english)

    def test_the_search_page_offers_every_language_at_its_own_address(self):
        links = self.switcher(self.client.get("/pl/search/", {"q": "sen"}))
        self.assertEqual([link[2] for link in links], ["/search/?q=sen", None, "/ur/search/?q=sen"])


class ContactPanelWording(TranslationTestCase):
    def test_the_engine_s_english_and_the_translatable_copy_say_the_same(self):
        with translation.override("en-gb"):
            self.assertEqual(active_wording(), ENGLISH)
            for field in dataclasses.fields(ENGLISH):
                value = getattr(MESSAGES, field.name)
                english = getattr(ENGLISH, field.name)
                if isinstance(value, tuple):
                    value = tuple(map(str, value))
                elif not isinstance(value, bool):
                    value = str(value)
                self.assertEqual(value, english)

    def test_polish_reads_the_24_hour_clock_and_polish_words(self):
        with translation.override("pl"):
            wording = active_wording()
        self.assertEqual(format_time(dt.time(17, 30), wording), "17:30")
        self.assertEqual(wording.weekdays[0], "poniedziałek")
        self.assertEqual(wording.open_now.format(phone="0161 217 6028"), "Teraz otwarte: zadzwoń pod 0161 217 6028")
        with translation.override("ur"):
            self.assertEqual(format_time(dt.time(17, 0), active_wording()), "5 شام")

    def test_a_polish_page_shows_the_panel_s_status_and_hours_in_polish(self):
        panel = ContactPanel.objects.get(title="Child abuse or neglect", locale__language_code="en-gb")
        translate(panel, "pl", self.editor, polish)
        polish_panel = panel.get_translation(self.polish)
        submit_for_sign_off(polish_panel, self.editor)
        approve(polish_panel, self.moderator)
        tuesday_morning = dt.datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)
        with translation.override("pl"):
            html = Template("{% load contact_panel_tags %}{% contact_panel panel at=at %}").render(
                Context({"panel": polish_panel.__class__.objects.get(pk=polish_panel.pk), "at": tuesday_morning})
            )
        self.assertIn("PL Child abuse or neglect", html)
        self.assertIn("Teraz otwarte do 17:00: zadzwoń pod", html)
        self.assertIn("poniedziałek–czwartek, 08:30–17:00", html)
        self.assertIn("Stan na 10:00, wtorek 24 listopada 2026.", html)
        self.assertIn('"twenty_four_hour": true', html)
