"""The index's counts come from a summary table: every number shown must still be what a click lists.

Each test changes the reviews one way an editor can (publish, unpublish, edit a
draft, delete, move, make private, translate) and then checks, through the pages
a reader sees, that the total and every filter option's count equal the number
of reviews that option lists.
"""

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale, PageViewRestriction

from reviews import counts
from reviews.factories import ReviewIndexPageFactory, learning_block
from reviews.models import ReviewCount, ReviewPage, ReviewType
from tests.conftest import soup

pytestmark = pytest.mark.django_db


def total(response) -> int:
    return int(re.search(r"\d+", soup(response).select_one(".review-list__count").get_text()).group())


def listed(response) -> list[str]:
    return [a.get_text() for a in soup(response).select(".review-card__title a")]


def option_links(response, *, selected=False) -> list[tuple[int, str]]:
    """(count shown, link) of every filter option on the page (or of the selected ones, which remove themselves)."""
    found = []
    for link in soup(response).select(".filters a"):
        shown = re.search(r"\((\d+)\)", link.get_text())
        if shown and link.has_attr("aria-current") == selected:
            found.append((int(shown.group(1)), link["href"]))
    return found


def truly_listed(index) -> int:
    """Counted the long way, from the page tree: live, public children of the index."""
    return ReviewPage.objects.child_of(index).live().public().count()


def assert_counts_match_the_list(client, index, params=None):
    """The total is the number of reviews, and each option's count is what following it lists."""
    response = client.get(index.url, params or {})
    assert response.status_code == 200
    if not params:
        assert total(response) == truly_listed(index)
    for count, link in option_links(response):
        followed = client.get(index.url + link)
        assert total(followed) == count, link
    for count, _link in option_links(response, selected=True):
        assert total(response) == count
    return response


@pytest.fixture
def reviews(make_review, themes):
    made = []
    for number in range(12):
        chosen = [themes["safe-sleep"]] if number % 2 else [themes["neglect"], themes["domestic-abuse"]]
        made.append(
            make_review(
                f"Child {number}",
                publication_date=dt.date(2015 + number % 4, 1 + number % 12, 1),
                review_type=[ReviewType.SERIOUS_CASE_REVIEW, ReviewType.RAPID_REVIEW][number % 3 == 0],
                learning=[(f"Learning {number}", chosen)],
            )
        )
    return made


def test_every_count_is_what_its_option_lists(client, index, reviews):
    response = assert_counts_match_the_list(client, index)
    assert total(response) == 12
    assert_counts_match_the_list(client, index, {"theme": "safe-sleep"})
    assert_counts_match_the_list(client, index, {"type": "rapid_review", "year": "2016"})
    assert_counts_match_the_list(client, index, {"theme": "neglect", "type": "serious_case_review", "year": "2015"})


def test_drafts_private_reviews_and_hidden_themes_are_never_counted(client, index, reviews, make_review, themes):
    make_review("Draft", publish=False, learning=[("Secret", [themes["safe-sleep"]])])
    private = make_review("Private", publication_date=dt.date(1999, 1, 1), learning=[("x", [themes["neglect"]])])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    themes["domestic-abuse"].live = False
    themes["domestic-abuse"].save()

    response = assert_counts_match_the_list(client, index)
    assert total(response) == 12
    assert "1999" not in response.content.decode()
    assert "Domestic abuse" not in response.content.decode()


def test_publishing_unpublishing_and_deleting_update_the_counts(client, index, reviews, make_review, themes):
    make_review("New one", publication_date=dt.date(2021, 5, 1), learning=[("New", [themes["neglect"]])])
    response = assert_counts_match_the_list(client, index)
    assert total(response) == 13
    assert "2021 (1)" in response.content.decode()

    reviews[0].unpublish()
    assert total(assert_counts_match_the_list(client, index)) == 12

    reviews[1].delete()
    assert total(assert_counts_match_the_list(client, index)) == 11


def test_a_draft_edit_counts_only_once_published(client, index, reviews, themes):
    review = ReviewPage.objects.get(pk=reviews[1].pk)
    review.review_type = ReviewType.NATIONAL_ANALYSIS
    review.publication_date = dt.date(2030, 1, 1)
    revision = review.save_revision()
    response = client.get(index.url)
    assert "National analysis" not in response.content.decode()
    assert "2030" not in response.content.decode()

    revision.publish()
    response = assert_counts_match_the_list(client, index)
    assert "National analysis (1)" in response.content.decode()
    assert "2030 (1)" in response.content.decode()


def test_republishing_with_other_themes_moves_the_theme_counts(client, index, reviews, themes):
    before = {link: count for count, link in option_links(client.get(index.url))}
    review = ReviewPage.objects.get(pk=reviews[1].pk)  # on safe sleep only
    review.learning = [learning_block("Now neglect", themes["neglect"])]
    review.save_revision().publish()

    after = {link: count for count, link in option_links(assert_counts_match_the_list(client, index))}
    assert after["?theme=safe-sleep"] == before["?theme=safe-sleep"] - 1
    assert after["?theme=neglect"] == before["?theme=neglect"] + 1


def test_moving_a_review_and_privacy_of_a_section_update_the_counts(client, index, reviews, make_review):
    other = ReviewIndexPageFactory(parent=index.get_parent(), slug="other-reviews")
    reviews[2].move(other, pos="last-child")
    assert total(assert_counts_match_the_list(client, index)) == 11
    assert total(assert_counts_match_the_list(client, other)) == 1

    restriction = PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    assert ReviewCount.objects.filter(index=index).count() == 0  # every review under it is private now
    restriction.delete()
    assert sum(ReviewCount.objects.filter(index=index, theme=None).values_list("reviews", flat=True)) == 11


def test_each_language_counts_its_own_reviews(client, index, reviews):
    french = Locale.objects.create(language_code="fr")
    home = index.get_parent()
    home.copy_for_translation(french)
    french_index = index.copy_for_translation(french)
    french_index.save_revision().publish()
    reviews[0].copy_for_translation(french).save_revision().publish()

    assert sum(ReviewCount.objects.filter(index=index, theme=None).values_list("reviews", flat=True)) == 12
    assert sum(ReviewCount.objects.filter(index=french_index, theme=None).values_list("reviews", flat=True)) == 1


def test_the_command_rebuilds_what_the_signals_keep(index, reviews):
    def rows():
        fields = ("index_id", "review_type", "year", "theme_id", "reviews")
        return sorted(map(str, ReviewCount.objects.values_list(*fields)))

    kept = rows()
    ReviewCount.objects.all().delete()
    call_command("rebuild_review_counts", stdout=io.StringIO())
    assert rows() == kept
    assert kept


def test_changes_in_bulk_are_counted_once_at_the_end(client, index, make_review):
    with counts.deferred():
        for number in range(5):
            make_review(f"Bulk {number}", publication_date=dt.date(2010 + number, 1, 1))
        assert not ReviewCount.objects.exists()  # nothing counted while the changes are made
    assert total(assert_counts_match_the_list(client, index)) == 5
