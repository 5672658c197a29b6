"""Site search: what matches, in what order, how many of each kind, and what to offer instead.

The backend is asked once for the matching pages (``matching.py``): on
PostgreSQL one statement gives the counts for the filters and the ids of the
page shown; on other backends the ranked ids come back and filters, counts and
the page of results are ordinary SQL over that list. Either way a results page
costs the same fixed number of queries however many pages match, and the text
match is never repeated.

Only live, public pages in the active locale are searched: the restriction is
applied before the backend sees the query, so drafts and private pages can
match nothing, in results, counts or promotions.
"""

from __future__ import annotations

import difflib
import operator
from collections import Counter
from dataclasses import dataclass, field
from functools import reduce

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import CharField, Count, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Coalesce, ExtractYear, NullIf
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from modelsearch.conf import get_app_config
from wagtail.contrib.search_promotions.models import Query as LoggedQuery
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page

from reviews.models import ReviewIndexPage, ReviewType
from sscp_wagtail.files import document_description
from sscp_wagtail.learning.models import LearningTheme

from . import spelling
from .filters import (
    KIND_LABELS,
    PUBLISHED,
    BriefingThemeLink,
    Option,
    ReviewThemeLink,
    SearchFilters,
    kind_content_types,
    kind_of,
    with_theme_q,
)
from .matching import ALL_WORDS, ANY_WORD, InIds, Matches, match_pages
from .text import Query, clean_index_text, excerpt, mark_terms, parse_query, term_pattern

# How a result set was found when the words as typed found nothing.
SIMILAR_WORDS = "similar"
# Documents listed beside the page results.
MAX_DOCUMENTS = 5


@dataclass
class Result:
    page: Page
    kind: str
    label: str
    published: object
    title: SafeString
    summary: SafeString
    excerpt: SafeString


@dataclass
class Promotion:
    title: str
    url: str
    description: str


@dataclass
class DocumentResult:
    title: SafeString
    url: str
    description: str


@dataclass
class ThemeLink:
    name: str
    url: str


@dataclass
class SearchOutcome:
    query: Query
    filters: SearchFilters | None = None
    paginator: Paginator | None = None
    results: PaginatorPage | None = None
    items: list[Result] = field(default_factory=list)
    groups: list[tuple[str, str, list[Option]]] = field(default_factory=list)
    promotions: list[Promotion] = field(default_factory=list)
    documents: list[DocumentResult] = field(default_factory=list)
    matching_themes: list[ThemeLink] = field(default_factory=list)
    suggested_themes: list[ThemeLink] = field(default_factory=list)
    mode: str = ALL_WORDS
    whole_words_only: bool = False

    @property
    def count(self) -> int:
        return self.paginator.count if self.paginator else 0

    @property
    def previous_url(self) -> str:
        if self.results is None or not self.results.has_previous():
            return ""
        return self.filters.url(page=str(self.results.previous_page_number()))

    @property
    def next_url(self) -> str:
        if self.results is None or not self.results.has_next():
            return ""
        return self.filters.url(page=str(self.results.next_page_number()))


def index_text_field() -> str | None:
    """The plain-text column of the database backends' index (PostgreSQL also keeps a tsvector)."""
    names = {f.name for f in get_app_config().get_model("IndexEntry")._meta.get_fields()}
    return "body_text" if "body_text" in names else "body" if "body" in names else None


def words_in(name: str, query: Query) -> bool:
    """Every word of the query appears in ``name`` (as a word or its stem)."""
    return all(term_pattern([term]).search(name) for term in query.terms)


def similar_themes(query: Query, themes: list[LearningTheme], limit: int = 3) -> list[LearningTheme]:
    """Themes whose name looks like the query: the same words, or close spellings of them."""
    scored = []
    phrase = " ".join(query.terms)
    for theme in themes:
        name = theme.name.lower()
        words = name.replace("-", " ").split()
        score = difflib.SequenceMatcher(None, phrase, name).ratio()
        for term in query.terms:
            for word in words:
                score = max(score, difflib.SequenceMatcher(None, term, word).ratio())
                if len(term) >= 4 and word.startswith(term[:4]):
                    score = max(score, 0.8)
        if score >= 0.75:
            scored.append((score, theme.name, theme))
    return [theme for _score, _name, theme in sorted(scored, key=lambda row: (-row[0], row[1]))[:limit]]


class SiteSearch:
    def __init__(self, params, *, request=None):
        self.params = params
        self.request = request
        self.query = parse_query(params.get("q"))
        self.page_size = max(1, int(getattr(settings, "SSCP_SEARCH_PAGE_SIZE", 10)))

    def run(self) -> SearchOutcome:
        outcome = SearchOutcome(query=self.query)
        if not self.query:
            return outcome
        self.locale = Locale.get_active()
        # The view restrictions are read once (one query) and reused by every later query.
        self.private = Page.objects.all().private_q()
        self.base = Page.objects.live().filter(locale=self.locale).exclude(self.private)
        themes = list(LearningTheme.objects.filter(live=True, locale=self.locale).only("id", "name", "slug"))
        filters = self.filters = outcome.filters = SearchFilters(self.params, themes)
        filters.query_text = self.query.text
        self.kinds = kind_content_types()
        self.themes = themes
        self.title_themes = [theme for theme in themes if words_in(theme.name, self.query)]

        matched_query = self.query
        window = ((self.page_number() - 1) * self.page_size, self.page_size)
        matches = match_pages(self.base, self.query, ALL_WORDS, self.theme_ids(self.query), filters, window)
        if not matches.ranked and not filters.any_active():
            # Nothing as typed: try the words respelled (PostgreSQL), then any one of them.
            attempts = []
            if spelling.supported():
                respelled = spelling.correct(self.query.terms, spelling.vocabulary())
                if respelled != self.query.terms:
                    attempts.append((SIMILAR_WORDS, Query(self.query.text, respelled), ALL_WORDS))
            if len(self.query.terms) > 1:
                attempts.append((ANY_WORD, self.query, ANY_WORD))
            for label, query, mode in attempts:
                relaxed = match_pages(self.base, query, mode, self.theme_ids(query), filters, window)
                if relaxed.ranked:
                    matches, matched_query, outcome.mode = relaxed, query, label
                    break
        self.pattern = term_pattern(matched_query.terms)
        # SQLite's FTS5 index has no stemmer: "sleeping" does not find "sleep".
        outcome.whole_words_only = matches.in_database and connection.vendor == "sqlite"

        ordered = matches.ranked
        outcome.paginator = Paginator(ordered, self.page_size)
        outcome.results = outcome.paginator.get_page(self.page_number())
        outcome.items = self.describe(outcome.results.object_list, matches)
        outcome.groups = self.filter_groups(matches, filters)
        first_page = outcome.results.number == 1 and not filters.any_active()
        if first_page:
            outcome.promotions = self.promotions()
            outcome.documents = self.documents()
        outcome.matching_themes = self.theme_links(self.title_themes)
        if not ordered:
            outcome.suggested_themes = self.theme_links(similar_themes(self.query, themes))
        if first_page and getattr(settings, "SSCP_SEARCH_LOG_QUERIES", False):
            # Only the normalised words and a daily count; see settings.
            LoggedQuery.get(self.query.search_string).add_hit()
        return outcome

    def theme_ids(self, query: Query) -> list[int]:
        return [theme.pk for theme in self.themes if words_in(theme.name, query)]

    def page_number(self) -> int:
        raw = (self.params.get("page") or "").strip()
        return max(1, int(raw)) if raw.isdigit() and len(raw) <= 7 else 1

    def describe(self, page_ids: list[int], matches: Matches) -> list[Result]:
        """The page of results with what each shows, read in one query."""
        if not page_ids:
            return []
        text_field = index_text_field() if matches.in_database else None
        rows = {page.pk: page for page in self._with_display_fields(Page.objects.filter(pk__in=page_ids), text_field)}
        pattern = self.pattern
        results = []
        for page in (rows[pk] for pk in page_ids if pk in rows):
            kind = kind_of(page.content_type_id, self.kinds)
            if kind == "review":
                label = (
                    ReviewType(page._review_type).label if page._review_type in ReviewType.values else _("Case review")
                )
            elif kind == "briefing":
                label = _("7-minute briefing")
            else:
                label = _("Page")
            summary = (page._summary or "").strip()
            text = clean_index_text(getattr(page, "_text", "") or "")
            if summary and summary in text:
                text = text.replace(summary, " ", 1)
            results.append(
                Result(
                    page=page,
                    kind=kind,
                    label=label,
                    published=page._published,
                    title=mark_terms(page.title, pattern),
                    summary=mark_terms(summary, pattern),
                    excerpt=excerpt(text, pattern),
                )
            )
        return results

    @staticmethod
    def _with_display_fields(pages: QuerySet, text_field: str | None) -> QuerySet:
        annotations = {
            "_published": PUBLISHED,
            "_review_type": F("reviewpage__review_type"),
            "_summary": Coalesce(
                NullIf("reviewpage__summary", Value("")),
                NullIf("standardpage__introduction", Value("")),
                NullIf("search_description", Value("")),
                output_field=CharField(),
            ),
        }
        if text_field:
            IndexEntry = get_app_config().get_model("IndexEntry")
            annotations["_text"] = Subquery(
                IndexEntry.objects.filter(
                    content_type_id=OuterRef("content_type_id"),
                    object_id=Cast(OuterRef("pk"), output_field=CharField(max_length=50)),
                ).values(text_field)[:1]
            )
        return pages.annotate(**annotations)

    # Filters and their counts, from grouped rows of the matched pages.

    def filter_groups(self, matches: Matches, filters: SearchFilters) -> list[tuple[str, str, list[Option]]]:
        """Each option's count is the number of results a click gives, the other filters kept.

        The matched pages are grouped by (kind, review type, year): by the
        match itself on PostgreSQL, from the ranking query's rows on SQLite when
        no filter is on, otherwise by one query. A second query groups them by
        theme (and by whichever of those three is filtered on). Every count is
        summed from those rows here, so any combination of filters costs the same.
        """
        if not matches.found:
            return []
        active = {name: value for name, value in filters.active.items() if value}
        pages = matches.pages

        # 1: pages by kind, review type and year (on the chosen theme, if any),
        # unless the match already read them.
        if matches.cube is not None:
            rows = matches.cube
        elif matches.facts is not None:
            rows = [(*facts, n) for facts, n in Counter(matches.facts).items()]
        else:
            if "theme" in active:
                pages_on_theme = pages.filter(with_theme_q([self.filters.themes[active["theme"]].pk]))
            else:
                pages_on_theme = pages
            rows = (
                pages_on_theme.annotate(_year=ExtractYear(PUBLISHED))
                .order_by()
                .values_list("content_type_id", "reviewpage__review_type", "_year")
                .annotate(n=Count("pk"))
            )
        counts: dict[str, dict[str, int]] = {"kind": {}, "type": {}, "year": {}}
        for content_type_id, review_type, year, n in rows:
            values = {"kind": kind_of(content_type_id, self.kinds), "type": review_type or "", "year": str(year or "")}
            for name, value in values.items():
                if value and filters.passes(content_type_id, review_type, year, skip=name):
                    counts[name][value] = counts[name].get(value, 0) + n

        # 2: the same pages by their themes (a review's or a briefing's; a page is
        # one or the other) and by whichever other filters are active.
        if matches.theme_cube is not None:
            by_theme = {}
            for theme_id, content_type_id, review_type, year, n in matches.theme_cube:
                if filters.passes(content_type_id, review_type, year):
                    by_theme[theme_id] = by_theme.get(theme_id, 0) + n
        elif matches.facts is not None:
            # No filter is on, so the ranked pages are every match: their theme
            # links are counted straight from the link tables, without the page rows.
            by_theme = theme_link_counts(matches.ranked)
        else:
            by_theme = self._theme_counts_of(pages, active)
        theme_counts = {theme.slug: by_theme[theme.pk] for theme in self.themes if theme.pk in by_theme}

        theme_labels = {theme.slug: theme.name for theme in sorted(self.themes, key=lambda t: t.name.lower())}
        years = {year: year for year in sorted(counts["year"], reverse=True)}
        if filters.active["year"] and filters.active["year"] not in years:
            years[filters.active["year"]] = filters.active["year"]
        return [
            ("kind", _("Type of page"), filters.options("kind", counts["kind"], KIND_LABELS)),
            ("type", _("Type of review"), filters.options("type", counts["type"], filters.type_labels)),
            ("theme", _("Learning theme"), filters.options("theme", theme_counts, theme_labels)),
            ("year", _("Year published"), filters.options("year", counts["year"], years)),
        ]

    def _theme_counts_of(self, pages: QuerySet, active: dict[str, str]) -> dict[int, int]:
        """{theme id: pages} for ``pages``, narrowed by the active kind, type and year filters."""
        dimensions = [name for name in ("kind", "type", "year") if name in active]
        columns = {
            "kind": ("content_type_id", lambda value: kind_of(value, self.kinds)),
            "type": ("reviewpage__review_type", lambda value: value or ""),
            "year": ("_year", lambda value: str(value or "")),
        }
        themed = pages.annotate(
            _review_theme=F("reviewpage__themes"), _briefing_theme=F("briefingpage__briefing_themes")
        )
        if "year" in dimensions:
            themed = themed.annotate(_year=ExtractYear(PUBLISHED))
        fields = ["_review_theme", "_briefing_theme", *[columns[name][0] for name in dimensions]]
        by_theme: dict[int, int] = {}
        for row in themed.values(*fields).annotate(n=Count("pk")).order_by():
            theme_id = row["_review_theme"] or row["_briefing_theme"]
            if theme_id and all(columns[name][1](row[columns[name][0]]) == active[name] for name in dimensions):
                by_theme[theme_id] = by_theme.get(theme_id, 0) + row["n"]
        return by_theme

    # Around the results.

    def promotions(self) -> list[Promotion]:
        """Editors' picks for this query: live, public pages in this locale, or links elsewhere.

        A pick matches when its query has the same words, whatever the case and
        punctuation ("CO-SLEEPING!" finds the pick for "co-sleeping"). Picks are
        few, so they are compared here rather than by a query per spelling.
        """
        picks = (
            SearchPromotion.objects.filter(Q(page__isnull=True, external_link_url__gt="") | Q(page__in=self.base))
            .select_related("query", "page")
            .order_by(F("sort_order").asc(nulls_last=True), "pk")
        )
        promotions, seen = [], set()
        for pick in picks:
            if parse_query(pick.query.query_string).terms != self.query.terms:
                continue
            url = pick.page.get_url(self.request) if pick.page else pick.external_link_url
            if url and url not in seen:
                seen.add(url)
                promotions.append(Promotion(pick.title or url, url, pick.description))
        return promotions

    def documents(self) -> list[DocumentResult]:
        """Documents whose title matches, outside private collections."""
        Document = get_document_model()
        documents = Document.objects.all()
        private = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
        if private:
            inside = reduce(operator.or_, [Q(path__startswith=path) for path in private])
            documents = documents.exclude(
                collection_id__in=list(Collection.objects.filter(inside).values_list("pk", flat=True))
            )
        pattern = term_pattern(self.query.terms)
        found = documents.search(self.query.search_string, operator="and")[:MAX_DOCUMENTS]
        return [DocumentResult(mark_terms(doc.title, pattern), doc.url, document_description(doc)) for doc in found]

    def theme_links(self, themes: list[LearningTheme]) -> list[ThemeLink]:
        if not themes:
            return []
        index = (
            ReviewIndexPage.objects.live()
            .filter(locale=self.locale)
            .exclude(self.private)
            .only("id", "path", "depth", "url_path")
            .order_by("path")
            .first()
        )
        if index is None:
            return [ThemeLink(theme.name, "?" + urlencode({"q": theme.name})) for theme in themes]
        return [ThemeLink(theme.name, index.theme_url(theme.slug)) for theme in themes]


def theme_link_counts(page_ids: list[int]) -> dict[int, int]:
    """{theme id: how many of ``page_ids`` are on it}, read from the link tables alone.

    One query (both tables, ``UNION ALL``); the pages' own rows are not needed,
    which at thousands of matches is what made the count slow.
    """
    if not page_ids:
        return {}
    reviews = (
        ReviewThemeLink.objects.filter(InIds(F("reviewpage_id"), page_ids))
        .values_list("learningtheme_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    briefings = (
        BriefingThemeLink.objects.filter(InIds(F("briefingpage_id"), page_ids))
        .values_list("learningtheme_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[int, int] = {}
    for theme_id, n in reviews.union(briefings, all=True):
        counts[theme_id] = counts.get(theme_id, 0) + n
    return counts
