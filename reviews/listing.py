"""Filtering the review list by type, theme and year, with counts, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import RichText

from sscp_wagtail.learning.blocks import raw_theme_ids
from sscp_wagtail.learning.models import LearningTheme
from sscp_wagtail.production import content_cache


@dataclass
class Option:
    value: str
    label: str
    count: int
    url: str
    selected: bool


class ReviewFilters:
    """Reads ``?type=&theme=&year=`` and offers each filter's options with counts.

    Counts for one filter take the other active filters into account, so every
    number shown is the number of reviews a click will list. Unknown values are
    ignored rather than failing: old links keep working.
    """

    names = ("type", "theme", "year")

    def __init__(self, params: QueryDict | dict, reviews, locale_id: int | None, *, cache_as: tuple = ()):
        from .models import ReviewType

        self.reviews = reviews
        # What tells this list apart from others (its index page) for the
        # content cache; the active filters and the language are added here.
        self.cache_as = cache_as
        self.locale_id = locale_id
        self.type_labels = dict(ReviewType.choices)
        raw = {name: (params.get(name) or "").strip() for name in self.names}
        self.active = {
            "type": raw["type"] if raw["type"] in self.type_labels else "",
            "theme": raw["theme"][:100],
            "year": raw["year"] if raw["year"].isdigit() and len(raw["year"]) == 4 else "",
        }
        self.ignored = [name for name in self.names if raw[name] and not self.active[name]]

    def _filtered(self, *, skip: str = ""):
        reviews = self.reviews
        if self.active["type"] and skip != "type":
            reviews = reviews.filter(review_type=self.active["type"])
        if self.active["theme"] and skip != "theme":
            reviews = reviews.filter(themes__slug=self.active["theme"], themes__live=True)
        if self.active["year"] and skip != "year":
            reviews = reviews.filter(publication_date__year=int(self.active["year"]))
        return reviews

    def results(self):
        return self._filtered().prefetch_related(
            Prefetch("themes", queryset=LearningTheme.objects.filter(live=True).only("id", "name", "slug"))
        )

    def url(self, **changes: str) -> str:
        params = {**self.active, **changes}
        query = urlencode({name: value for name, value in params.items() if value})
        return f"?{query}" if query else "?"

    def _options(self, name: str, counts: dict[str, int], labels: dict[str, str]) -> list[Option]:
        return [
            Option(value, labels[value], counts.get(value, 0), self.url(**{name: value}), self.active[name] == value)
            for value in labels
            if counts.get(value) or self.active[name] == value
        ]

    def type_options(self) -> list[Option]:
        rows = self._filtered(skip="type").order_by().values("review_type").annotate(n=Count("id", distinct=True))
        counts = {row["review_type"]: row["n"] for row in rows}
        return self._options("type", counts, self.type_labels)

    def theme_counts(self) -> dict[str, int]:
        rows = (
            LearningTheme.objects.filter(live=True, locale_id=self.locale_id, reviews__in=self._filtered(skip="theme"))
            .values("slug", "name")
            .annotate(n=Count("reviews", distinct=True))
            .order_by("name")
        )
        self._theme_names = {row["slug"]: row["name"] for row in rows}
        return {row["slug"]: row["n"] for row in rows}

    def theme_options(self) -> list[Option]:
        counts = self.theme_counts()
        return self._options("theme", counts, self._theme_names)

    def year_options(self) -> list[Option]:
        rows = (
            self._filtered(skip="year")
            .order_by()
            .annotate(year=ExtractYear("publication_date"))
            .values("year")
            .annotate(n=Count("id", distinct=True))
        )
        counts = {str(row["year"]): row["n"] for row in rows}
        years = sorted(counts, reverse=True)
        return self._options("year", counts, {year: year for year in years})

    def any_active(self) -> bool:
        return any(self.active.values())

    def groups(self) -> list[tuple[str, str, list[Option]]]:
        """(parameter, heading, options) for the template, in reading order.

        Three counting queries over every review, so with the content cache on
        they are kept until the next publish, per index, filters and language."""
        return self.remember("review-filters", self._groups)

    def _groups(self) -> list[tuple[str, str, list[Option]]]:
        return [
            ("type", _("Type of review"), self.type_options()),
            ("theme", _("Learning theme"), self.theme_options()),
            ("year", _("Year published"), self.year_options()),
        ]

    def count(self) -> int:
        """How many reviews match, as the paginator would count them."""
        return self.remember("review-count", lambda: self.results().count())

    def remember(self, name: str, compute):
        if not self.cache_as:
            return compute()
        parts = (*self.cache_as, self.active["type"], self.active["theme"], self.active["year"], get_language())
        return content_cache.remember(name, parts, compute)


def theme_learning(theme: LearningTheme, reviews) -> list[dict]:
    """Every learning block tagged with ``theme`` in ``reviews``, in the reviews' order.

    Reads the stored block data, so gathering learning from many reviews costs
    the one query that fetched them.
    """
    items = []
    for review in reviews:
        for block in review.learning.raw_data:
            value = block.get("value") or {}
            if block.get("type") != "learning_theme" or theme.pk not in raw_theme_ids(value):
                continue
            points = [p.get("value") if isinstance(p, dict) else p for p in value.get("practice_points") or []]
            items.append(
                {
                    "review": review,
                    "heading": value.get("heading", ""),
                    "learning": RichText(value.get("learning", "")),
                    "practice_points": [p for p in points if p],
                }
            )
    return items
