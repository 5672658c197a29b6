"""Blocks that only case reviews use: the story, recommendations and the review's documents."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from sscp_wagtail.api.representations import document_data
from sscp_wagtail.blocks import (
    DisplayChoiceBlock,
    DocumentLinkStructValue,
    FixedChoiceBlock,
    ImageBlock,
    ParagraphBlock,
)
from sscp_wagtail.i18n.choices import ChoiceLabels
from sscp_wagtail.learning.blocks import LearningThemeBlock


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="The words quoted, without quotation marks.")
    attribution = blocks.CharBlock(required=False, max_length=255, help_text='Who said it, e.g. "Baby M’s mother".')

    class Meta:
        icon = "openquote"
        template = "reviews/blocks/quote_block.html"
        description = "A quotation from the child, a family member or a practitioner."
        preview_value = {
            "quote": "Nobody asked me what it was like at home.",
            "attribution": "A young person who took part in the review",
        }


class StoryStreamBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    image = ImageBlock()


class LearningStreamBlock(blocks.StreamBlock):
    learning_theme = LearningThemeBlock()


class RecommendationStructValue(blocks.StructValue):
    def status_label(self) -> str:
        return RecommendationBlock.STATUS_LABELS.get(self.get("status") or "")


class OptionalChoiceBlock(FixedChoiceBlock):
    """A choice that may be left blank, and then adds nothing to the search index.

    Wagtail's ``ChoiceBlock`` indexes a blank value as its placeholder label,
    "- Select an option -", which then matched searches and showed in excerpts.
    """

    def get_searchable_content(self, value):
        return super().get_searchable_content(value) if value else []


class RecommendationBlock(blocks.StructBlock):
    """One recommendation, who owns it, and how far it has got: the public can follow progress."""

    STATUSES = [("not_started", _("Not started")), ("in_progress", _("In progress")), ("complete", _("Complete"))]
    STATUS_LABELS = ChoiceLabels(STATUSES)

    text = blocks.TextBlock(help_text="The recommendation as the review worded it.")
    agency = blocks.CharBlock(required=False, max_length=255, help_text="The agency responsible for it.")
    status = OptionalChoiceBlock(
        choices=STATUSES,
        required=False,
        help_text="Leave blank until the partnership has published progress on it.",
    )
    status_date = blocks.DateBlock(required=False, help_text="When the status was last checked.")
    status_note = blocks.TextBlock(required=False, help_text="A sentence on what has been done.")

    class Meta:
        icon = "tick-inverse"
        value_class = RecommendationStructValue
        template = "reviews/blocks/recommendation_block.html"
        description = "One recommendation as the review worded it, who owns it and how far it has got."
        preview_value = {
            "text": "All agencies should give safe sleep advice at every contact with a new baby’s family.",
            "agency": "Health visiting service",
            "status": "in_progress",
            "status_note": "Advice is now part of every new-birth visit.",
        }

    def get_api_representation(self, value, context=None):
        return {
            "text": value["text"],
            "agency": value["agency"],
            "status": value["status"] or None,
            "status_label": value.status_label() or None,
            "status_date": value["status_date"].isoformat() if value["status_date"] else None,
            "status_note": value["status_note"],
        }


class RecommendationsStreamBlock(blocks.StreamBlock):
    recommendation = RecommendationBlock()


class ReviewDocumentBlock(blocks.StructBlock):
    """The review's own publications, each labelled with what it is."""

    KINDS = [
        ("full_report", _("Full report")),
        ("executive_summary", _("Executive summary")),
        ("briefing", _("7-minute briefing")),
        ("other", _("Other document")),
    ]
    KIND_LABELS = ChoiceLabels(KINDS)

    kind = DisplayChoiceBlock(choices=KINDS, default="full_report")
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, max_length=255, help_text="Link text; blank uses the document title.")

    class Meta:
        icon = "doc-full"
        value_class = DocumentLinkStructValue
        template = "sscp_wagtail/blocks/document_link_block.html"
        description = "One of the review's publications (full report, executive summary, briefing), labelled."

    def get_api_representation(self, value, context=None):
        if value.get("document") is None:
            return None
        kind_label = self.KIND_LABELS.get(value["kind"])
        return {
            "kind": value["kind"],
            "kind_label": kind_label,
            **document_data(value["document"], context, title=value.get("title") or ""),
        }


class ReviewDocumentsStreamBlock(blocks.StreamBlock):
    document = ReviewDocumentBlock()
