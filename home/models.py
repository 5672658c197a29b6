"""The home page and the general-purpose standard page."""

from __future__ import annotations

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from sscp_wagtail.api.serializers import ContactPanelField
from sscp_wagtail.blocks import BodyStreamBlock, PageLinkBlock
from sscp_wagtail.editor.panels import ContentChecksPanel
from sscp_wagtail.i18n.fields import PAGE_SYNCHRONISED_FIELDS
from sscp_wagtail.rich_text import RICH_TEXT_FEATURES
from sscp_wagtail.routing import RoutedPageMixin, TreeRouteMixin


class FeaturedPageBlock(PageLinkBlock):
    summary = blocks.TextBlock(
        required=False,
        max_length=300,
        help_text="One or two sentences; leave blank to use the page's search description.",
    )

    class Meta:
        icon = "pick"
        description = "A page to feature on the home page, with a short summary."

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        if data is not None:
            data["summary"] = value.get("summary") or value["page"].search_description
        return data


class HomePage(TreeRouteMixin, RoutedPageMixin, Page):
    """The site's front page: what the partnership does and who to call."""

    introduction = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="The opening paragraph under the site's title."
    )
    contact_panel = models.ForeignKey(
        "sscp_wagtail.ContactPanel",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The 'who to call' panel: its numbers, hours and which number to call right now.",
    )
    featured = StreamField(
        [("page", FeaturedPageBlock())],
        blank=True,
        help_text="Pages to feature, in the order they should appear.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("contact_panel", heading="Who to call panel"),
        FieldPanel("featured"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    api_fields = [
        APIField("introduction"),
        APIField("contact_panel", serializer=ContactPanelField()),
        APIField("featured"),
    ]
    api_prefetch_related = [
        "contact_panel__lines__periods",
        "contact_panel__closures",
        "contact_panel__special_openings",
    ]

    override_translatable_fields = PAGE_SYNCHRONISED_FIELDS

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage", "reviews.ReviewIndexPage", "sscp_referrals.ReferralFormPage"]

    class Meta:
        verbose_name = "home page"


class StandardPage(RoutedPageMixin, Page):
    """Any page of text: process descriptions, guidance, referral instructions."""

    introduction = models.TextField(
        blank=True,
        max_length=500,
        help_text="A sentence or two shown under the title and in lists of pages. Plain text.",
    )
    body = StreamField(BodyStreamBlock(), blank=True)

    content_panels = [
        ContentChecksPanel(fields=["body"]),
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel(
            "body",
            help_text="The page's content: headings (h2 to h4), text, callouts, documents, images and links, "
            "in the order readers see them.",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]
    api_fields = [APIField("introduction"), APIField("body")]

    override_translatable_fields = PAGE_SYNCHRONISED_FIELDS

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "sscp_referrals.ReferralFormPage"]

    class Meta:
        verbose_name = "standard page"
