"""Rich text everywhere editors type: h2 to h4, bold, italic, lists, links, document links. Nothing else."""

from __future__ import annotations

import json
import re

import pytest
from django.apps import apps
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.test.utils.form_data import streamfield

from sscp_wagtail.rich_text import RICH_TEXT_FEATURES
from tests.conftest import page_at
from tests.workflows.helpers import edit_url, review_form

PROJECT_APPS = {"home", "reviews", "sscp_wagtail", "sscp_learning", "sscp_referrals", "sscp_workflows", "sscp_editor"}


def every_block(block, path):
    yield path, block
    for name, child in getattr(block, "child_blocks", {}).items():
        yield from every_block(child, f"{path}.{name}")
    if isinstance(block, blocks.ListBlock):
        yield from every_block(block.child_block, f"{path}.item")


def where_editors_type():
    """(where, rich text field or block, or a raw HTML block) across the project's models."""
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.get_fields():
            where = f"{model.__name__}.{field.name}"
            if isinstance(field, RichTextField):
                yield where, field
            elif isinstance(field, StreamField):
                for path, block in every_block(field.stream_block, where):
                    if isinstance(block, blocks.RichTextBlock | blocks.RawHTMLBlock):
                        yield path, block


def test_every_rich_text_allows_only_the_public_sector_features():
    found = list(where_editors_type())
    assert len(found) > 15  # the walk really reaches the blocks
    wrong = {where: thing.features for where, thing in found if list(thing.features or []) != RICH_TEXT_FEATURES}
    assert wrong == {}


def test_there_is_no_raw_html_block_anywhere():
    assert [where for where, thing in where_editors_type() if isinstance(thing, blocks.RawHTMLBlock)] == []


def contentstate(*blocks_: tuple[str, str]) -> str:
    """Draftail's posted value: (block type, text) pairs, as a browser (or a hand-made request) sends them."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": f"k{n}",
                    "type": kind,
                    "text": text,
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                    "data": {},
                }
                for n, (kind, text) in enumerate(blocks_)
            ],
            "entityMap": {},
        }
    )


HOSTILE = contentstate(
    ("header-one", "A second page title"),
    ("header-two", "What happened"),
    ("unstyled", "<script>alert('x')</script> and <b>raw</b> tags"),
    ("code-block", "console.log(1)"),
)


@pytest.mark.django_db
def test_an_h1_or_a_script_posted_through_the_edit_form_is_not_stored(demo, admin_client):
    baby_m = page_at("/serious-case-reviews/baby-m/")
    response = admin_client.post(
        edit_url(baby_m),
        review_form(
            title=baby_m.title,
            slug=baby_m.slug,
            how_reviewed=HOSTILE,
            story=streamfield([("paragraph", HOSTILE)]),
        ),
    )
    assert response.status_code == 302
    draft = page_at("/serious-case-reviews/baby-m/").get_latest_revision_as_object()
    stored = [str(draft.how_reviewed), draft.story[0].value.source]
    for html in stored:
        assert "<h1" not in html
        assert "<script" not in html
        assert "<b>" not in html
        assert "<pre" not in html and "<code" not in html
        assert "<h2" in html  # the allowed heading survives
        assert "&lt;script&gt;" in html  # typed text is kept as text, never as markup


@pytest.mark.django_db
def test_html_posted_instead_of_the_editor_s_data_keeps_the_words_and_drops_the_markup(demo, admin_client):
    baby_m = page_at("/serious-case-reviews/baby-m/")
    response = admin_client.post(
        edit_url(baby_m),
        review_form(
            title=baby_m.title,
            slug=baby_m.slug,
            how_reviewed="<h1>Title</h1><h2>Method</h2><p>Interviews <b>and</b> files.</p><script>alert(1)</script>",
        ),
    )
    assert response.status_code == 302  # saved, not a server error
    stored = str(page_at("/serious-case-reviews/baby-m/").get_latest_revision_as_object().how_reviewed)
    stored = re.sub(r' data-block-key="\w+"', "", stored)
    # The h1's words become a paragraph; the script is gone, its text is harmless words.
    assert stored == "<p>Title</p><h2>Method</h2><p>Interviews <b>and</b> files.</p><p>alert(1)</p>"
