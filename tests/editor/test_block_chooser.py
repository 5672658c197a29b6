"""The block chooser explains each block: an icon, a description and, where a block can show one, a preview."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail import blocks

from home.models import HomePage, StandardPage
from reviews.models import ReviewIndexPage, ReviewPage
from sscp_wagtail.blocks import BodyStreamBlock, CalloutBlock, ContactPanelBlock, HeadingBlock, ParagraphBlock
from tests.conftest import soup
from tests.workflows.helpers import make_user

STREAMS = {
    "StandardPage.body": StandardPage._meta.get_field("body").stream_block,
    "ReviewIndexPage.body": ReviewIndexPage._meta.get_field("body").stream_block,
    "HomePage.featured": HomePage._meta.get_field("featured").stream_block,
    **{
        f"ReviewPage.{name}": ReviewPage._meta.get_field(name).stream_block
        for name in ["story", "learning", "recommendations", "documents"]
    },
}
# Blocks whose preview needs no chosen image, document or page.
PREVIEWED = {"heading", "paragraph", "callout", "quote", "recommendation", "contact_panel"}


def choices():
    for stream, stream_block in STREAMS.items():
        for name, block in stream_block.child_blocks.items():
            yield f"{stream}.{name}", name, block


@pytest.mark.parametrize(("where", "name", "block"), list(choices()), ids=[where for where, *_ in choices()])
def test_every_block_in_the_chooser_has_an_icon_and_a_description(where, name, block):
    assert block.meta.icon != "placeholder", where
    assert len(block.get_description()) > 20, where
    if name in PREVIEWED:
        assert block.is_previewable, where


def test_nested_links_say_what_they_are_too():
    for block in [BodyStreamBlock().child_blocks["page_links"].child_blocks["links"].child_block]:
        assert isinstance(block, blocks.StructBlock)
        assert block.get_description()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (HeadingBlock(), ["<h2", "What the review found"]),
        (ParagraphBlock(), ["<li>check who else is involved</li>"]),
        (CalloutBlock(), ["callout--warning", "If a child is in immediate danger"]),
    ],
    ids=["heading", "paragraph", "callout"],
)
def test_the_preview_shows_the_block_in_the_site_s_style(client, block, expected):
    client.force_login(make_user("editor", "Editors"))
    response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    html = response.content.decode()
    assert "sscp_wagtail/css/site.css" in html
    for text in expected:
        assert text in html


@pytest.mark.django_db
def test_the_contact_panel_block_previews_a_published_panel(demo, client):
    client.force_login(make_user("editor", "Editors"))
    block = ContactPanelBlock()
    response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    assert soup(response).select_one("[data-contact-panel] h2").get_text(strip=True) == "Child abuse or neglect"
