"""Spelling tolerance on PostgreSQL: "negelct" is searched as "neglect".

When a query finds nothing, each word is stemmed as the backend stems it, and
a stem the search index lacks is replaced by the closest one it holds
(PostgreSQL's ``ts_stat`` over the index, read once an hour and cached), if
one is spelled much like it.

Why not the backend's own fuzzy search (``wagtail.search.query.Fuzzy``, with
pg_trgm)? It compares the query with the whole text of every page: 9.6 seconds
per search at 10,000 reviews, and any misspelling would trigger it. Correcting
the words against the vocabulary costs a query to stem them and a few milliseconds.

SQLite's FTS5 index offers no vocabulary without another virtual table, so on
SQLite an empty result falls back to pages with any of the words instead.
"""

from __future__ import annotations

import difflib

from django.core.cache import cache
from django.db import connection
from modelsearch.conf import get_app_config
from wagtail.search.backends import get_search_backend

CACHE_KEY = "sscp-search:vocabulary"
CACHE_SECONDS = 60 * 60
# How alike a word must be to replace the one typed (difflib ratio, 0 to 1).
CUTOFF = 0.75


def supported() -> bool:
    return connection.vendor == "postgresql" and type(get_search_backend()).__name__ == "PostgresSearchBackend"


def vocabulary() -> dict[str, int]:
    """{word: number of index entries holding it}, as PostgreSQL's parser stemmed them."""
    words = cache.get(CACHE_KEY)
    if words is None:
        table = connection.ops.quote_name(get_app_config().get_model("IndexEntry")._meta.db_table)
        with connection.cursor() as cursor:
            # The table name comes from the model, not from input.
            cursor.execute(f"SELECT word, ndoc FROM ts_stat('SELECT title || body FROM {table}')")  # noqa: S608
            words = {word: count for word, count in cursor.fetchall() if word.isalpha() and len(word) > 2}
        cache.set(CACHE_KEY, words, CACHE_SECONDS)
    return words


def stems(terms: tuple[str, ...]) -> dict[str, str]:
    """{term: its lexeme}, as the backend's text-search configuration makes it ("planing": "plane")."""
    config = get_search_backend().config or "english"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT term, (SELECT min(lexeme) FROM unnest(to_tsvector(%s::regconfig, term))) "
            "FROM unnest(%s::text[]) AS term",
            [config, list(terms)],
        )
        return {term: lexeme for term, lexeme in cursor.fetchall() if lexeme}


def correct(terms: tuple[str, ...], words: dict[str, int]) -> tuple[str, ...]:
    """The terms with each one the index lacks replaced by the index's closest word, if one is close."""
    lexemes = stems(terms)
    corrected = []
    for term in terms:
        lexeme = lexemes.get(term)
        if lexeme is None or lexeme in words or len(lexeme) < 4 or lexeme.isdigit():
            corrected.append(term)  # a stop word, a known word, or too short to guess at
            continue
        candidates = [word for word in words if word[0] == lexeme[0] and abs(len(word) - len(lexeme)) <= 2]
        best = max(
            ((difflib.SequenceMatcher(None, lexeme, word).ratio(), words[word], word) for word in candidates),
            default=(0.0, 0, term),
        )
        corrected.append(best[2] if best[0] >= CUTOFF else term)
    return tuple(dict.fromkeys(corrected))
