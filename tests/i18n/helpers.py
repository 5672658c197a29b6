"""The demo site with its roles, ready to translate."""

from __future__ import annotations

from django.test import TestCase
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailTestUtils

from home.demo.loader import load_demo_content
from tests.workflows.helpers import make_user


def english_page(path: str) -> Page:
    """The English page at a public path, e.g. ``/serious-case-reviews/baby-m/``."""
    return Page.objects.get(url_path=f"/home{path}", locale__language_code="en-gb").specific


def polish(text: str) -> str:
    """A stand-in translation that is easy to recognise on the page."""
    return f"PL {text}"


class TranslationTestCase(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_content()
        cls.editor = make_user("translator", "Editors")
        cls.moderator = make_user("moderator", "Moderators")
        cls.polish = Locale.objects.get(language_code="pl")
        cls.urdu = Locale.objects.get(language_code="ur")

    def english(self, path: str) -> Page:
        return english_page(path)

    def translation_of(self, page, locale) -> Page:
        return page.get_translation(locale).specific
