"""LearningThemeBlock: field-level errors editors can act on, and its own API shape."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Site
from wagtail.rich_text import RichText

from home.factories import DocumentFactory, StandardPageFactory
from sscp_wagtail.learning.blocks import LearningThemeBlock, ResourceLinkBlock
from sscp_wagtail.learning.factories import LearningThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def block():
    return LearningThemeBlock()


def value(block, **fields):
    data = {
        "heading": "Alcohol and Safe Sleep",
        "themes": [],
        "learning": RichText("<p>Give safe sleep advice at every contact.</p>"),
        "practice_points": [],
        "resources": [],
    }
    data.update(fields)
    return block.to_python(
        {
            **data,
            "themes": [t.pk for t in data["themes"]],
            "learning": data["learning"].source,
            "resources": [
                {**{"title": "", "page": None, "document": None, "external_url": ""}, **r} for r in data["resources"]
            ],
        }
    )


def errors(block, val) -> dict:
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(val)
    return caught.value.block_errors


def test_valid_block_cleans(block):
    theme = LearningThemeFactory(name="Safe sleep")
    cleaned = block.clean(value(block, themes=[theme], practice_points=["Ask where the baby sleeps."]))
    assert [t.name for t in cleaned["themes"]] == ["Safe sleep"]


def test_needs_at_least_one_theme(block):
    assert "themes" in errors(block, value(block, themes=[]))


def test_a_theme_chosen_twice_is_an_error_on_the_themes_field(block):
    theme = LearningThemeFactory()
    found = errors(block, value(block, themes=[theme, theme]))
    assert list(found) == ["themes"]
    assert "only once" in str(found["themes"].non_block_errors)


def test_heading_and_learning_are_required(block):
    theme = LearningThemeFactory()
    found = errors(block, value(block, themes=[theme], heading="", learning=RichText("")))
    assert set(found) == {"heading", "learning"}


@pytest.mark.parametrize(
    ("resource", "field", "message"),
    [
        ({}, "page", "Choose a page, a document or another website."),
        ({"external_url": "https://example.org/guide"}, "title", "link text"),
    ],
)
def test_resource_links_need_exactly_one_target(resource, field, message):
    resource_block = ResourceLinkBlock()
    raw = {"title": "", "page": None, "document": None, "external_url": "", **resource}
    with pytest.raises(StructBlockValidationError) as caught:
        resource_block.clean(resource_block.to_python(raw))
    assert field in caught.value.block_errors
    assert message in str(caught.value.block_errors[field])


def test_resource_with_two_targets_marks_both():
    document = DocumentFactory()
    home = Site.objects.get(is_default_site=True).root_page
    page = StandardPageFactory(parent=home, title="Guidance")
    resource_block = ResourceLinkBlock()
    with pytest.raises(StructBlockValidationError) as caught:
        resource_block.clean(
            resource_block.to_python({"title": "", "page": page.pk, "document": document.pk, "external_url": ""})
        )
    assert set(caught.value.block_errors) == {"page", "document"}


def test_api_representation_is_shaped_for_front_ends(block):
    theme = LearningThemeFactory(name="Safe sleep", slug="safe-sleep")
    document = DocumentFactory(title="7 minute briefing")
    home = Site.objects.get(is_default_site=True).root_page
    page = StandardPageFactory(parent=home, title="Guidance", slug="guidance")
    val = value(
        block,
        themes=[theme],
        learning=RichText(f'<p>See <a linktype="page" id="{page.pk}">the guidance</a>.</p>'),
        practice_points=["Ask where the baby sleeps."],
        resources=[{"document": document.pk}, {"page": page.pk, "title": "Read more"}],
    )
    data = block.get_api_representation(val)
    assert data["themes"] == [{"id": theme.pk, "name": "Safe sleep", "slug": "safe-sleep"}]
    assert data["learning"] == '<p>See <a href="/guidance/">the guidance</a>.</p>'
    assert data["practice_points"] == ["Ask where the baby sleeps."]
    assert data["resources"][0]["type"] == "document"
    assert data["resources"][0]["title"] == "7 minute briefing"
    assert data["resources"][0]["file"].startswith("PDF, ")
    assert data["resources"][1] == {"type": "page", "title": "Read more", "url": "/guidance/", "id": page.pk}


def test_unpublished_resource_page_is_left_out_of_the_page(block, client):
    theme = LearningThemeFactory()
    home = Site.objects.get(is_default_site=True).root_page
    draft = StandardPageFactory(parent=home, title="Draft guidance", live=False)
    html = block.render(value(block, themes=[theme], resources=[{"page": draft.pk}]))
    assert "Draft guidance" not in html
