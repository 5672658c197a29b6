"""The search page's filters: page type, review type, learning theme and year.

Plain GET parameters (``?kind=&type=&theme=&year=``) that combine; unknown
values are ignored rather than refused, so an old or mistyped link still shows
a page. Each filter becomes an ORM condition on ``Page``, so the same filters
narrow the results and count the options of the other filters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db.models import DateField, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce, TruncDate
from django.http import QueryDict
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from reviews.models import BriefingPage, ReviewPage, ReviewType
from sscp_wagtail.learning.models import LearningTheme

KIND_LABELS = {"review": _("Case reviews"), "briefing": _("7-minute briefings"), "page": _("Other pages")}
_YEAR = re.compile(r"^(19|20)\d\d$")

# The date a result shows and the year filter uses: a review's publication date,
# otherwise the day the page was first published (in the site's time zone).
PUBLISHED = Coalesce("reviewpage__publication_date", TruncDate("first_published_at"), output_field=DateField())

ReviewThemeLink = ReviewPage.themes.through
BriefingThemeLink = BriefingPage.briefing_themes.through


def kind_content_types() -> dict[str, int]:
    """Content type ids of the page types that have their own kind (cached by Django)."""
    types = ContentType.objects.get_for_models(ReviewPage, BriefingPage)
    return {"review": types[ReviewPage].pk, "briefing": types[BriefingPage].pk}


def kind_of(content_type_id: int, kinds: dict[str, int]) -> str:
    return next((kind for kind, pk in kinds.items() if pk == content_type_id), "page")


def with_theme_q(theme_ids: list[int]) -> Q:
    """Pages whose learning (reviews) or themes (briefings) include any of ``theme_ids``."""
    return Q(Exists(ReviewThemeLink.objects.filter(reviewpage_id=OuterRef("pk"), learningtheme_id__in=theme_ids))) | Q(
        Exists(BriefingThemeLink.objects.filter(briefingpage_id=OuterRef("pk"), learningtheme_id__in=theme_ids))
    )


@dataclass
class Option:
    value: str
    label: str
    count: int
    url: str
    selected: bool


class SearchFilters:
    names = ("kind", "type", "theme", "year")

    def __init__(self, params: QueryDict | dict, themes: list[LearningTheme]):
        self.type_labels = dict(ReviewType.choices)
        self.themes = {theme.slug: theme for theme in themes}
        raw = {name: (params.get(name) or "").strip()[:100] for name in self.names}
        self.active = {
            "kind": raw["kind"] if raw["kind"] in KIND_LABELS else "",
            "type": raw["type"] if raw["type"] in self.type_labels else "",
            "theme": raw["theme"] if raw["theme"] in self.themes else "",
            "year": raw["year"] if _YEAR.match(raw["year"]) else "",
        }
        self.ignored = [name for name in self.names if raw[name] and not self.active[name]]
        self.query_text = ""

    def any_active(self) -> bool:
        return any(self.active.values())

    def passes(self, content_type_id: int, review_type: str | None, year: int | None, *, skip: str = "") -> bool:
        """Whether pages of this kind, review type and year pass the active filters (the theme aside)."""
        values = {"kind": kind_of(content_type_id, self.kinds), "type": review_type or "", "year": str(year or "")}
        return all(value == self.active[name] for name, value in values.items() if self.active[name] and name != skip)

    @cached_property
    def kinds(self) -> dict[str, int]:
        return kind_content_types()

    def apply(self, pages: QuerySet) -> QuerySet:
        """``pages`` narrowed by every active filter, annotated with ``_published``."""
        return pages.annotate(_published=PUBLISHED).filter(self.condition())

    def condition(self) -> Q:
        """The active filters as one condition on pages annotated with ``_published``."""
        condition = Q()
        if self.active["kind"]:
            if self.active["kind"] == "page":
                condition &= ~Q(content_type_id__in=self.kinds.values())
            else:
                condition &= Q(content_type_id=self.kinds[self.active["kind"]])
        if self.active["type"]:
            condition &= Q(reviewpage__review_type=self.active["type"])
        if self.active["theme"]:
            condition &= with_theme_q([self.themes[self.active["theme"]].pk])
        if self.active["year"]:
            condition &= Q(_published__year=int(self.active["year"]))
        return condition

    def url(self, **changes: str) -> str:
        """This search with some filters changed, back on its first page."""
        params = {"q": self.query_text, **self.active, **changes}
        return "?" + urlencode({name: value for name, value in params.items() if value})

    def clear_url(self) -> str:
        return "?" + urlencode({"q": self.query_text})

    def options(self, name: str, counts: dict[str, int], labels: dict[str, str]) -> list[Option]:
        """The values with results, plus the selected one (so it can be removed) even at 0."""
        return [
            Option(
                value,
                label,
                counts.get(value, 0),
                self.url(**{name: "" if self.active[name] == value else value}),
                self.active[name] == value,
            )
            for value, label in labels.items()
            if counts.get(value) or self.active[name] == value
        ]
