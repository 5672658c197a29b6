"""Which pages match, best first: the backend is asked once per search.

Everything after the match (filters, counts, the page of results) works on the
list of matching ids, passed to the database as a single parameter (``InIds``),
so the text match is never repeated and a results page costs a fixed number of
queries.

Order: pages whose title has every word, then pages on a learning theme the
query names, then relevance. Wagtail's database backends weigh all of a page's
fields alike (PostgreSQL's four weights are spread over every model's boosts,
and documents' boosted titles take the top one; SQLite has no field weights), so
titles and themes are lifted here, the same way on every backend.

Per backend:

* SQLite FTS5 and PostgreSQL: the relevance of every match is read in one query
  on the search index itself. On SQLite that is ``bm25()`` in one pass over the
  FTS table (titles weighted 4:1), where the backend's own ordering repeats the
  full-text match once per row (48 s for 10,000 reviews). On PostgreSQL it is
  the backend's own ``ts_rank`` expression, with the match forced onto the GIN
  index on ``title || body`` (migration 0001): the planner, not knowing what
  the concatenation costs, otherwise scans the table once a query matches most
  pages (80 ms against 3 ms at 10,000 reviews).
* Other database backends: the backend's ranked queryset.
* OpenSearch/Elasticsearch: the server's best ``MAX_SERVER_MATCHES`` ids, kept
  in the server's order within each tier.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import reduce

from django.db import connection, transaction
from django.db.models import Case, F, FloatField, Func, IntegerField, Lookup, Q, QuerySet, Value, When
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import ExtractYear
from modelsearch.conf import get_app_config
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from .filters import SearchFilters, with_theme_q
from .text import Query

# A search server's best matches kept for filtering and counting.
MAX_SERVER_MATCHES = 500

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
    candidates: list[int]  # every page id the text matched (the counts narrow them to live, public pages)
    ranked: list[int]  # the live, public pages of the locale that match and pass the filters, best first
    in_database: bool  # whether the database backends' index text can be read for excerpts
    # (content type id, review type, year) of every match, when the ranking query read them
    facts: list[tuple] | None = None


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


def match_pages(base: QuerySet, query: Query, mode: str, theme_ids: list[int], filters: SearchFilters) -> Matches:
    search_query = backend_query(query, mode)
    results = base.search(search_query)  # lazy: nothing runs yet
    tiers = tier(query, theme_ids)
    if not backend_returns_queryset(results):
        return _server_matches(base, results, tiers, filters)
    scores = index_scores(search_query)
    if scores is not None:
        rows = (
            filters.apply(base.filter(InIds(F("pk"), list(scores))))
            .annotate(_tier=tiers, _year=ExtractYear("_published"))
            .order_by()
            .values_list("pk", "_tier", "content_type_id", "reviewpage__review_type", "_year")
        )
        ranked = sorted(rows, key=lambda row: (-row[1], scores[row[0]], -row[0]))
        # Without filters these rows are every match: the counts by kind, type and year come from them.
        facts = None if filters.any_active() else [row[2:] for row in ranked]
        return Matches(list(scores), [row[0] for row in ranked], True, facts)
    queryset = results.get_queryset()
    order = list(queryset.query.order_by) or ["-pk"]
    ranked = filters.apply(queryset).annotate(_tier=tiers).order_by("-_tier", *order).values_list("pk", flat=True)
    ranked = list(dict.fromkeys(ranked))
    # With filters, the counts need every match, not only those that pass.
    unranked = base.search(search_query, order_by_relevance=False)
    candidates = list(unranked.get_queryset().values_list("pk", flat=True)) if filters.any_active() else ranked
    return Matches(candidates, ranked, True)


def _server_matches(base: QuerySet, results, tiers, filters: SearchFilters) -> Matches:
    hits = [page.pk for page in results[:MAX_SERVER_MATCHES]]
    rows = filters.apply(base.filter(InIds(F("pk"), hits))).annotate(_tier=tiers)
    tier_of = dict(rows.values_list("pk", "_tier"))
    # sorted() is stable: within a tier the server's order stands.
    return Matches(hits, sorted((pk for pk in hits if pk in tier_of), key=lambda pk: -tier_of[pk]), False)


def index_scores(search_query) -> dict[int, float] | None:
    """{page id: score, lower is better} for every page the index matches, in one query.

    None when the backend is neither Wagtail's SQLite FTS5 nor its PostgreSQL
    backend: then the backend's own ranked queryset is used.
    """
    backend = get_search_backend()
    name = type(backend).__name__
    if connection.vendor == "sqlite" and name == "SQLiteSearchBackend":
        return _sqlite_scores(search_query)
    if connection.vendor == "postgresql" and name == "PostgresSearchBackend":
        return _postgres_scores(search_query, backend)
    return None


class _WeightedBM25(Func):
    """SQLite FTS5 ``bm25()`` with the columns (autocomplete, body, title) weighted 0, 1 and 4."""

    output_field = FloatField()

    def __init__(self, table: str):
        self.table = table
        super().__init__()

    def as_sql(self, compiler, connection, **extra):
        return f"bm25({self.table}, 0.0, 1.0, 4.0)", []


def _sqlite_scores(search_query) -> dict[int, float]:
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry, SQLiteSearchQueryCompiler

    compiler = SQLiteSearchQueryCompiler(Page.objects.none(), search_query)
    expression = compiler.build_search_query(normalize(compiler.query))
    if expression is None:
        return {}
    entries = (
        SQLiteFTSIndexEntry.objects.filter(MatchExpression(compiler.FTS_TABLE_FIELDS, expression))
        .filter(index_entry__content_type_id__in=get_descendants_content_types_pks(Page))
        .annotate(score=_WeightedBM25(SQLiteFTSIndexEntry._meta.db_table))
        .values_list("index_entry__object_id", "score")
    )
    # bm25() is negative: the lower, the better the match.
    return {int(object_id): score for object_id, score in entries}


def _postgres_scores(search_query, backend) -> dict[int, float]:
    from django.contrib.postgres.search import SearchVectorField
    from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler

    compiler = PostgresSearchQueryCompiler(Page.objects.none(), search_query)
    tsquery = compiler.build_tsquery(compiler.query, config=backend.config)
    if tsquery is None:
        return {}
    # The backend's own relevance: title rank times the title norm, plus body rank.
    rank = compiler._build_rank_expression([(F("title"), F("title_norm")), (F("body"), 1.0)], backend.config)
    IndexEntry = get_app_config().get_model("IndexEntry")
    # Content types are checked here, not in SQL: given a condition on them, the
    # planner walks their btree index and concatenates every row's vectors.
    page_types = set(get_descendants_content_types_pks(Page))
    entries = (
        IndexEntry.objects.annotate(
            _vector=CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
        )
        .filter(_vector=tsquery)
        .annotate(_rank=rank)
        .values_list("content_type_id", "object_id", "_rank")
    )
    with _index_scan_only():
        return {int(object_id): -score for content_type, object_id, score in entries if content_type in page_types}


@contextmanager
def _index_scan_only() -> Iterator[None]:
    """Plan the next query with index scans only (PostgreSQL), then restore the setting."""
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        try:
            yield
        finally:
            cursor.execute("SET LOCAL enable_seqscan = on")
