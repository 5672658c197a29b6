"""Reading queries and highlighting matches: pure functions, table tests."""

import pytest

from search.text import MAX_QUERY_LENGTH, clean_index_text, excerpt, mark_terms, parse_query, term_pattern


@pytest.mark.parametrize(
    ("raw", "text", "terms"),
    [
        ("safe sleep", "safe sleep", ("safe", "sleep")),
        ("  Safe   SLEEP  ", "Safe SLEEP", ("safe", "sleep")),
        ("co-sleeping", "co-sleeping", ("co", "sleeping")),
        ("Baby M's story", "Baby M's story", ("baby", "m", "story")),
        ("Baby M’s story", "Baby M’s story", ("baby", "m", "story")),
        ("safe and sleep", "safe and sleep", ("safe", "sleep")),
        ("AND OR NOT", "AND OR NOT", ("and", "or", "not")),
        ('"', '"', ()),
        ("(((", "(((", ()),
        ("' OR 1=1 --", "' OR 1=1 --", ("1",)),
        ("x_y", "x_y", ("x", "y")),
        ("\x00safe\tsleep\x7f", "safe sleep", ("safe", "sleep")),
        ("sleep sleep SLEEP", "sleep sleep SLEEP", ("sleep",)),
        ("", "", ()),
        (None, "", ()),
        ("Ünïcödé 沙发", "Ünïcödé 沙发", ("ünïcödé", "沙发")),
    ],
)
def test_parse_query(raw, text, terms):
    query = parse_query(raw)
    assert (query.text, query.terms) == (text, terms)


def test_long_queries_are_cut_short():
    query = parse_query("word " * 20_000)
    assert len(query.text) <= MAX_QUERY_LENGTH
    assert query.terms == ("word",)
    many = parse_query(" ".join(f"w{n}" for n in range(50)))
    assert len(many.terms) == 10
    assert parse_query("x" * 50_000).terms == ("x" * 40,)
    # Cut at a word boundary: no half word ("sl") is searched for.
    assert parse_query("safe sleep " * 5_000).terms == ("safe", "sleep")


@pytest.mark.parametrize(
    ("text", "terms", "html"),
    [
        ("Safe sleep at night", ("safe", "sleep"), "<mark>Safe</mark> <mark>sleep</mark> at night"),
        ("sleeping and sleeps", ("sleeping",), "<mark>sleeping</mark> and <mark>sleeps</mark>"),
        ("Asleep", ("sleep",), "Asleep"),
        ("Baby M’s mother", ("m",), "Baby <mark>M</mark>’s mother"),
        ("Mother", ("m",), "Mother"),
        ("<b>safe</b> & amp", ("safe", "amp"), "&lt;b&gt;<mark>safe</mark>&lt;/b&gt; &amp; <mark>amp</mark>"),
        ("a < b", ("lt",), "a &lt; b"),
        ('say "quote"', ("quote",), "say &quot;<mark>quote</mark>&quot;"),
        ("", ("x",), ""),
    ],
)
def test_mark_terms_escapes_every_piece(text, terms, html):
    assert mark_terms(text, term_pattern(terms)) == html


def test_excerpt_is_around_the_first_match():
    text = " ".join(f"word{n}" for n in range(100)) + " the safe sleep guidance " + " ".join("tail" for _ in range(100))
    html = excerpt(text, term_pattern(("safe",)), length=120, before=40)
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>safe</mark> sleep guidance" in html
    assert len(html) < 200
    assert excerpt("nothing here", term_pattern(("safe",))) == ""
    assert excerpt("safe at the start", term_pattern(("safe",))) == "<mark>safe</mark> at the start"


def test_clean_index_text():
    raw = "Make sure, , , of it, ,  "
    assert clean_index_text(raw) == "Make sure, of it"
