import re

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from wagtail.models import Page, Site

from home.demo.loader import load_demo_content


@pytest.fixture
def demo(db):
    """The whole demo site, as `make run` builds it."""
    load_demo_content()
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(db):
    return Site.objects.get(is_default_site=True).root_page.specific


def page_at(url_path: str) -> Page:
    """A page by its public path, e.g. ``/serious-case-reviews/baby-m/``."""
    return Page.objects.get(url_path=f"/home{url_path}").specific


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def visible_text(response) -> str:
    """The text a reader sees in <main> and the site chrome, whitespace collapsed."""
    document = soup(response)
    for hidden in document(["script", "style", "template"]):
        hidden.decompose()
    return re.sub(r"\s+", " ", document.get_text(" ")).strip()


@pytest.fixture
def fragment_cache(settings):
    """The fragment cache on (as production has it with Redis), on an empty cache."""
    settings.SSCP_FRAGMENT_CACHE = True
    cache.clear()
    yield
    cache.clear()
