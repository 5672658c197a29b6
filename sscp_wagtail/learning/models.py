"""The learning-theme taxonomy, managed by editors as a translatable snippet."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from sscp_wagtail.api.serializers import LocaleCodeField, ThemeReviewsField


class LearningTheme(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A theme such as "Safe sleep" that learning from many reviews shares.

    Themes go through the same drafts, revisions and sign-off as pages: a theme's
    name and description appear on public pages.
    """

    name = models.CharField(max_length=100, help_text='As readers see it, e.g. "Safe sleep".')
    slug = models.SlugField(
        max_length=100,
        help_text="The theme's web address, e.g. safe-sleep gives /serious-case-reviews/themes/safe-sleep/.",
    )
    description = models.TextField(
        max_length=300, blank=True, help_text="One or two sentences shown on the theme's page and in lists."
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="learningtheme")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="learningtheme",
        for_concrete_model=False,
    )

    panels = [FieldPanel("name"), FieldPanel("description")]
    promote_panels = [FieldPanel("slug")]
    edit_handler = TabbedInterface(
        [ObjectList(panels, heading="Content"), ObjectList(promote_panels, heading="Promote")]
    )
    search_fields = [index.SearchField("name", boost=3), index.SearchField("description"), index.FilterField("live")]
    api_fields = [
        APIField("name"),
        APIField("slug"),
        APIField("description"),
        APIField("reviews", serializer=ThemeReviewsField()),
    ]
    api_meta_fields = [APIField("locale", serializer=LocaleCodeField())]

    # Theme pages keep one address in every language.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "learning theme"
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_learning_theme_slug_per_locale")]

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "sscp_learning/learning_theme_preview.html"
