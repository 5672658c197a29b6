"""Case reviews: the index that lists them, each review, and 7-minute briefings."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from sscp_wagtail.api.serializers import ChoiceLabelField, ContactPanelField, LiveThemesField, RelatedReviewsField
from sscp_wagtail.blocks import BodyStreamBlock
from sscp_wagtail.editor.panels import ContentChecksPanel, IdentifyingInformationPanel
from sscp_wagtail.i18n.fields import PAGE_SYNCHRONISED_FIELDS, synchronised
from sscp_wagtail.i18n.links import all_in_reader_s_language
from sscp_wagtail.learning.blocks import raw_theme_ids
from sscp_wagtail.learning.models import LearningTheme
from sscp_wagtail.rich_text import RICH_TEXT_FEATURES
from sscp_wagtail.routing import RoutedPageMixin, public
from sscp_wagtail.structured_data import json_ld

from . import counts
from .blocks import LearningStreamBlock, RecommendationsStreamBlock, ReviewDocumentsStreamBlock, StoryStreamBlock
from .listing import ReviewFilters, theme_learning


class ReviewType(models.TextChoices):
    SERIOUS_CASE_REVIEW = "serious_case_review", _("Serious Case Review")
    PRACTICE_REVIEW = "practice_review", _("Child Safeguarding Practice Review")
    RAPID_REVIEW = "rapid_review", _("Rapid Review")
    MULTI_AGENCY_REVIEW = "multi_agency_review", _("Multi-agency review")
    NATIONAL_ANALYSIS = "national_analysis", _("National analysis")


class ReviewIndexPage(RoutedPageMixin, RoutablePageMixin, Page):
    """ "Serious case reviews": the process, the list of reviews, and the theme pages."""

    introduction = RichTextField(features=RICH_TEXT_FEATURES, blank=True, help_text="What case reviews are and why.")
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        help_text="The review process and how to refer a case; shown above the list of reviews.",
    )
    contact_panel = models.ForeignKey(
        "sscp_wagtail.ContactPanel",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who to call about a child, shown beside the process: its numbers, hours and the number to "
        "call right now.",
    )
    listing_heading = models.CharField(
        max_length=255, default="Reviews", help_text="Heading above the list of reviews."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("contact_panel"),
        FieldPanel("listing_heading"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]
    api_fields = [
        APIField("introduction"),
        APIField("body"),
        APIField("contact_panel", serializer=ContactPanelField()),
        APIField("listing_heading"),
    ]
    api_prefetch_related = [
        "contact_panel__lines__periods",
        "contact_panel__closures",
        "contact_panel__special_openings",
    ]

    override_translatable_fields = PAGE_SYNCHRONISED_FIELDS

    parent_page_types = ["home.HomePage"]
    subpage_types = ["reviews.ReviewPage", "reviews.BriefingPage"]

    class Meta:
        verbose_name = "review index page"

    def live_reviews(self, request=None):
        """Published, public reviews under this index, newest first.

        Which pages qualify is asked of each review (``EXISTS``), not joined:
        SQLite then reads the reviews in date order from their index and stops
        at the end of the page, where a join made it read and sort every review.
        With the request, the view restrictions it has read are used again.
        """
        listed = public(Page.objects.child_of(self).live(), request).filter(pk=OuterRef("pk"))
        return ReviewPage.objects.filter(Exists(listed)).order_by("-publication_date", "-pk")

    @path("")
    def index_route(self, request):
        filters = ReviewFilters(request.GET, self, request=request, cache_as=("index", self.pk))
        paginator = Paginator(filters.results(), getattr(settings, "SSCP_REVIEWS_PAGE_SIZE", 10))
        paginator.count = filters.count()  # counted once per change with the content cache on
        reviews = paginator.get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={"filters": filters, "reviews": reviews, "paginator": paginator},
        )

    @path("themes/")
    def themes_route(self, request):
        themes = LearningTheme.objects.filter(live=True, locale_id=self.locale_id).order_by("name")
        counts = ReviewFilters({}, self).theme_counts()
        listed = [(theme, counts.get(theme.slug, 0)) for theme in themes]
        return self.render(
            request,
            template="reviews/theme_index.html",
            context_overrides={"themes": listed, "subpage_title": _("Learning themes")},
        )

    @path("themes/<slug:slug>/")
    def theme_route(self, request, slug):
        theme = get_object_or_404(LearningTheme, slug=slug, live=True, locale_id=self.locale_id)
        reviews = (
            self.live_reviews(request)
            .filter(Exists(ReviewPage.themes.through.objects.filter(reviewpage_id=OuterRef("pk"), learningtheme=theme)))
            .only("id", "title", "path", "depth", "url_path", "publication_date", "review_type", "learning")
        )
        # Paged by review, like the index: a theme may gather learning from thousands.
        paginator = Paginator(reviews, getattr(settings, "SSCP_REVIEWS_PAGE_SIZE", 10))
        paginator.count = ReviewFilters({}, self).theme_total(theme.pk)
        reviews = paginator.get_page(request.GET.get("page"))
        return self.render(
            request,
            template="reviews/theme_page.html",
            context_overrides={
                "theme": theme,
                "items": theme_learning(theme, reviews.object_list),
                "reviews": reviews,
                "paginator": paginator,
                "subpage_title": theme.name,
            },
        )

    def theme_url(self, slug: str) -> str:
        return self.url + self.reverse_subpage("theme_route", args=[slug])

    def themes_url(self) -> str:
        return self.url + self.reverse_subpage("themes_route")


class ReviewPage(RoutedPageMixin, Page):
    """One case review, structured so its learning can be found across reviews."""

    review_type = models.CharField(max_length=40, choices=ReviewType.choices)
    publication_date = models.DateField(default=dt.date.today, help_text="When the review was published.")
    incident_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
        help_text="The year of the incident that led to the review, if it can be published.",
    )
    reviewer = models.CharField(
        max_length=255, blank=True, help_text='Who carried it out, e.g. "an independent reviewer".'
    )
    commissioning_body = models.CharField(
        max_length=255, blank=True, help_text='Who commissioned it, e.g. "Stockport Safeguarding Children Board".'
    )
    summary = models.TextField(
        max_length=300,
        help_text="Two or three plain sentences for lists, search results and other websites. "
        "Never a child's real name.",
    )
    how_reviewed = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, verbose_name="How did we review?", help_text="How the review was done."
    )
    story = StreamField(StoryStreamBlock(), blank=True, verbose_name="The child's story")
    learning = StreamField(LearningStreamBlock(), blank=True, verbose_name="Learning themes")
    recommendations = StreamField(RecommendationsStreamBlock(), blank=True)
    documents = StreamField(ReviewDocumentsStreamBlock(), blank=True)
    # Which themes the learning blocks carry, kept in step on every save so
    # filters and theme pages need one indexed query, not a scan of every review.
    themes = ParentalManyToManyField(LearningTheme, blank=True, related_name="reviews", editable=False)

    content_panels = [
        IdentifyingInformationPanel(
            fields=["title", "summary", "how_reviewed", "story", "learning", "recommendations", "search_description"],
            allowed_fields=["reviewer", "commissioning_body"],
        ),
        ContentChecksPanel(
            fields=["how_reviewed", "story", "learning", "recommendations", "documents"],
            summary_field="summary",
            sectioned=True,  # the review template gives each of these its own h2
        ),
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel(
                    "review_type",
                    help_text="The kind of review, shown as a label on the page, in lists and in search results.",
                ),
                FieldPanel("publication_date"),
                FieldPanel("incident_year"),
                FieldPanel("reviewer"),
                FieldPanel("commissioning_body"),
            ],
            heading="About the review",
        ),
        FieldPanel("summary"),
        FieldPanel("how_reviewed"),
        FieldPanel(
            "story",
            help_text="What happened, in the order it happened, without anything that could identify the child "
            "or family. Shown under “The child's story”.",
        ),
    ]
    learning_panels = [
        FieldPanel(
            "learning",
            help_text="One block per piece of learning, each tagged with its themes: the themes decide which theme "
            "pages and filters list this review.",
        )
    ]
    recommendation_panels = [
        FieldPanel(
            "recommendations",
            help_text="Each recommendation as the review worded it, with who owns it and how far it has got; "
            "the public can follow progress on the page.",
        )
    ]
    document_panels = [
        FieldPanel(
            "documents",
            help_text="The review's own publications (full report, executive summary, briefing), each labelled; "
            "readers see the file type and size.",
        ),
        InlinePanel("related_reviews", label="Related reviews"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(learning_panels, heading="Learning"),
            ObjectList(recommendation_panels, heading="Recommendations"),
            ObjectList(document_panels, heading="Documents"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("how_reviewed"),
        index.SearchField("story"),
        index.SearchField("learning", boost=1.5),
        index.SearchField("recommendations"),
        index.SearchField("get_review_type_display"),
        index.RelatedFields("themes", [index.SearchField("name", boost=3)]),
        index.FilterField("review_type"),
        index.FilterField("publication_date"),
    ]
    api_fields = [
        APIField("review_type"),
        APIField("review_type_label", serializer=ChoiceLabelField(choice_field="review_type")),
        APIField("publication_date"),
        APIField("incident_year"),
        APIField("reviewer"),
        APIField("commissioning_body"),
        APIField("summary"),
        APIField("how_reviewed"),
        APIField("story"),
        APIField("learning"),
        APIField("themes", serializer=LiveThemesField()),
        APIField("recommendations"),
        APIField("documents"),
        APIField("related_reviews", serializer=RelatedReviewsField()),
    ]
    # What the API loads with a batch of reviews, so a listing costs the same for 3 or 20.
    api_prefetch_related = ["themes", "related_reviews__review"]
    # Nothing in a review's API representation changes with the clock (it has no
    # contact panel), so it may be kept until the next publish (sscp_wagtail/api/representation_cache.py).
    api_representation_cacheable = True

    # The review's facts and its published documents are the same in every
    # language: the reports themselves are not translated.
    override_translatable_fields = synchronised("review_type", "publication_date", "incident_year", "documents")

    parent_page_types = ["reviews.ReviewIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "review page"
        indexes = [models.Index(fields=["publication_date"])]

    # What a review index lists and counts of a review (reviews/counts.py).
    LISTED_FIELDS = frozenset({"live", "review_type", "publication_date", "learning", "path", "depth"})

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "learning" in update_fields:
            # Instances, not ids: modelcluster's deferred manager commits only instances.
            self.themes = list(LearningTheme.objects.filter(pk__in=self.learning_theme_ids()))
        result = super().save(*args, **kwargs)
        # After the save, so the themes just committed are counted.
        if update_fields is None or self.LISTED_FIELDS.intersection(update_fields):
            counts.rebuild_for_path(self.path[: -self.steplen])
        return result

    def learning_theme_ids(self) -> list[int]:
        """Theme ids in the learning blocks, read from the raw data: no snippet queries."""
        ids: list[int] = []
        for block in self.learning.raw_data:
            ids.extend(theme_id for theme_id in raw_theme_ids(block.get("value")) if theme_id not in ids)
        return ids

    def get_context(self, request, *args, **kwargs):
        # Lazy: with the review's content cached ({% contentcache %}) none of these is needed.
        context = super().get_context(request, *args, **kwargs)
        context["themes_url"] = SimpleLazyObject(lambda: self.themes_url(request))
        context["related"] = SimpleLazyObject(lambda: self.live_related_reviews(request))
        context["json_ld"] = SimpleLazyObject(lambda: json_ld(self.structured_data(request)))
        return context

    def themes_url(self, request=None) -> str:
        """The theme pages' address under this review's index, or "" when its parent is not an index.

        From the parent's tree row (which routing has read already): its address
        and type are enough, its own fields are not needed."""
        parent = self.get_parent()
        if parent is None or not issubclass(parent.specific_class or Page, ReviewIndexPage):
            return ""
        url = parent.get_url(request)
        return url + ReviewIndexPage.get_resolver().reverse("themes_route") if url else ""

    def learning_themes(self) -> list[LearningTheme]:
        """The themes of the learning blocks, from the blocks already loaded for rendering."""
        themes: dict[int, LearningTheme] = {}
        for block in self.learning:
            for theme in block.value["themes"]:
                if theme is not None and theme.live:
                    themes.setdefault(theme.pk, theme)
        return list(themes.values())

    def live_related_reviews(self, request=None):
        ids = [link.review_id for link in self.related_reviews.all() if link.review_id]
        if not ids:
            return []  # without reading the view restrictions for public()
        found = {page.pk: page for page in public(ReviewPage.objects.filter(pk__in=ids).live(), request)}
        return [found[pk] for pk in ids if pk in found]

    def structured_data(self, request=None) -> dict:
        site = Site.find_for_request(request) if request is not None else self.get_site()
        publisher = {"@type": "Organization", "name": (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME}
        data = {
            "@context": "https://schema.org",
            "@type": "Report",
            "headline": self.title,
            "name": f"{self.get_review_type_display()}: {self.title}",
            "description": self.summary,
            "datePublished": self.publication_date.isoformat(),
            "inLanguage": self.locale.language_code,
            "url": self.get_full_url(request),
            "publisher": publisher,
            "author": {"@type": "Person", "name": self.reviewer} if self.reviewer else publisher,
            "about": [{"@type": "Thing", "name": theme.name} for theme in self.learning_themes()],
        }
        if self.last_published_at:
            data["dateModified"] = timezone.localtime(self.last_published_at).date().isoformat()
        return data


class ReviewCount(models.Model):
    """How many published, public reviews of an index have a type, a year and (or any) theme.

    A summary kept in step with the reviews by ``reviews/counts.py``, so the
    index's filter counts and total cost the same at 100 reviews as at 10,000.
    Plain ids without database constraints: the rows of a deleted index or
    theme are removed with it by the same code, never by the database.
    """

    index = models.ForeignKey(ReviewIndexPage, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    review_type = models.CharField(max_length=40)
    year = models.PositiveSmallIntegerField()
    # Empty: every review of this type and year, whatever its themes.
    theme = models.ForeignKey(
        LearningTheme, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    reviews = models.PositiveIntegerField()

    def __str__(self):
        return f"{self.review_type} {self.year} theme {self.theme_id}: {self.reviews}"


class RelatedReview(Orderable):
    page = ParentalKey(ReviewPage, on_delete=models.CASCADE, related_name="related_reviews")
    review = models.ForeignKey(ReviewPage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("review", help_text="Another review with related learning, listed at the end of the page.")]

    class Meta(Orderable.Meta):
        verbose_name = "related review"


class BriefingPage(RoutedPageMixin, Page):
    """A 7-minute briefing: the seven standard sections, printable on one or two A4 pages."""

    SECTIONS = [
        ("background", _("Background")),
        ("why_it_matters", _("Why it matters")),
        ("information", _("Information")),
        ("what_to_do", _("What to do")),
        ("questions", _("Questions for reflection")),
        ("what_should_happen", _("What should happen")),
        ("further_resources", _("Further resources")),
    ]

    # Shown under each section's box in the editor: what practitioners expect to find there.
    SECTION_HELP = [
        "Section 1: the case or issue in a few sentences, without identifying anyone.",
        "Section 2: why this matters to practitioners, with any figures that show the risk.",
        "Section 3: the facts and research practitioners need.",
        "Section 4: what practitioners should do, as short, practical points.",
        "Section 5: questions for a team meeting or supervision.",
        "Section 6: what families and children should be able to expect.",
        "Section 7: links to guidance, training and the full review.",
    ]

    background = RichTextField(features=RICH_TEXT_FEATURES)
    why_it_matters = RichTextField(features=RICH_TEXT_FEATURES)
    information = RichTextField(features=RICH_TEXT_FEATURES)
    what_to_do = RichTextField(features=RICH_TEXT_FEATURES)
    questions = RichTextField(features=RICH_TEXT_FEATURES, verbose_name="Questions for reflection")
    what_should_happen = RichTextField(features=RICH_TEXT_FEATURES)
    further_resources = RichTextField(features=RICH_TEXT_FEATURES)
    briefing_themes = ParentalManyToManyField(
        LearningTheme,
        blank=True,
        related_name="briefings",
        verbose_name="themes",
        help_text="The learning themes this briefing belongs to.",
    )

    content_panels = [
        *Page.content_panels,
        *[FieldPanel(name, help_text=text) for (name, _heading), text in zip(SECTIONS, SECTION_HELP, strict=True)],
        FieldPanel("briefing_themes"),
    ]
    search_fields = [
        *Page.search_fields,
        *[index.SearchField(name) for name, _ in SECTIONS],
        index.SearchField("search_description"),
        index.RelatedFields("briefing_themes", [index.SearchField("name", boost=3)]),
    ]
    api_fields = [
        *[APIField(name) for name, _ in SECTIONS],
        APIField("briefing_themes", serializer=LiveThemesField()),
    ]
    api_prefetch_related = ["briefing_themes"]

    # wagtail-localize leaves many-to-many fields out unless named: a translated
    # briefing keeps the source's themes (shown in the reader's language).
    override_translatable_fields = synchronised("briefing_themes")

    parent_page_types = ["reviews.ReviewIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "7-minute briefing"

    def themes_for_reader(self) -> list[LearningTheme]:
        """The briefing's themes, each in the reader's language where it is translated.

        The chosen themes are synchronised into every translation of the briefing."""
        return all_in_reader_s_language(self.briefing_themes.all())

    def sections(self):
        """(number, heading, rich text) for the seven sections, in order."""
        return [(number, heading, getattr(self, name)) for number, (name, heading) in enumerate(self.SECTIONS, 1)]
