import pytest
from wagtail.models import Site

from home.factories import DocumentFactory
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
    """A review under the index with realistic content: learning with a page
    link and a document, a rich-text link, a recommendation and a document."""

    def make(title="Child A", *, learning=(), publish=True, parent=None, **fields):
        review = ReviewPageFactory(parent=parent or index, title=title, live=publish, **fields)
        document = DocumentFactory(title=f"{title} report")
        review.how_reviewed = f'<p>See <a linktype="page" id="{index.pk}">the index</a>.</p>'
        review.learning = [
            learning_block(
                heading,
                *chosen,
                learning=f'<p>Read <a linktype="document" id="{document.pk}">the report</a>.</p>',
                resources=[{"title": "", "page": index.pk, "document": None, "external_url": ""}],
            )
            for heading, chosen in learning
        ]
        review.recommendations = [
            {"type": "recommendation", "value": {"text": "Share information.", "status": "in_progress"}}
        ]
        review.documents = [{"type": "document", "value": {"kind": "full_report", "document": document.pk}}]
        revision = review.save_revision()
        if publish:
            revision.publish()
        review.refresh_from_db()
        return review

    return make


def items(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["items"]


def titles(response) -> list[str]:
    return [item["title"] for item in items(response)]
