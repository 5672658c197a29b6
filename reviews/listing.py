"""Filtering the review list by type, theme and year, with counts, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Exists, OuterRef, Prefetch, Q
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

    The counts and the total come from the index's summary rows (``ReviewCount``,
    kept by ``reviews/counts.py``) in one query, however many reviews there are.
    """

    names = ("type", "theme", "year")

    def __init__(self, params: QueryDict | dict, index, *, request=None, cache_as: tuple = ()):
        from .models import ReviewType

        self.index = index
        self.index_id = index.pk
        self.request = request  # its view restrictions, once read, are used again
        # What tells this list apart from others (its index page) for the
        # content cache; the active filters and the language are added here.
        self.cache_as = cache_as
        self.locale_id = index.locale_id
        self.type_labels = dict(ReviewType.choices)
        raw = {name: (params.get(name) or "").strip() for name in self.names}
        self.active = {
            "type": raw["type"] if raw["type"] in self.type_labels else "",
            "theme": raw["theme"][:100],
            "year": raw["year"] if raw["year"].isdigit() and len(raw["year"]) == 4 else "",
        }
        self.ignored = [name for name in self.names if raw[name] and not self.active[name]]

    @cached_property
    def reviews(self):
        # Built when first asked for: Wagtail's public() reads the view restrictions at once.
        return self.index.live_reviews(self.request)

    def _filtered(self):
        from .models import ReviewPage

        reviews = self.reviews
        if self.active["type"]:
            reviews = reviews.filter(review_type=self.active["type"])
        if self.active["theme"]:
            links = ReviewPage.themes.through.objects.filter(
                reviewpage_id=OuterRef("pk"), learningtheme__slug=self.active["theme"], learningtheme__live=True
            )
            reviews = reviews.filter(Exists(links))
        if self.active["year"]:
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

    @cached_property
    def summary(self) -> list[tuple]:
        """(type, year, theme id, slug, name, locale id, reviews) rows of this index; theme empty for any theme.

        Themes that are not live are left out, as they are from the list."""
        from .models import ReviewCount

        return list(
            ReviewCount.objects.filter(index_id=self.index_id)
            .filter(Q(theme__isnull=True) | Q(theme__live=True))
            .values_list("review_type", "year", "theme_id", "theme__slug", "theme__name", "theme__locale_id", "reviews")
        )

    def tally(self, by: str) -> dict[str, int]:
        """Reviews by type, year or theme slug, the other active filters applied."""
        counts: dict[str, int] = {}
        for review_type, year, theme_id, slug, _name, locale_id, n in self.summary:
            if by == "theme":
                if theme_id is None or locale_id != self.locale_id:
                    continue
            elif (slug != self.active["theme"]) if self.active["theme"] else (theme_id is not None):
                # With a theme chosen, its rows; otherwise the rows of every review, whatever its themes.
                continue
            if by != "type" and self.active["type"] and review_type != self.active["type"]:
                continue
            if by != "year" and self.active["year"] and str(year) != self.active["year"]:
                continue
            value = {"type": review_type, "year": str(year), "theme": slug}[by]
            counts[value] = counts.get(value, 0) + n
        return counts

    def type_options(self) -> list[Option]:
        return self._options("type", self.tally("type"), self.type_labels)

    def theme_counts(self) -> dict[str, int]:
        return self.tally("theme")

    def theme_options(self) -> list[Option]:
        counts = self.theme_counts()
        names = {slug: name for *_row, slug, name, locale, _n in self.summary if locale == self.locale_id}
        by_name = dict(sorted(names.items(), key=lambda item: (item[1], item[0])))
        return self._options("theme", counts, by_name)

    def year_options(self) -> list[Option]:
        counts = self.tally("year")
        years = sorted(counts, reverse=True)
        return self._options("year", counts, {year: year for year in years})

    def theme_total(self, theme_id: int) -> int:
        """How many reviews of this index are on the theme."""
        return sum(n for _type, _year, row_theme, *_rest, n in self.summary if row_theme == theme_id)

    def any_active(self) -> bool:
        return any(self.active.values())

    def groups(self) -> list[tuple[str, str, list[Option]]]:
        """(parameter, heading, options) for the template, in reading order.

        One query for the summary rows; with the content cache on they are kept
        until the next publish, per index, filters and language."""
        return self.remember("review-filters", self._groups)

    def _groups(self) -> list[tuple[str, str, list[Option]]]:
        return [
            ("type", _("Type of review"), self.type_options()),
            ("theme", _("Learning theme"), self.theme_options()),
            ("year", _("Year published"), self.year_options()),
        ]

    def count(self) -> int:
        """How many reviews match, as the paginator would count them."""
        return self.remember("review-count", self._total)

    def _total(self) -> int:
        by_type = self.tally("type")
        return by_type.get(self.active["type"], 0) if self.active["type"] else sum(by_type.values())

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
