"""StreamField blocks shared by every page type.

Each block renders with its own template under ``sscp_wagtail/blocks/`` and
keeps presentation logic in its StructValue, not in the template.
"""

from __future__ import annotations

from functools import cached_property

from django.utils.encoding import force_str
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .api.representations import contact_panel_data, document_data, image_data, page_link_data
from .files import document_description
from .i18n.links import in_reader_s_language
from .rich_text import RICH_TEXT_FEATURES


class FixedChoiceBlock(blocks.ChoiceBlock):
    """A ``ChoiceBlock`` whose choices are a fixed list in the code.

    Wagtail turns a stored value back into its choice by building the whole
    option list (with its translated blank option) for every value it reads;
    with fixed choices the stored text maps to the same key every time, so the
    map is built once per block.
    """

    @cached_property
    def _keys_by_text(self) -> dict:
        keys = {}
        for key, label in self.field.choices:
            for subkey, _label in label if isinstance(label, (list, tuple)) else [(key, label)]:
                keys.setdefault(force_str(subkey), subkey)
        return keys

    def normalize_choice(self, value):
        if value is None:
            return None
        return self._keys_by_text.get(force_str(value), value)


class DisplayChoiceBlock(FixedChoiceBlock):
    """A choice of how something is shown (a heading level, a style), never indexed for search.

    Wagtail's ``ChoiceBlock`` indexes the chosen option's label, so every page
    with a heading would match "section" and every callout "information".
    """

    def get_searchable_content(self, value):
        return []


class HeadingBlock(blocks.StructBlock):
    """A section heading. The page title is the only h1, so levels start at 2."""

    text = blocks.CharBlock(max_length=255, help_text="The heading as readers see it.")
    level = DisplayChoiceBlock(
        choices=[("h2", "Section (h2)"), ("h3", "Sub-section (h3)"), ("h4", "Minor heading (h4)")],
        default="h2",
        help_text="Use levels in order: an h3 belongs under an h2.",
    )

    class Meta:
        icon = "title"
        template = "sscp_wagtail/blocks/heading_block.html"
        description = "A heading that starts a new section of the page."
        preview_value = {"text": "What the review found", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "sscp_wagtail/blocks/paragraph_block.html"
        description = "Paragraphs, lists and links."
        preview_value = (
            "<p>Agencies did not share what they knew about the family’s move. Practitioners should:</p>"
            "<ul><li>check who else is involved</li><li>record what they shared, and when</li></ul>"
        )


class CalloutBlock(blocks.StructBlock):
    """An inset for text that must stand out: a warning or key information."""

    heading = blocks.CharBlock(required=False, max_length=255)
    text = ParagraphBlock()
    style = DisplayChoiceBlock(
        choices=[("inset", "Information"), ("warning", "Warning")],
        default="inset",
        help_text="Warnings are for safety messages only.",
    )

    class Meta:
        icon = "warning"
        template = "sscp_wagtail/blocks/callout_block.html"
        description = "Highlighted information or a warning, set apart from the text."
        preview_value = {
            "heading": "If a child is in immediate danger",
            "text": "<p>Call 999. Do not wait to gather more information.</p>",
            "style": "warning",
        }


class DocumentLinkStructValue(blocks.StructValue):
    def link_text(self) -> str:
        return self.get("title") or self["document"].title

    def description(self) -> str:
        return document_description(self["document"])


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document that tells readers its type and size before they download it."""

    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=255, help_text="Link text; leave blank to use the document's title."
    )

    class Meta:
        icon = "doc-full"
        template = "sscp_wagtail/blocks/document_link_block.html"
        value_class = DocumentLinkStructValue
        description = "A link to a document, shown with its file type and size."

    def get_api_representation(self, value, context=None):
        if value.get("document") is None:
            return None
        return document_data(value["document"], context, title=value.get("title") or "")


class ImageBlock(blocks.StructBlock):
    """An image whose alternative text is required: there is no decorative option here."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=255,
        help_text="Describe what the image shows for people who cannot see it.",
    )
    caption = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "image"
        template = "sscp_wagtail/blocks/image_block.html"
        description = "An image with alternative text and an optional caption."

    def get_api_representation(self, value, context=None):
        if value.get("image") is None:
            return None
        return image_data(value["image"], context, alt=value["alt_text"], caption=value.get("caption") or "")


class PageLinkStructValue(blocks.StructValue):
    @cached_property
    def target(self):
        """The chosen page, in the reader's language where it is translated."""
        return in_reader_s_language(self.get("page"))

    def link_text(self) -> str:
        return self.get("label") or self.target.title


class PageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock()
    label = blocks.CharBlock(required=False, max_length=255, help_text="Leave blank to use the page title.")

    class Meta:
        icon = "link"
        value_class = PageLinkStructValue
        description = "A link to a page on this site."

    def get_api_representation(self, value, context=None):
        return page_link_data(value.get("page"), context, title=value.get("label") or "")


class PageLinksBlock(blocks.StructBlock):
    """A list of links to other pages on the site."""

    heading = blocks.CharBlock(required=False, max_length=255, help_text="Shown as an h2 above the list.")
    links = blocks.ListBlock(PageLinkBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "sscp_wagtail/blocks/page_links_block.html"
        description = "A list of links to pages on this site."

    def get_api_representation(self, value, context=None):
        link_block = self.child_blocks["links"].child_block
        links = (link_block.get_api_representation(link, context) for link in value["links"])
        return {"heading": value["heading"], "links": [link for link in links if link is not None]}


class ContactPanelBlock(SnippetChooserBlock):
    """A contact panel placed in the body. The panel is a snippet so one set of
    numbers and hours serves every page that shows it; only its published
    version is ever rendered."""

    def __init__(self, **kwargs):
        super().__init__("sscp_wagtail.ContactPanel", **kwargs)

    def get_api_representation(self, value, context=None):
        # The panel's own endpoint carries its lines and serves ?at= for other moments.
        return contact_panel_data(value, context)

    def get_preview_value(self):
        """A published panel, so the block chooser shows a real one (none if nothing is published)."""
        return self.target_model.objects.filter(live=True).order_by("pk").first()

    class Meta:
        icon = "mobile-alt"
        template = "sscp_wagtail/blocks/contact_panel_block.html"
        description = "Who to call and when, with the number to call right now."


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    document = DocumentLinkBlock()
    image = ImageBlock()
    page_links = PageLinksBlock()
    contact_panel = ContactPanelBlock()
