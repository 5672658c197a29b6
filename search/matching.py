"""Which pages match, best first.

Order: pages whose title has every word, then pages on a learning theme the
query names, then relevance. Wagtail's database backends weigh all of a page's
fields alike (PostgreSQL's four weights are spread over every model's boosts,
and documents' boosted titles take the top one; SQLite has no field weights), so
titles and themes are lifted here, the same way on every backend.

Per backend:

* PostgreSQL: match, count and rank in SQL (``_postgres_matches``). Each query
  joins the GIN index on ``title || body`` (migration 0001) to the pages, so
  however many pages match, Python sees grouped counts and one page of ids.
* SQLite FTS5: the relevance of every match is read in one query on the FTS
  table (``bm25()``, titles weighted 4:1), where the backend's own ordering
  repeats the full-text match once per row (48 s for 10,000 reviews); the ids
  are then passed to the database as one parameter (``InIds``), so the text
  match is never repeated.
* Other database backends: the backend's ranked queryset.
* OpenSearch/Elasticsearch: the server's best ``MAX_SERVER_MATCHES`` ids, kept
  in the server's order within each tier.

Either way a results page costs a fixed number of queries.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import reduce

from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    Lookup,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import CombinedExpression, RawSQL
from django.db.models.functions import Cast, Coalesce, ExtractYear
from modelsearch.conf import get_app_config
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from .filters import PUBLISHED, BriefingThemeLink, ReviewThemeLink, SearchFilters, with_theme_q
from .text import Query

# A search server's best matches kept for filtering and counting.
MAX_SERVER_MATCHES = 500
# PostgreSQL: up to this many matches are ordered by relevance (ts_rank) within
# each tier; more are ordered newest first within each tier (see _postgres_matches).
RELEVANCE_LIMIT = 1000

# How the query was matched: every word (as typed or respelled), or any one word.
ALL_WORDS, ANY_WORD = "all", "any"


class InIds(Lookup):
    """``lhs IN ids`` with the ids as one parameter: a PostgreSQL array or, on SQLite, JSON.

    Thousands of ids cost one short statement, not thousands of placeholders.
    Used directly in ``filter()``: ``Page.objects.filter(InIds(F("pk"), ids))``.
    """

    lookup_name = "in_ids"
    prepare_rhs = False
    can_use_none_as_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        ids = [int(pk) for pk in self.rhs]
        if not ids:
            return "1 = 0", []
        if connection.vendor == "postgresql":
            # An array literal built here: psycopg's list adapter costs ~8 ms per 8,000 ids.
            return f"{lhs} = ANY(%s::bigint[])", [*params, "{" + ",".join(map(str, ids)) + "}"]
        if connection.vendor == "sqlite":
            # lhs is the compiled column; the ids travel as a parameter.
            return f"{lhs} IN (SELECT value FROM json_each(%s))", [*params, json.dumps(ids)]  # noqa: S608
        return f"{lhs} IN ({', '.join(['%s'] * len(ids))})", [*params, *ids]


@dataclass
class Matches:
    pages: QuerySet  # the live, public pages of the locale that the text matches, before any filter
    ranked: Sequence[int]  # the ids of those that pass the filters, best first (a list or RankedPages)
    in_database: bool  # whether the database backends' index text can be read for excerpts
    # (content type id, review type, year) of every match, when the ranking query read them (SQLite)
    facts: list[tuple] | None = None
    # (content type id, review type, year, pages) of the matches on the chosen theme, if any (PostgreSQL)
    cube: list[tuple] | None = None
    # (theme id, content type id, review type, year, pages) of every match (PostgreSQL)
    theme_cube: list[tuple] | None = None
    # False when nothing can match (then no counts are asked for)
    found: bool = True


def backend_query(query: Query, mode: str):
    return PlainText(query.search_string, operator="or" if mode == ANY_WORD else "and")


def backend_returns_queryset(results) -> bool:
    """The database backends (SQLite, PostgreSQL, MySQL, fallback) expose their match as a queryset."""
    return callable(getattr(results, "get_queryset", None))


def tier(query: Query, theme_ids: list[int]):
    """2 when the title has every word, plus 1 when the page is on a theme the query names."""
    in_title = reduce(operator.and_, [Q(title__icontains=term) for term in query.terms])
    expression = Case(When(in_title, then=Value(2)), default=Value(0), output_field=IntegerField())
    if theme_ids:
        on_theme = Case(When(with_theme_q(theme_ids), then=Value(1)), default=Value(0), output_field=IntegerField())
        expression = expression + on_theme
    return expression


def match_pages(
    base: QuerySet, query: Query, mode: str, theme_ids: list[int], filters: SearchFilters, window: tuple[int, int]
) -> Matches:
    """The pages matching ``query``; ``window`` is the (offset, limit) of the page of results to be shown."""
    search_query = backend_query(query, mode)
    results = base.search(search_query)  # lazy: nothing runs yet
    tiers = tier(query, theme_ids)
    if not backend_returns_queryset(results):
        return _server_matches(base, results, tiers, filters)
    if uses_postgres_index():
        return _postgres_matches(base, search_query, tiers, filters, window)
    if uses_sqlite_index():
        return _sqlite_matches(base, search_query, tiers, filters, window)
    queryset = results.get_queryset()
    order = list(queryset.query.order_by) or ["-pk"]
    ranked = filters.apply(queryset).annotate(_tier=tiers).order_by("-_tier", *order).values_list("pk", flat=True)
    ranked = list(dict.fromkeys(ranked))
    # With filters, the counts need every match, not only those that pass.
    unranked = base.search(search_query, order_by_relevance=False)
    candidates = list(unranked.get_queryset().values_list("pk", flat=True)) if filters.any_active() else ranked
    return Matches(base.filter(InIds(F("pk"), candidates)), ranked, True, found=bool(candidates))


class RankedPages:
    """The ids of the matching pages that pass the filters, best first, read a page at a time.

    The count is known beforehand, and so usually is the page asked for (read
    with the counts); any other page is read with ``LIMIT`` and ``OFFSET``.
    """

    def __init__(self, ids: QuerySet, count: int, *, offset: int = 0, prefetched: list[int] | None = None):
        self._ids = ids
        self.total = count
        self._offset = offset
        self._prefetched = prefetched

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __bool__(self) -> bool:
        return self.total > 0

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("RankedPages is read a page (slice) at a time")
        if self._prefetched is not None and index.start == self._offset and index.step is None:
            return self._prefetched[: max(0, index.stop - index.start)]
        with index_scans():
            return list(self._ids[index])


def _postgres_matches(base: QuerySet, search_query, tiers, filters: SearchFilters, window: tuple[int, int]) -> Matches:
    """Match, count and rank in one SQL statement: only grouped counts and one page of ids reach Python.

    The matching live, public pages of the locale are found once (the GIN
    match of the index joined to the pages, as a materialised CTE), with
    their kind, review type, year, date, tier and whether they pass the
    filters. From those rows the same statement returns the counts by kind,
    review type and year (on the chosen theme, if any), the counts by theme
    and the same three (so that each follows the other filters), and the ids
    of the page asked for, ordered by tier and relevance with ``LIMIT``.

    Relevance is the backend's own ``ts_rank`` over each page's whole text,
    which reads every matching body from TOAST storage. Above
    ``RELEVANCE_LIMIT`` matches, where it costs most and tells least, the
    pages within a tier are shown newest first instead.
    """
    match = _postgres_match(search_query)
    if match is None:
        return Matches(base.none(), [], True, cube=[], theme_cube=[], found=False)
    pages = base.filter(Exists(match.filter(content_type_id=OuterRef("content_type_id"), object_id=_pk_text())))
    chosen = filters.active["theme"]
    rows = (
        pages.annotate(_published=PUBLISHED)
        .annotate(
            _year=ExtractYear("_published"),
            _tier=tiers,
            _on_theme=_flag(with_theme_q([filters.themes[chosen].pk]) if chosen else Q()),
            _selected=_flag(filters.condition()),
        )
        .order_by()
        .values_list(
            "pk", "content_type_id", "reviewpage__review_type", "_year", "_published", "_tier", "_on_theme", "_selected"
        )
    )
    matched, matched_params = rows.query.sql_with_params()
    IndexEntry = get_app_config().get_model("IndexEntry")
    relevance = (
        IndexEntry.objects.filter(
            content_type_id=RawSQL("matched.content_type_id", [], output_field=IntegerField()),
            object_id=RawSQL("matched.id::text", [], output_field=CharField()),
        )
        .annotate(_rank=_postgres_rank(search_query))
        .values("_rank")
    )
    rank, rank_params = relevance.query.sql_with_params()
    quote = connection.ops.quote_name
    offset, limit = window
    statement = f"""
        WITH matched (id, content_type_id, review_type, year, published, tier, on_theme, selected)
        AS MATERIALIZED ({matched})
        SELECT 0, NULL::integer, content_type_id, review_type, year::integer, count(*)
        FROM matched WHERE on_theme GROUP BY 3, 4, 5
        UNION ALL
        SELECT 1, link.theme_id, content_type_id, review_type, year::integer, count(*)
        FROM matched JOIN (
            SELECT reviewpage_id AS page_id, learningtheme_id AS theme_id FROM {quote(ReviewThemeLink._meta.db_table)}
            UNION ALL
            SELECT briefingpage_id, learningtheme_id FROM {quote(BriefingThemeLink._meta.db_table)}
        ) AS link ON link.page_id = matched.id
        GROUP BY 2, 3, 4, 5
        UNION ALL
        (
            SELECT 2, id, NULL, NULL, NULL, NULL FROM matched WHERE selected
            ORDER BY
                tier DESC,
                CASE WHEN (SELECT count(*) FROM matched WHERE selected) <= %s THEN ({rank}) END DESC NULLS LAST,
                CASE WHEN (SELECT count(*) FROM matched WHERE selected) > %s THEN published END DESC NULLS LAST,
                id DESC
            LIMIT %s
            -- a page past the last is the last, as the paginator shows it
            OFFSET LEAST(%s, GREATEST((SELECT count(*) FROM matched WHERE selected) - 1, 0) / %s * %s)
        )
    """  # noqa: S608 - the inner queries are Django's, with their parameters passed separately
    params = [*matched_params, RELEVANCE_LIMIT, *rank_params, RELEVANCE_LIMIT, limit, offset, limit, limit]
    with index_scans(), connection.cursor() as cursor:
        cursor.execute(statement, params)
        grouped = cursor.fetchall()
    cube = [row[2:] for row in grouped if row[0] == 0]
    theme_cube = [row[1:] for row in grouped if row[0] == 1]
    shown = [row[1] for row in grouped if row[0] == 2]
    count = sum(
        n for content_type_id, review_type, year, n in cube if filters.passes(content_type_id, review_type, year)
    )

    # Should the paginator ask for another page, it is read on its own, in the same order.
    ranked = filters.apply(pages).annotate(_tier=tiers)
    if count <= RELEVANCE_LIMIT:
        relevance = match.filter(content_type_id=OuterRef("content_type_id"), object_id=_pk_text())
        ranked = ranked.annotate(
            _rank=Subquery(relevance.annotate(_rank=_postgres_rank(search_query)).values("_rank")[:1])
        ).order_by("-_tier", F("_rank").desc(nulls_last=True), "-pk")
    else:
        ranked = ranked.order_by("-_tier", F("_published").desc(nulls_last=True), "-pk")
    offset = min(offset, max(count - 1, 0) // limit * limit)
    ids = RankedPages(ranked.values_list("pk", flat=True), count, offset=offset, prefetched=shown)
    return Matches(pages, ids, True, cube=cube, theme_cube=theme_cube)


def _sqlite_matches(base: QuerySet, search_query, tiers, filters: SearchFilters, window: tuple[int, int]) -> Matches:
    """SQLite FTS5: match and count in one statement, then rank at most ``RELEVANCE_LIMIT`` pages.

    As on PostgreSQL, the matching live, public pages of the locale are found
    once (the FTS5 match as a subquery, in a materialised CTE) with their kind,
    review type, year, date, tier and whether they pass the filters, and the
    same statement returns the counts by kind, review type and year (on the
    chosen theme, if any), the counts by theme and the same three, and either
    the ids and tiers of every page that passes (up to ``RELEVANCE_LIMIT``) or,
    above that, the page asked for, newest first within each tier.

    Only the smaller sets are ranked, by ``bm25()`` (titles weighted 4:1), in the
    same statement; above ``RELEVANCE_LIMIT`` it is never computed. The year and
    date are worked out in SQL from the stored values, never by calling Python
    once per match.
    """
    match = _sqlite_match(search_query)
    if match is None:
        return Matches(base.none(), [], True, cube=[], theme_cube=[], found=False)
    pages = base.filter(pk__in=match)
    chosen = filters.active["theme"]
    published = _sqlite_published()
    # The year filter's condition reads ``_published`` (the date as the page shows it).
    described = pages.annotate(_published=PUBLISHED) if filters.active["year"] else pages
    rows = (
        described.annotate(
            _published_text=published,
            _year=_sqlite_year(),
            _tier=tiers,
            _on_theme=_flag(with_theme_q([filters.themes[chosen].pk]) if chosen else Q()),
            _selected=_flag(filters.condition()),
        )
        .order_by()
        .values_list(
            "pk",
            "content_type_id",
            "reviewpage__review_type",
            "_year",
            "_published_text",
            "_tier",
            "_on_theme",
            "_selected",
        )
    )
    matched, matched_params = rows.query.sql_with_params()
    # Relevance only for the smaller sets: the condition is the same for every row, so
    # SQLite tests it once, before reading the index, and skips bm25() altogether above it.
    few = RawSQL("(SELECT count(*) FROM matched WHERE selected) <= %s", [RELEVANCE_LIMIT], BooleanField())
    scored, scored_params = _sqlite_scores(search_query).filter(few).query.sql_with_params()
    quote = connection.ops.quote_name
    offset, limit = window
    selected_count = "(SELECT count(*) FROM matched WHERE selected)"
    statement = f"""
        WITH matched (id, content_type_id, review_type, year, published, tier, on_theme, selected)
        AS MATERIALIZED ({matched}),
        scores (id, score) AS ({scored})
        SELECT 0, NULL, content_type_id, review_type, year, count(*)
        FROM matched WHERE on_theme GROUP BY 3, 4, 5
        UNION ALL
        SELECT 1, link.learningtheme_id, content_type_id, review_type, year, count(*)
        FROM matched JOIN {quote(ReviewThemeLink._meta.db_table)} AS link ON link.reviewpage_id = matched.id
        GROUP BY 2, 3, 4, 5
        UNION ALL
        SELECT 1, link.learningtheme_id, content_type_id, review_type, year, count(*)
        FROM matched JOIN {quote(BriefingThemeLink._meta.db_table)} AS link ON link.briefingpage_id = matched.id
        GROUP BY 2, 3, 4, 5
        UNION ALL
        SELECT 2, matched.id, tier, scores.score, NULL, NULL
        FROM matched LEFT JOIN scores ON scores.id = matched.id
        WHERE selected AND {selected_count} <= %s
        UNION ALL
        SELECT * FROM (
            SELECT 3, id, tier, NULL, NULL, NULL FROM matched WHERE selected AND {selected_count} > %s
            ORDER BY tier DESC, published DESC, id DESC
            LIMIT %s
            -- a page past the last is the last, as the paginator shows it
            OFFSET min(%s, max({selected_count} - 1, 0) / %s * %s)
        )
    """  # noqa: S608 - the inner query is Django's, with its parameters passed separately
    params = [*matched_params, *scored_params, RELEVANCE_LIMIT, RELEVANCE_LIMIT, limit, offset, limit, limit]
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        grouped = cursor.fetchall()
    cube = [row[2:] for row in grouped if row[0] == 0]
    theme_cube = [row[1:] for row in grouped if row[0] == 1]
    count = sum(
        n for content_type_id, review_type, year, n in cube if filters.passes(content_type_id, review_type, year)
    )
    if count <= RELEVANCE_LIMIT:
        # bm25() is negative: the lower, the better the match.
        scored_rows = [row[1:4] for row in grouped if row[0] == 2]
        ranked = [pk for pk, _tier, _score in sorted(scored_rows, key=lambda row: (-row[1], row[2] or 0.0, -row[0]))]
        return Matches(pages, ranked, True, cube=cube, theme_cube=theme_cube)
    # Should the paginator ask for another page, it is read on its own, in the same order.
    ordered = (
        filters.apply(pages)
        .annotate(_tier=tiers, _published_text=published)
        .order_by("-_tier", F("_published_text").desc(nulls_last=True), "-pk")
    )
    offset = min(offset, max(count - 1, 0) // limit * limit)
    shown = [row[1] for row in grouped if row[0] == 3]
    ids = RankedPages(ordered.values_list("pk", flat=True), count, offset=offset, prefetched=shown)
    return Matches(pages, ids, True, cube=cube, theme_cube=theme_cube)


def _sqlite_published():
    """The date a result shows, as SQLite stores it (ISO text), for ordering: no Python per row.

    A review's publication date, otherwise the UTC day it was first published."""
    return Coalesce(
        Cast("reviewpage__publication_date", output_field=CharField()),
        Func(F("first_published_at"), function="substr", template="substr(%(expressions)s, 1, 10)"),
        output_field=CharField(),
    )


class _SQLiteYear(Func):
    """The year of ``PUBLISHED`` in SQL: a review's publication year, otherwise the year the page
    was first published in the site's time zone (its UTC offset on 1 January, when years change)."""

    output_field = IntegerField()

    def __init__(self):
        super().__init__(F("reviewpage__publication_date"), F("first_published_at"))

    def as_sql(self, compiler, connection, **extra):
        date_sql, date_params = compiler.compile(self.source_expressions[0])
        first_sql, first_params = compiler.compile(self.source_expressions[1])
        offset = _new_year_utc_offset_seconds()
        sql = (
            f"CAST(COALESCE(substr({date_sql}, 1, 4), strftime('%%Y', {first_sql}, '{offset:+d} seconds')) AS integer)"
        )
        return sql, [*date_params, *first_params]


def _sqlite_year():
    return _SQLiteYear()


def _new_year_utc_offset_seconds() -> int:
    from datetime import datetime

    from django.utils import timezone

    zone = timezone.get_current_timezone()
    return int(datetime(timezone.now().year, 1, 1, tzinfo=zone).utcoffset().total_seconds())


def _flag(condition: Q):
    """A filter condition as a boolean column (true when there is no condition)."""
    return ExpressionWrapper(condition, output_field=BooleanField()) if condition else Value(True)


def _pk_text():
    """The page's id as the index's ``object_id`` (text), to join the two."""
    return Cast(OuterRef("pk"), output_field=CharField(max_length=50))


def _server_matches(base: QuerySet, results, tiers, filters: SearchFilters) -> Matches:
    hits = [page.pk for page in results[:MAX_SERVER_MATCHES]]
    pages = base.filter(InIds(F("pk"), hits))
    tier_of = dict(filters.apply(pages).annotate(_tier=tiers).values_list("pk", "_tier"))
    # sorted() is stable: within a tier the server's order stands.
    ranked = sorted((pk for pk in hits if pk in tier_of), key=lambda pk: -tier_of[pk])
    return Matches(pages, ranked, False, found=bool(hits))


def uses_sqlite_index() -> bool:
    """Wagtail's SQLite FTS5 backend on SQLite: relevance is read straight from the FTS table."""
    return connection.vendor == "sqlite" and type(get_search_backend()).__name__ == "SQLiteSearchBackend"


def uses_postgres_index() -> bool:
    """Wagtail's PostgreSQL backend on PostgreSQL: match, count and rank in SQL."""
    return connection.vendor == "postgresql" and type(get_search_backend()).__name__ == "PostgresSearchBackend"


class _WeightedBM25(Func):
    """SQLite FTS5 ``bm25()`` with the columns (autocomplete, body, title) weighted 0, 1 and 4."""

    output_field = FloatField()

    def __init__(self, table: str):
        self.table = table
        super().__init__()

    def as_sql(self, compiler, connection, **extra):
        return f"bm25({self.table}, 0.0, 1.0, 4.0)", []


def _sqlite_entries(search_query):
    """The FTS5 entries of pages whose text matches, or None when nothing can."""
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry, SQLiteSearchQueryCompiler

    compiler = SQLiteSearchQueryCompiler(Page.objects.none(), search_query)
    expression = compiler.build_search_query(normalize(compiler.query))
    if expression is None:
        return None
    return SQLiteFTSIndexEntry.objects.filter(MatchExpression(compiler.FTS_TABLE_FIELDS, expression)).filter(
        index_entry__content_type_id__in=get_descendants_content_types_pks(Page)
    )


def _sqlite_match(search_query) -> QuerySet | None:
    """The ids of the matching pages, as a subquery."""
    entries = _sqlite_entries(search_query)
    if entries is None:
        return None
    return entries.annotate(_page_id=Cast("index_entry__object_id", output_field=IntegerField())).values("_page_id")


def _sqlite_scores(search_query) -> QuerySet:
    """(page id, bm25()) of every match, titles weighted 4:1: SQLite computes it only for the rows read."""
    entries = _sqlite_entries(search_query)
    return entries.annotate(
        _page_id=Cast("index_entry__object_id", output_field=IntegerField()),
        score=_WeightedBM25(entries.model._meta.db_table),
    ).values_list("_page_id", "score")


def _postgres_compiler(search_query):
    from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler

    return PostgresSearchQueryCompiler(Page.objects.none(), search_query)


def _postgres_match(search_query) -> QuerySet | None:
    """The index entries whose ``title || body`` match the query, through the GIN index of migration 0001."""
    from django.contrib.postgres.search import SearchVectorField

    compiler = _postgres_compiler(search_query)
    tsquery = compiler.build_tsquery(compiler.query, config=get_search_backend().config)
    if tsquery is None:
        return None
    IndexEntry = get_app_config().get_model("IndexEntry")
    return IndexEntry.objects.annotate(
        _vector=CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
    ).filter(_vector=tsquery)


def _postgres_rank(search_query):
    """The backend's own relevance: title rank times the title norm, plus body rank."""
    compiler = _postgres_compiler(search_query)
    return compiler._build_rank_expression(
        [(F("title"), F("title_norm")), (F("body"), 1.0)], get_search_backend().config
    )


@contextmanager
def index_scans() -> Iterator[None]:
    """On PostgreSQL, plan the statement inside around the GIN index, then restore the settings.

    The planner does not know what ``title || body`` costs, so once a query
    matches most pages it would rather scan the index table, detoasting and
    concatenating every row's vectors (80 ms against 3 ms at 10,000 reviews),
    than use the GIN index: sequential scans are turned off. The pages, reviews
    and theme links are then read in full by their own indexes and hashed;
    the nested loops the planner prefers for the theme links, one index probe
    per match, take twice as long: nested loops are turned off too. The
    inflated cost estimates that follow would turn on JIT compilation, which
    costs more (20-25 ms) than the statement takes: JIT is turned off.
    """
    if not uses_postgres_index():
        yield
        return
    names = ("enable_seqscan", "enable_nestloop", "jit")
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join(f"current_setting('{name}'), set_config('{name}', 'off', true)" for name in names)
        )
        previous = cursor.fetchone()[::2]
        try:
            yield
        finally:
            cursor.execute("SELECT " + ", ".join(f"set_config('{name}', %s, true)" for name in names), list(previous))
