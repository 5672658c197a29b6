import pytest
from wagtail.models import Site

from reviews.factories import ReviewIndexPageFactory, ReviewPageFactory, learning_block
from sscp_wagtail.learning.factories import LearningThemeFactory


@pytest.fixture
def index(db):
    home = Site.objects.get(is_default_site=True).root_page
    return ReviewIndexPageFactory(parent=home, slug="serious-case-reviews")


@pytest.fixture
def themes(db):
    return {
        slug: LearningThemeFactory(name=name, slug=slug)
        for slug, name in [("safe-sleep", "Safe sleep"), ("neglect", "Neglect"), ("domestic-abuse", "Domestic abuse")]
    }


@pytest.fixture
def make_review(index):
    """A published review under the index; learning blocks given as (heading, [themes])."""

    def make(title="Child A", *, learning=(), publish=True, parent=None, **fields):
        review = ReviewPageFactory(parent=parent or index, title=title, live=publish, **fields)
        review.learning = [learning_block(heading, *chosen) for heading, chosen in learning]
        revision = review.save_revision()
        if publish:
            revision.publish()
        review.refresh_from_db()
        return review

    return make
