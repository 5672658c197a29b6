"""``LearningThemeBlock``: one piece of learning, tagged with themes, usable on any page."""

from __future__ import annotations

from functools import cached_property

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.rich_text import expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock

from sscp_wagtail.api.representations import absolute_url
from sscp_wagtail.files import document_description, document_size
from sscp_wagtail.i18n.links import in_reader_s_language
from sscp_wagtail.rich_text import RICH_TEXT_FEATURES


class ResourceLinkStructValue(blocks.StructValue):
    @cached_property
    def target(self):
        """The chosen page, in the reader's language where it is translated."""
        return in_reader_s_language(self.get("page"))

    def url(self) -> str:
        if self.target:
            # An unpublished page has no public address: the link is left out.
            return (self.target.url or "") if self.target.live else ""
        if self.get("document"):
            return self["document"].url
        return self.get("external_url") or ""

    def text(self) -> str:
        target = self.target or self.get("document")
        return self.get("title") or (target.title if target else self.get("external_url", ""))

    def description(self) -> str:
        return document_description(self["document"]) if self.get("document") else ""


class ResourceLinkBlock(blocks.StructBlock):
    """A link to a page, a document or another website: exactly one of the three."""

    title = blocks.CharBlock(
        required=False, max_length=255, help_text="Link text; blank uses the page or document title."
    )
    page = blocks.PageChooserBlock(required=False)
    document = DocumentChooserBlock(required=False)
    external_url = blocks.URLBlock(required=False, label="Other website")

    class Meta:
        icon = "link"
        value_class = ResourceLinkStructValue
        description = "A link to a page, a document or another website."

    def clean(self, value):
        value = super().clean(value)
        targets = [name for name in ("page", "document", "external_url") if value.get(name)]
        if len(targets) == 1:
            if targets == ["external_url"] and not value.get("title"):
                raise StructBlockValidationError(
                    block_errors={"title": ValidationError("Give a link to another website some link text.")}
                )
            return value
        message = (
            "Choose a page, a document or another website."
            if not targets
            else "Choose only one of a page, a document or another website."
        )
        raise StructBlockValidationError(block_errors={name: ValidationError(message) for name in targets or ["page"]})

    def get_api_representation(self, value, context=None):
        kind = next((name for name in ("page", "document", "external_url") if value.get(name)), None)
        if kind == "page" and not value["page"].live:
            return None  # as on the page: a draft's title and address stay in the admin
        data = {"type": kind, "title": value.text(), "url": value.url()}
        if kind == "page":
            data["id"] = value["page"].pk
        elif kind == "document":
            document = value["document"]
            size = document_size(document)
            data.update(
                url=absolute_url(document.url, context),
                id=document.pk,
                file=document_description(document),
                file_type=(document.file_extension or "").upper(),
                file_size=size,
            )
        return data


class LearningThemeBlock(blocks.StructBlock):
    """What a review taught, under one heading, tagged with the themes it belongs to.

    The themes make the learning findable across reviews: each theme's page
    gathers every block tagged with it.
    """

    heading = blocks.CharBlock(max_length=255, help_text='What the learning is about, e.g. "Alcohol and Safe Sleep".')
    themes = blocks.ListBlock(
        SnippetChooserBlock("sscp_learning.LearningTheme"),
        min_num=1,
        help_text="The themes this learning belongs to; its theme pages will list it.",
    )
    learning = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, help_text="What the review found.")
    practice_points = blocks.ListBlock(
        blocks.CharBlock(max_length=500),
        min_num=0,
        default=[],
        label="What this means for practitioners",
        help_text="Optional: short points for practitioners, one per item.",
    )
    resources = blocks.ListBlock(ResourceLinkBlock(), min_num=0, default=[], help_text="Briefings, guidance, tools.")

    class Meta:
        icon = "openquote"
        template = "sscp_learning/blocks/learning_theme_block.html"
        description = "Learning from a review, tagged with themes so it can be found across reviews."
        label = "Learning theme"

    def clean(self, value):
        errors = {}
        try:
            value = super().clean(value)
        except StructBlockValidationError as error:
            errors = dict(error.block_errors)
        themes = [theme for theme in value.get("themes") or [] if theme is not None]
        ids = [theme.pk for theme in themes]
        if "themes" not in errors and len(ids) != len(set(ids)):
            errors["themes"] = ListBlockValidationError(non_block_errors=["Each theme can be chosen only once."])
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_api_representation(self, value, context=None):
        return {
            "heading": value["heading"],
            # Only published themes: a theme's draft name must not reach the public.
            "themes": [
                {"id": t.pk, "name": t.name, "slug": t.slug} for t in value["themes"] if t is not None and t.live
            ],
            "learning": expand_db_html(value["learning"].source),
            "practice_points": list(value["practice_points"]),
            "resources": [
                resource
                for resource in (
                    self.child_blocks["resources"].child_block.get_api_representation(r, context)
                    for r in value["resources"]
                )
                if resource is not None
            ],
        }


def raw_theme_ids(block_value: dict) -> list[int]:
    """Theme ids in a LearningThemeBlock's stored JSON, without loading the snippets.

    ListBlock items are stored as ``{"type": "item", "value": id, "id": uuid}``;
    older data may hold bare ids.
    """
    ids = []
    for item in (block_value or {}).get("themes") or []:
        theme_id = item.get("value") if isinstance(item, dict) else item
        if theme_id and theme_id not in ids:
            ids.append(theme_id)
    return ids
