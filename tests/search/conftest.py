import datetime as dt

import pytest
from django.core.cache import cache
from wagtail.models import Site

from reviews.factories import BriefingPageFactory, ReviewIndexPageFactory, ReviewPageFactory, learning_block
from sscp_wagtail.learning.factories import LearningThemeFactory
from tests.conftest import soup


@pytest.fixture(autouse=True)
def fresh_cache():
    """The search vocabulary (and Wagtail's site roots) are cached: no test sees another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def index(home):
    return ReviewIndexPageFactory(parent=home, slug="serious-case-reviews")


@pytest.fixture
def themes(db):
    themes = {}
    for slug, name in [("safe-sleep", "Safe sleep"), ("neglect", "Neglect"), ("domestic-abuse", "Domestic abuse")]:
        theme = LearningThemeFactory(name=name, slug=slug)
        theme.save_revision().publish()
        themes[slug] = theme
    return themes


@pytest.fixture
def make_review(index):
    """A review under the index, published through a revision as editors do."""

    def make(title="Child A", *, learning=(), publish=True, parent=None, **fields):
        review = ReviewPageFactory(parent=parent or index, title=title, live=False, **fields)
        review.learning = [learning_block(heading, *chosen, learning=text) for heading, chosen, text in learning]
        revision = review.save_revision()
        if publish:
            revision.publish()
        review.refresh_from_db()
        return review

    return make


@pytest.fixture
def make_briefing(index):
    def make(title="7 minute briefing", *, themes=(), publish=True, **fields):
        briefing = BriefingPageFactory(parent=index, title=title, live=False, **fields)
        briefing.briefing_themes = list(themes)
        revision = briefing.save_revision()
        if publish:
            revision.publish()
        briefing.refresh_from_db()
        return briefing

    return make


@pytest.fixture
def library(make_review, make_briefing, themes):
    """A small set of reviews and a briefing, with known words in known places."""
    return {
        "baby-m": make_review(
            "Baby M",
            publication_date=dt.date(2019, 7, 1),
            summary="A baby died when sharing a bed with a parent who had been drinking.",
            learning=[
                ("Alcohol and Safe Sleep", [themes["safe-sleep"]], "<p>Give safe sleep advice at every contact.</p>")
            ],
        ),
        "child-e": make_review(
            "Child E",
            publication_date=dt.date(2019, 11, 1),
            summary="A serious head injury to a young child.",
            learning=[("Recognising neglect", [themes["neglect"]], "<p>Neglect was not recognised.</p>")],
        ),
        "jaiden": make_review(
            "Jaiden",
            publication_date=dt.date(2018, 3, 1),
            review_type="rapid_review",
            summary="A looked after child died; the death could not have been predicted.",
            learning=[
                (
                    "Sleeping arrangements at the carer's",
                    [themes["neglect"], themes["domestic-abuse"]],
                    "<p>The carer's home was cold and the child slept on a sofa; nobody asked about safe sleep.</p>",
                )
            ],
        ),
        "briefing": make_briefing(
            "7 minute briefing: safe sleep",
            themes=[themes["safe-sleep"]],
            background="<p>Sharing a bed or sofa with a baby after drinking alcohol increases the risk.</p>",
        ),
    }


def result_titles(response) -> list[str]:
    return [a.get_text() for a in soup(response).select("ol.search-results .search-result__title a")]


def promoted_titles(response) -> list[str]:
    return [a.get_text() for a in soup(response).select(".search-promotions h3 a")]


def result_count(response) -> str:
    status = soup(response).select_one("[role=status]")
    return status.get_text(" ", strip=True) if status else ""


def filter_options(response, group: str) -> dict[str, bool]:
    """{"Label (count)": selected} for one filter group."""
    heading = soup(response).find("h3", class_="search-filters__group", string=group)
    if heading is None:
        return {}
    links = heading.find_next_sibling("ul").find_all("a")
    return {a.find(string=True, recursive=False).strip(): a.has_attr("aria-current") for a in links}
