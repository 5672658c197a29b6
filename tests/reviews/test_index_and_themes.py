"""The review list, its filters and the theme pages: what readers find, and never a draft."""

import datetime as dt

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from reviews.models import ReviewType
from tests.conftest import soup

pytestmark = pytest.mark.django_db


def listed(response) -> list[str]:
    return [a.get_text() for a in soup(response).select(".review-card__title a")]


def options(response, group: str) -> dict[str, bool]:
    """{"Label (count)": selected} for one filter group."""
    page = soup(response)
    heading = page.find("h4", string=group)
    if heading is None:
        return {}
    links = heading.find_next_sibling("ul").find_all("a")
    return {a.find(string=True, recursive=False).strip(): a.has_attr("aria-current") for a in links}


@pytest.fixture
def reviews(make_review, themes):
    return [
        make_review(
            "Baby M",
            publication_date=dt.date(2019, 7, 1),
            learning=[("Alcohol and Safe Sleep", [themes["safe-sleep"]])],
        ),
        make_review("Child E", publication_date=dt.date(2019, 11, 1), learning=[("Neglect", [themes["neglect"]])]),
        make_review(
            "Jaiden",
            publication_date=dt.date(2018, 3, 1),
            review_type=ReviewType.RAPID_REVIEW,
            learning=[("Sleep at the carer's", [themes["safe-sleep"], themes["neglect"]])],
        ),
    ]


def test_lists_live_reviews_newest_first(client, index, reviews):
    response = client.get(index.url)
    assert listed(response) == ["Child E", "Baby M", "Jaiden"]
    assert "3 reviews" in soup(response).select_one(".review-list__count").get_text()


def test_drafts_and_private_reviews_never_appear(client, index, reviews, make_review, themes):
    make_review("Draft child", publish=False, learning=[("Secret", [themes["safe-sleep"]])])
    private = make_review("Private child", learning=[("Hidden", [themes["domestic-abuse"]])])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(index.url)
    assert listed(response) == ["Child E", "Baby M", "Jaiden"]
    assert "Domestic abuse" not in options(response, "Learning theme").__repr__()
    theme_page = client.get(f"{index.url}themes/safe-sleep/")
    assert "Secret" not in theme_page.content.decode()
    assert client.get(f"{index.url}themes/domestic-abuse/").content.decode().count("Hidden") == 0


def test_filters_offer_counts_and_combine(client, index, reviews):
    response = client.get(index.url)
    assert options(response, "Type of review") == {"Serious Case Review (2)": False, "Rapid Review (1)": False}
    assert options(response, "Learning theme") == {"Neglect (2)": False, "Safe sleep (2)": False}
    assert options(response, "Year published") == {"2019 (2)": False, "2018 (1)": False}

    by_theme = client.get(index.url, {"theme": "safe-sleep"})
    assert listed(by_theme) == ["Baby M", "Jaiden"]
    assert options(by_theme, "Learning theme")["Safe sleep (2)"] is True
    # Counts for the other filters follow the chosen theme.
    assert options(by_theme, "Year published") == {"2019 (1)": False, "2018 (1)": False}

    combined = client.get(index.url, {"theme": "safe-sleep", "year": "2019"})
    assert listed(combined) == ["Baby M"]
    links = [a["href"] for a in soup(combined).select(".filters a")]
    assert "?theme=safe-sleep&year=2018" in links  # switching year keeps the theme
    assert "?year=2019" in links  # removing the theme keeps the year


@pytest.mark.parametrize(
    "params",
    [
        {"type": "nonsense"},
        {"year": "20x9"},
        {"year": "99999"},
        {"theme": "no-such-theme"},
        {"page": "abc"},
        {"page": "-4"},
        {"page": "999"},
        {"theme": "x" * 5000},
    ],
)
def test_bad_parameters_never_fail(client, index, reviews, params):
    response = client.get(index.url, params)
    assert response.status_code == 200


def test_unknown_theme_shows_no_reviews_and_a_way_back(client, index, reviews):
    response = client.get(index.url, {"theme": "no-such-theme"})
    assert listed(response) == []
    assert soup(response).find("a", string="Show all reviews")["href"] == "?"


@override_settings(SSCP_REVIEWS_PAGE_SIZE=2)
def test_paginates_and_keeps_filters(client, index, reviews):
    first = client.get(index.url)
    assert listed(first) == ["Child E", "Baby M"]
    next_link = soup(first).find("a", rel="next")["href"]
    assert listed(client.get(index.url + next_link)) == ["Jaiden"]
    assert listed(client.get(index.url, {"page": "999"})) == ["Jaiden"]  # past the end: the last page

    filtered = client.get(index.url, {"type": "serious_case_review", "page": "1"})
    assert soup(filtered).find("a", rel="next") is None


def test_theme_page_gathers_learning_across_reviews_newest_first(client, index, reviews):
    response = client.get(f"{index.url}themes/safe-sleep/")
    assert response.status_code == 200
    page = soup(response)
    assert page.find("h1").get_text() == "Safe sleep"
    assert [h.get_text() for h in page.select("section.learning-theme h2")] == [
        "Alcohol and Safe Sleep",
        "Sleep at the carer's",
    ]
    sources = [a["href"] for a in page.select(".learning-theme__source a")]
    assert sources == ["/serious-case-reviews/baby-m/", "/serious-case-reviews/jaiden/"]


def test_theme_index_lists_themes_with_review_counts(client, index, reviews):
    page = soup(client.get(f"{index.url}themes/"))
    items = [li.get_text(" ", strip=True) for li in page.select(".theme-list li")]
    assert items[0].startswith("Domestic abuse (0 reviews)")
    assert items[1].startswith("Neglect (2 reviews)")


def test_unknown_or_unpublished_theme_is_not_found(client, index, reviews, themes):
    assert client.get(f"{index.url}themes/nothing/").status_code == 404
    themes["neglect"].unpublish()
    assert client.get(f"{index.url}themes/neglect/").status_code == 404
    assert "Neglect" not in str(options(client.get(index.url), "Learning theme"))


def test_removing_a_theme_from_a_review_updates_filters_only_when_published(client, index, reviews, themes):
    baby_m = reviews[0]
    baby_m.learning = []
    revision = baby_m.save_revision()  # a draft: the live review still carries the theme
    assert listed(client.get(index.url, {"theme": "safe-sleep"})) == ["Baby M", "Jaiden"]
    revision.publish()
    assert listed(client.get(index.url, {"theme": "safe-sleep"})) == ["Jaiden"]


def test_theme_page_breadcrumbs_lead_back_to_the_reviews(client, index, reviews):
    crumbs = soup(client.get(f"{index.url}themes/safe-sleep/")).select("nav.breadcrumbs li")
    assert [li.get_text(strip=True) for li in crumbs] == ["Home", "Serious case reviews", "Safe sleep"]
    assert crumbs[1].find("a")["href"] == "/serious-case-reviews/"
    assert crumbs[-1]["aria-current"] == "page"
