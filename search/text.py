"""Reading a visitor's query, and showing where it matched: pure Python, no database.

Whatever is typed, only words (letters and digits) reach the search backend, so
quotes, operators and brackets cannot break SQLite's FTS5 syntax or
PostgreSQL's ``to_tsquery``, and a 50,000-character paste costs no more than a
short query. Highlighting escapes every piece of text before it is wrapped in
``<mark>``, so nothing from page content or the query is ever output as HTML.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# What is kept of the query: the box shows at most this much, and no more words
# than this are searched for.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
MAX_TERM_LENGTH = 40

# Words that PostgreSQL's English configuration ignores. They are dropped when
# other words remain, so SQLite (which has no stop words) does not insist on
# "and" or "the" being on the page, and both databases agree.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "has",
        "have",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "were",
        "which",
        "will",
        "with",
    ]
)

_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b", re.IGNORECASE)
# Words that end like these are matched by their stem when highlighting, as
# PostgreSQL's stemmer matches them when searching ("sleeping" finds "sleep").
_SUFFIXES = ("ing", "ies", "ed", "es", "s", "ly")


@dataclass(frozen=True)
class Query:
    """A visitor's query: ``text`` is shown back to them, ``terms`` are searched for."""

    text: str
    terms: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def search_string(self) -> str:
        return " ".join(self.terms)


def _printable(text: str) -> str:
    """Control characters (NUL breaks PostgreSQL) become spaces."""
    return "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)


def parse_query(raw: str | None) -> Query:
    # Cut before doing anything else: the cost is bounded whatever arrives.
    text = " ".join(_printable((raw or "")[: MAX_QUERY_LENGTH * 2]).split())
    if len(text) > MAX_QUERY_LENGTH:
        # Cut at a space, so the last word is not searched for half-typed.
        cut = text[: MAX_QUERY_LENGTH + 1]
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut[:MAX_QUERY_LENGTH]
    words: list[str] = []
    for match in _WORD.finditer(_POSSESSIVE.sub("", text)):
        word = match.group().lower()[:MAX_TERM_LENGTH]
        if word not in words:
            words.append(word)
    meaningful = [word for word in words if word not in STOP_WORDS]
    return Query(text=text, terms=tuple((meaningful or words)[:MAX_TERMS]))


def _stem(term: str) -> str:
    for suffix in _SUFFIXES:
        if len(term) - len(suffix) >= 4 and term.endswith(suffix):
            return term[: -len(suffix)]
    return term


def term_pattern(terms: tuple[str, ...] | list[str]) -> re.Pattern | None:
    """Matches whole words that begin with a term's stem; short terms match whole words only."""
    parts = []
    for term in sorted(set(terms), key=len, reverse=True):
        if len(term) < 3:
            parts.append(rf"{re.escape(term)}(?!\w)")
        else:
            parts.append(rf"{re.escape(_stem(term))}\w*")
    if not parts:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})", re.IGNORECASE)


def mark_terms(text: str, pattern: re.Pattern | None) -> SafeString:
    """``text`` escaped, with each match wrapped in ``<mark>``.

    The text is split at the matches and every piece is escaped on its own, so
    a term can never match inside an entity such as ``&amp;``.
    """
    if not text:
        return mark_safe("")  # noqa: S308 - empty
    if pattern is None:
        return escape(text)
    pieces = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece was escaped above


def excerpt(text: str, pattern: re.Pattern | None, *, length: int = 240, before: int = 80) -> SafeString:
    """The part of ``text`` around the first match, highlighted; empty if nothing matches."""
    if not text or pattern is None:
        return mark_safe("")  # noqa: S308 - empty
    match = pattern.search(text)
    if match is None:
        return mark_safe("")  # noqa: S308 - empty
    start = max(0, match.start() - before)
    if start:
        # Begin at a word boundary, not half way through a word.
        space = text.find(" ", start, match.start())
        start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", match.end(), end)
        end = space if space != -1 else end
    body = mark_terms(text[start:end].strip(" ,;"), pattern)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{body}{suffix}")  # noqa: S308 - body is escaped


# Index text is every searchable field joined with ", ": empty fields leave runs of separators.
_SEPARATORS = re.compile(r"(?:\s*,\s*){2,}")


def clean_index_text(text: str | None) -> str:
    text = _SEPARATORS.sub(", ", text or "")
    return " ".join(text.split()).strip(" ,")
