"""The public search page: what it finds, in what order, and what it never shows."""

import datetime as dt
import time

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction
from wagtail.search.models import IndexEntry

from home.demo.loader import load_demo_content
from home.factories import DocumentFactory, StandardPageFactory
from search import spelling
from search.engine import index_text_field
from tests.conftest import page_at, soup

from .conftest import filter_options, promoted_titles, result_count, result_titles

pytestmark = pytest.mark.django_db


# Ranking and what is indexed


def test_safe_sleep_finds_baby_m_first_among_reviews_on_the_demo(demo, client):
    response = client.get("/search/", {"q": "safe sleep"})
    assert response.status_code == 200
    titles = result_titles(response)
    reviews = [
        title for title in titles if title in {"Baby M", "Child E", "Jaiden", "Analysis of serious case reviews"}
    ]
    assert reviews[0] == "Baby M"
    # The briefing has the words in its title, so it comes first of all.
    assert titles[0] == "7 minute briefing: safe sleep"
    # Baby M's result highlights the match, escaped, in <mark>.
    baby_m = next(li for li in soup(response).select("li.search-result") if "Baby M" in li.h3.get_text())
    assert [mark.get_text().lower() for mark in baby_m.select("mark")][:2] == ["safe", "sleep"]


def test_ranking_puts_titles_then_themes_before_body_text(client, library):
    titles = result_titles(client.get("/search/", {"q": "safe sleep"}))
    # Title match, then the review on the "Safe sleep" theme, then a body-only mention.
    assert titles == ["7 minute briefing: safe sleep", "Baby M", "Jaiden"]


def test_a_theme_name_finds_the_reviews_on_that_theme(client, library):
    titles = result_titles(client.get("/search/", {"q": "domestic abuse"}))
    # Jaiden's text never says "domestic abuse": only its theme does.
    assert titles == ["Jaiden"]


def test_review_type_pseudonym_and_recommendation_text_are_indexed(demo, client):
    assert result_titles(client.get("/search/", {"q": "Jaiden"}))[0] == "Jaiden"
    assert result_titles(client.get("/search/", {"q": "Maureen Noble"})) == ["Child E"]
    assert "Baby M" in result_titles(client.get("/search/", {"q": "neonatal units"}))
    assert "Analysis of serious case reviews" in result_titles(client.get("/search/", {"q": "national analysis"}))


def test_recommendations_are_indexed_and_a_blank_status_adds_no_text(client, make_review):
    def recommendation(text, status):
        value = {"text": text, "agency": "", "status": status, "status_date": None, "status_note": ""}
        return {"type": "recommendation", "value": value}

    review = make_review("Child Q", recommendations=[recommendation("Share discharge plans.", "")])
    make_review("Child R", recommendations=[recommendation("Audit referrals.", "in_progress")])
    assert result_titles(client.get("/search/", {"q": "discharge plans"})) == ["Child Q"]
    # The blank status was indexed as Wagtail's placeholder, which then matched searches.
    assert result_titles(client.get("/search/", {"q": "select an option"})) == []
    text = IndexEntry.objects.filter(object_id=str(review.pk)).values_list(index_text_field(), flat=True).get()
    assert "discharge plans" in text and "Select an option" not in text
    # A status that is set is still searchable by its label.
    assert result_titles(client.get("/search/", {"q": "in progress"})) == ["Child R"]


def test_heading_levels_callout_styles_and_document_kinds_are_not_indexed(client, home, make_review):
    """Choices of how something is shown are not words on the page: only what readers read is searched."""
    page = StandardPageFactory(
        parent=home,
        title="Escalation",
        body=[
            {"type": "heading", "value": {"text": "Who decides", "level": "h3"}},
            {"type": "callout", "value": {"heading": "", "text": "<p>Call the duty team.</p>", "style": "warning"}},
        ],
    )
    review = make_review("Child Q", summary="A review.")
    review.documents = [{"type": "document", "value": {"kind": "executive_summary", "document": DocumentFactory().pk}}]
    review.save_revision().publish()
    for label in ["sub-section h3", "warning", "executive summary"]:
        assert result_titles(client.get("/search/", {"q": label})) == [], label
    assert result_titles(client.get("/search/", {"q": "who decides"})) == ["Escalation"]
    assert result_titles(client.get("/search/", {"q": "duty team"})) == ["Escalation"]
    text = IndexEntry.objects.filter(object_id=str(page.pk)).values_list(index_text_field(), flat=True).get()
    assert "Who decides" in text and "Sub-section" not in text and "Warning" not in text


def test_result_shows_type_date_summary_and_snippet(client, library):
    response = client.get("/search/", {"q": "advice"})
    item = soup(response).select_one("li.search-result")
    assert item.h3.get_text() == "Baby M"
    meta = item.select_one(".search-result__meta")
    assert meta.select_one(".search-result__type").get_text() == "Serious Case Review"
    assert meta.time["datetime"] == "2019-07-01"
    assert "sharing a bed" in item.select_one(".search-result__summary").get_text()
    excerpt = item.select_one(".search-result__excerpt")
    assert [mark.get_text() for mark in excerpt.select("mark")] == ["advice"]

    briefing = soup(client.get("/search/", {"q": "sofa"})).select("li.search-result")
    labels = {li.h3.get_text(): li.select_one(".search-result__type").get_text() for li in briefing}
    assert labels["7 minute briefing: safe sleep"] == "7-minute briefing"


def test_standard_pages_are_labelled_page(client, home):
    StandardPageFactory(parent=home, title="Escalation policy", introduction="How to escalate a concern.")
    item = soup(client.get("/search/", {"q": "escalation"})).select_one("li.search-result")
    assert item.select_one(".search-result__type").get_text() == "Page"


def test_page_content_is_escaped_and_only_marks_are_added(client, home):
    StandardPageFactory(parent=home, title="Zebra <b>bold</b>", introduction="<script>alert(1)</script> zebra & co")
    body = client.get("/search/", {"q": "zebra amp"}).content.decode()
    assert "<script>alert(1)" not in body and "<b>bold" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>zebra</mark> &amp; co" in body


# Never drafts, private pages or another locale


def test_never_returns_drafts_or_private_pages(client, home, make_review, themes, library):
    StandardPageFactory(parent=home, title="Zebra draft", live=False)
    private = StandardPageFactory(parent=home, title="Zebra private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    StandardPageFactory(parent=home, title="Zebra public")
    make_review("Zebra review draft", publish=False, learning=[("Zebra", [themes["domestic-abuse"]], "<p>z</p>")])
    private_review = make_review("Zebra review private", learning=[("Zebra", [themes["domestic-abuse"]], "<p>z</p>")])
    PageViewRestriction.objects.create(page=private_review, restriction_type=PageViewRestriction.PASSWORD, password="x")

    response = client.get("/search/", {"q": "Zebra"})
    assert result_titles(response) == ["Zebra public"]
    assert "1 result" in result_count(response)
    # Nor through the filters' counts.
    assert filter_options(response, "Learning theme") == {}
    assert filter_options(client.get("/search/", {"q": "Zebra", "theme": "domestic-abuse"}), "Learning theme") == {
        "Domestic abuse (0)": True
    }
    assert result_titles(client.get("/search/", {"q": "Zebra", "kind": "review"})) == []


def test_unpublished_changes_are_not_searched(client, library):
    review = library["child-e"]
    review.summary = "Secret draft wording about a trampoline."
    review.save_revision()  # saved, not published
    assert result_titles(client.get("/search/", {"q": "trampoline"})) == []
    assert result_titles(client.get("/search/", {"q": "head injury"})) == ["Child E"]


def test_a_page_under_a_private_section_is_private_too(client, home):
    section = StandardPageFactory(parent=home, title="Staff area")
    StandardPageFactory(parent=section, title="Quokka rota")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert result_titles(client.get("/search/", {"q": "quokka"})) == []


@override_settings(
    LANGUAGES=[("en-gb", "English"), ("fr", "French")],
    WAGTAIL_CONTENT_LANGUAGES=[("en-gb", "English"), ("fr", "French")],
)
def test_search_stays_in_the_active_locale(client, home, library):
    french = Locale.objects.create(language_code="fr")
    french_home = home.copy_for_translation(french)
    french_home.save_revision().publish()
    french_page = StandardPageFactory(parent=home, title="Platypus guidance").copy_for_translation(french)
    french_page.title = "Ornithorynque platypus"
    french_page.save_revision().publish()

    assert result_titles(client.get("/search/", {"q": "platypus"})) == ["Platypus guidance"]
    with translation.override("fr"):
        from search.engine import SiteSearch

        outcome = SiteSearch({"q": "platypus"}).run()
    assert [result.page.title for result in outcome.items] == ["Ornithorynque platypus"]


def test_form_submissions_are_not_searchable(client, home):
    from wagtail.contrib.forms.models import FormSubmission

    page = StandardPageFactory(parent=home, title="Referral")
    FormSubmission.objects.create(page=page, form_data={"child": "Wombat Smith"})
    assert result_titles(client.get("/search/", {"q": "wombat"})) == []


# Hostile input: always a normal page, quickly, with the query escaped


HOSTILE = [
    "x" * 50_000,
    "safe sleep " * 5_000,
    '"',
    "*",
    "AND OR NOT",
    "(((",
    "'",
    "' OR 1=1 --",
    "'; DROP TABLE wagtailcore_page; --",
    'NEAR(safe sleep) title:"x" -baby +m ^2 ~',
    "<script>alert('x')</script>",
    "\x00\x01 safe\x7f",
    "ßafe Ｓleep 😀 沙发",
    "_ _ _",
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_get_a_normal_page(client, library, query):
    client.get("/search/", {"q": "warm"})  # the first request of a process loads templates and content types
    started = time.perf_counter()
    response = client.get("/search/", {"q": query})
    assert time.perf_counter() - started < 1.0  # about 20 ms here: a shared machine gets a wide margin
    assert response.status_code == 200
    assert soup(response).select_one("[role=status]")
    page = soup(response)
    box = page.find("input", {"name": "q"})["value"]
    assert len(box) <= 200
    assert "<script>alert" not in response.content.decode()
    assert page.find("meta", {"name": "robots"})["content"] == "noindex"


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "0"},
        {"page": "-1"},
        {"page": "999999"},
        {"page": "9" * 5000},
        {"page": "1.5"},
        {"page": ""},
        {"kind": "nonsense"},
        {"type": "<b>"},
        {"theme": "no-such-theme"},
        {"year": "20199"},
        {"year": "abcd"},
        {"year": "0001"},
        {"kind": "review", "type": "rapid_review", "theme": "x" * 5000, "year": "2019"},
    ],
    ids=lambda params: ",".join(f"{k}={v[:10]}" for k, v in params.items()),
)
def test_bad_parameters_get_a_normal_page(client, library, params):
    response = client.get("/search/", {"q": "safe sleep", **params})
    assert response.status_code == 200
    assert result_titles(response) or soup(response).select_one(".search-layout__results")


def test_unknown_filters_are_ignored_and_said_so(client, library):
    response = client.get("/search/", {"q": "safe sleep", "theme": "no-such-theme", "kind": "x"})
    assert result_titles(response) == ["7 minute briefing: safe sleep", "Baby M", "Jaiden"]
    assert "not recognised" in soup(response).select_one(".search-notice").get_text()


def test_the_query_is_kept_in_the_box_and_escaped(client, library):
    response = client.get("/search/", {"q": 'safe "sleep" <i>'})
    assert soup(response).find("input", {"name": "q"})["value"] == 'safe "sleep" <i>'
    assert "&lt;i&gt;" in response.content.decode() and "<i>" not in response.content.decode()


def test_empty_and_punctuation_only_queries(client, library):
    empty = client.get("/search/", {"q": ""})
    assert empty.status_code == 200 and result_titles(empty) == []
    punctuation = client.get("/search/", {"q": "(((*"})
    assert result_titles(punctuation) == []
    assert "has no letters or numbers" in result_count(punctuation)


def test_only_get_and_head_are_allowed(client):
    assert client.post("/search/", {"q": "x"}).status_code == 405
    assert client.head("/search/", {"q": "x"}).status_code == 200


# Pagination


@override_settings(SSCP_SEARCH_PAGE_SIZE=2)
@pytest.mark.parametrize(
    ("page", "expected_page", "titles"),
    [
        ("1", 1, ["Kiwi 4", "Kiwi 3"]),
        ("2", 2, ["Kiwi 2", "Kiwi 1"]),
        ("3", 3, ["Kiwi 0"]),
        ("4", 3, ["Kiwi 0"]),
        ("999999", 3, ["Kiwi 0"]),
        ("abc", 1, ["Kiwi 4", "Kiwi 3"]),
        ("0", 1, ["Kiwi 4", "Kiwi 3"]),
    ],
)
def test_pagination(client, home, page, expected_page, titles):
    for number in range(5):
        StandardPageFactory(parent=home, title=f"Kiwi {number}", introduction="Kiwi.")
    response = client.get("/search/", {"q": "kiwi", "page": page})
    assert result_titles(response) == titles
    assert f"page {expected_page} of 3" in result_count(response)
    assert soup(response).select_one("ol.search-results")["start"] == str(2 * expected_page - 1)


def test_very_many_matches_are_shown_newest_first_within_each_tier(client, make_review, monkeypatch):
    """Above RELEVANCE_LIMIT matches, relevance (ts_rank, bm25) is not worked out: a tier's pages come newest first."""
    make_review("Child old", publication_date=dt.date(2010, 1, 1), summary="Kestrel kestrel kestrel kestrel.")
    make_review("Child new", publication_date=dt.date(2020, 1, 1), summary="A kestrel.")
    make_review("Child mid", publication_date=dt.date(2015, 1, 1), summary="Kestrel, kestrel.")
    make_review("Kestrel", publication_date=dt.date(2012, 1, 1), summary="Another review.")
    assert result_titles(client.get("/search/", {"q": "kestrel"})) == ["Kestrel", "Child old", "Child mid", "Child new"]
    monkeypatch.setattr("search.matching.RELEVANCE_LIMIT", 3)
    assert result_titles(client.get("/search/", {"q": "kestrel"})) == ["Kestrel", "Child new", "Child mid", "Child old"]
    with override_settings(SSCP_SEARCH_PAGE_SIZE=3):
        for page in ["2", "3", "999999"]:
            response = client.get("/search/", {"q": "kestrel", "page": page})
            assert result_titles(response) == ["Child old"]
            assert result_count(response).startswith("4 results")


@override_settings(SSCP_SEARCH_PAGE_SIZE=2)
def test_pagination_links_keep_the_query_and_filters(client, home):
    for number in range(5):
        StandardPageFactory(parent=home, title=f"Kiwi {number}", introduction="Kiwi.")
    response = client.get("/search/", {"q": "kiwi", "kind": "page", "page": "2"})
    links = {a.get_text(): a["href"] for a in soup(response).select(".pagination a")}
    assert links == {"Previous page": "?q=kiwi&kind=page&page=1", "Next page": "?q=kiwi&kind=page&page=3"}


# Filters and counts


def test_filters_show_counts_and_combine(client, library):
    response = client.get("/search/", {"q": "sleep"})
    assert result_titles(response) == ["7 minute briefing: safe sleep", "Baby M", "Jaiden"]
    assert filter_options(response, "Type of page") == {"Case reviews (2)": False, "7-minute briefings (1)": False}
    assert filter_options(response, "Type of review") == {"Serious Case Review (1)": False, "Rapid Review (1)": False}
    assert filter_options(response, "Learning theme") == {
        "Domestic abuse (1)": False,
        "Neglect (1)": False,
        "Safe sleep (2)": False,
    }
    assert list(filter_options(response, "Year published"))[1:] == ["2019 (1)", "2018 (1)"]

    by_theme = client.get("/search/", {"q": "sleep", "theme": "neglect"})
    assert result_titles(by_theme) == ["Jaiden"]
    # The other filters count within the chosen theme; the chosen one stays, to be removed.
    assert filter_options(by_theme, "Year published") == {"2018 (1)": False}
    assert filter_options(by_theme, "Type of page") == {"Case reviews (1)": False}
    assert filter_options(by_theme, "Learning theme") == {
        "Domestic abuse (1)": False,
        "Neglect (1)": True,
        "Safe sleep (2)": False,
    }
    reviews = client.get("/search/", {"q": "sleep", "kind": "review"})
    assert result_titles(reviews) == ["Baby M", "Jaiden"]
    assert filter_options(reviews, "Learning theme")["Safe sleep (1)"] is False
    combined = client.get("/search/", {"q": "sleep", "kind": "review", "year": "2019"})
    assert result_titles(combined) == ["Baby M"]
    assert filter_options(combined, "Type of review") == {"Serious Case Review (1)": False}
    assert filter_options(combined, "Type of page") == {"Case reviews (1)": True}
    assert result_titles(client.get("/search/", {"q": "sleep", "type": "rapid_review"})) == ["Jaiden"]
    # A theme and a year: each still offers the other's choices.
    theme_and_year = client.get("/search/", {"q": "sleep", "theme": "safe-sleep", "year": "2019"})
    assert result_titles(theme_and_year) == ["Baby M"]
    this_year = str(dt.date.today().year)
    assert filter_options(theme_and_year, "Year published") == {f"{this_year} (1)": False, "2019 (1)": True}
    assert filter_options(theme_and_year, "Learning theme") == {"Safe sleep (1)": True}
    assert filter_options(theme_and_year, "Type of page") == {"Case reviews (1)": False}
    assert result_titles(client.get("/search/", {"q": "sleep", "kind": "briefing"})) == [
        "7 minute briefing: safe sleep"
    ]
    assert result_titles(client.get("/search/", {"q": "sleep", "kind": "page"})) == []
    none = client.get("/search/", {"q": "sleep", "theme": "neglect", "year": "2019"})
    assert result_titles(none) == []
    assert "Search again without filters" in none.content.decode()


def test_filter_links_are_plain_get_links_that_keep_the_query(client, library):
    response = client.get("/search/", {"q": "sleep", "theme": "neglect"})
    links = {a.get_text(" ", strip=True): a["href"] for a in soup(response).select(".search-filters a")}
    assert links["Neglect (1) , selected: remove this filter"] == "?q=sleep"
    assert links["2018 (1)"] == "?q=sleep&theme=neglect&year=2018"
    assert links["Clear all filters"] == "?q=sleep"


def test_briefings_count_under_their_themes(client, library):
    response = client.get("/search/", {"q": "safe sleep", "theme": "safe-sleep"})
    assert result_titles(response) == ["7 minute briefing: safe sleep", "Baby M"]


# Promotions


def test_demo_safe_sleep_shows_baby_m_highlighted_below_the_promoted_briefing(demo, client):
    """The demo as `make run` builds it: the loader adds the editors' picks."""
    response = client.get("/search/?q=safe+sleep")
    page = soup(response)
    assert promoted_titles(response) == ["7 minute briefing: safe sleep"]
    promoted = page.select_one(".search-promotions a")
    assert promoted["href"] == "/serious-case-reviews/7-minute-briefing-safe-sleep/"
    baby_m = next(li for li in page.select("li.search-result") if li.h3.get_text() == "Baby M")
    snippet = baby_m.select_one(".search-result__excerpt")
    assert {mark.get_text().lower() for mark in snippet.select("mark")} >= {"safe", "sleep"}
    html = response.content.decode()
    assert html.index('class="search-promotions"') < html.index('class="search-results"')


def test_demo_promotions_are_made_once_and_match_whatever_the_case(demo, client):
    from search.demo import ensure_search_promotions

    assert SearchPromotion.objects.count() == 2
    assert ensure_search_promotions() == []  # the loader made them; running again adds nothing
    load_demo_content()
    assert SearchPromotion.objects.count() == 2
    for query in ["Safe  Sleep", "co-sleeping", "CO-SLEEPING!"]:
        assert promoted_titles(client.get("/search/", {"q": query})) == ["7 minute briefing: safe sleep"], query


def test_demo_promotions_leave_editors_own_alone(demo):
    from search.demo import ensure_search_promotions

    SearchPromotion.objects.all().delete()
    mine = SearchPromotion.objects.create(query=Query.get("safe sleep"), external_link_url="https://example.org/")
    assert len(ensure_search_promotions()) == 2
    assert SearchPromotion.objects.filter(pk=mine.pk).exists()


def test_promotions_of_drafts_private_pages_or_other_locales_are_hidden(client, home, library):
    draft = StandardPageFactory(parent=home, title="Draft pick", live=False)
    private = StandardPageFactory(parent=home, title="Private pick")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    live = StandardPageFactory(parent=home, title="Live pick")
    query = Query.get("safe sleep")
    for order, page in enumerate([draft, private, live]):
        SearchPromotion.objects.create(query=query, page=page, sort_order=order)
    SearchPromotion.objects.create(
        query=query, external_link_url="https://www.lullabytrust.org.uk/", external_link_text="The Lullaby Trust"
    )
    response = client.get("/search/", {"q": "safe sleep"})
    assert promoted_titles(response) == ["Live pick", "The Lullaby Trust"]
    # Not repeated on later pages or when filtering.
    assert promoted_titles(client.get("/search/", {"q": "safe sleep", "kind": "review"})) == []


# Helpful empty results


def test_no_results_suggests_similar_themes_and_who_to_call(client, library):
    response = client.get("/search/", {"q": "negligence"})
    page = soup(response)
    assert result_titles(response) == []
    assert "0 results" in result_count(response)
    suggestions = page.select(".search-empty ul a")
    assert [(a.get_text(), a["href"]) for a in suggestions[:1]] == [
        ("Neglect", "/serious-case-reviews/themes/neglect/")
    ]
    worried = page.select_one(".search-worried")
    assert "Worried about a child?" in worried.get_text()
    assert worried.find("a", href="tel:999")


@pytest.fixture
def respelling(db):
    """Whether this database respells (PostgreSQL's ts_stat): decided when the test runs, not at import."""
    return spelling.supported()


def test_misspellings_are_respelled_on_postgresql(client, library, respelling):
    if not respelling:
        pytest.skip("respelling uses PostgreSQL's ts_stat")
    response = client.get("/search/", {"q": "negelct"})
    assert set(result_titles(response)) == {"Child E", "Jaiden"}
    assert "spelled like yours" in soup(response).select_one(".search-notice").get_text()
    # The respelled word is what is highlighted; the box keeps what was typed.
    assert [mark.get_text() for mark in soup(response).select("li.search-result h3 mark")] == []
    assert soup(response).select(".search-result__excerpt mark")[0].get_text().lower() == "neglect"
    assert soup(response).find("input", {"name": "q"})["value"] == "negelct"
    assert not soup(response).select_one(".search-worried")


def test_misspellings_find_nothing_on_sqlite_and_say_why(client, library, respelling):
    if respelling or connection.vendor != "sqlite":
        pytest.skip("only SQLite has no vocabulary to respell from")
    response = client.get("/search/", {"q": "negelct"})
    assert result_titles(response) == []
    assert "whole word" in soup(response).select_one(".search-empty").get_text()


def test_no_page_with_every_word_falls_back_to_any_word(client, library):
    response = client.get("/search/", {"q": "sofa xylophone"})
    assert sorted(result_titles(response)) == ["7 minute briefing: safe sleep", "Jaiden"]
    assert "at least one of them" in soup(response).select_one(".search-notice").get_text()


def test_nothing_at_all(client, library):
    response = client.get("/search/", {"q": "xylophone"})
    assert result_titles(response) == []
    assert "0 results" in result_count(response)
    assert soup(response).select_one(".search-worried")


def test_matching_theme_is_offered_above_results(client, library):
    links = soup(client.get("/search/", {"q": "Safe sleep"})).select(".search-themes a")
    assert [(a.get_text(), a["href"]) for a in links] == [("Safe sleep", "/serious-case-reviews/themes/safe-sleep/")]


# Documents


def test_documents_in_public_collections_are_listed(client, library):
    DocumentFactory(title="Safe sleep leaflet", file_size=2_600_000)
    staff = Collection.get_first_root_node().add_child(name="Staff only")
    DocumentFactory(title="Safe sleep staff notes", collection=staff)
    CollectionViewRestriction.objects.create(collection=staff, restriction_type=CollectionViewRestriction.LOGIN)
    response = client.get("/search/", {"q": "safe sleep"})
    documents = [a.get_text() for a in soup(response).select(".search-documents a")]
    assert documents == ["Safe sleep leaflet"]
    assert "(PDF, 2.5\xa0MB)" in soup(response).select_one(".search-documents").get_text()


# Query logging


def test_queries_are_not_logged_by_default(client, library):
    client.get("/search/", {"q": "Baby M"})
    assert not Query.objects.exists() and not QueryDailyHits.objects.exists()


@override_settings(SSCP_SEARCH_LOG_QUERIES=True, SSCP_SEARCH_PAGE_SIZE=1)
def test_queries_are_logged_as_words_and_counts_when_turned_on(client, library):
    client.get("/search/", {"q": "Safe  SLEEP!"})
    client.get("/search/", {"q": "safe sleep"})
    client.get("/search/", {"q": "safe sleep", "page": "2"})  # later pages are not counted again
    assert list(Query.objects.values_list("query_string", flat=True)) == ["safe sleep"]
    assert Query.objects.get().hits == 2
    assert QueryDailyHits.objects.get().date == dt.date.today()


# Page furniture


def test_search_page_is_noindex_and_accessible(client, library):
    response = client.get("/search/", {"q": "safe sleep"})
    assert response["X-Robots-Tag"] == "noindex"
    page = soup(response)
    assert page.find("meta", {"name": "robots"})["content"] == "noindex"
    form = page.find("form", {"role": "search"})
    field = form.find("input", {"name": "q"})
    assert form.find("label", {"for": field["id"]})
    assert page.find(attrs={"role": "status"}).get_text(strip=True).startswith("3 results")
    levels = [int(h.name[1]) for h in page.select("main h1, main h2, main h3, main h4")]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_search_description_of_page_via_demo_briefing(demo, client):
    """The demo's briefing shows its search description as its summary."""
    response = client.get("/search/", {"q": "deadly mix"})
    item = soup(response).select_one("li.search-result")
    assert item.h3.get_text() == "7 minute briefing: safe sleep"
    summary = item.select_one(".search-result__summary").get_text()
    assert summary == page_at("/serious-case-reviews/7-minute-briefing-safe-sleep/").search_description


def test_a_search_server_path_gives_the_same_page(client, library, monkeypatch):
    """OpenSearch/Elasticsearch hand back ids, not a queryset: the same filters and counts follow."""
    in_database = client.get("/search/", {"q": "sleep", "kind": "review"})
    monkeypatch.setattr("search.matching.backend_returns_queryset", lambda results: False)
    from_ids = client.get("/search/", {"q": "sleep", "kind": "review"})
    assert result_titles(from_ids) == result_titles(in_database) == ["Baby M", "Jaiden"]
    for group in ["Type of page", "Type of review", "Learning theme", "Year published"]:
        assert filter_options(from_ids, group) == filter_options(in_database, group)
    # Without the database's index text there is no excerpt, but the summary is still highlighted.
    assert not soup(from_ids).select(".search-result__excerpt")


def test_the_backends_own_ranked_queryset_gives_the_same_order(client, library, monkeypatch):
    """On SQLite, scores are read straight from FTS5; the backend's slower ordering agrees."""
    direct = [result_titles(client.get("/search/", {"q": q})) for q in ["safe sleep", "child", "sofa"]]
    monkeypatch.setattr("search.matching.uses_sqlite_index", lambda: False)
    generic = [result_titles(client.get("/search/", {"q": q})) for q in ["safe sleep", "child", "sofa"]]
    assert [sorted(titles) for titles in generic] == [sorted(titles) for titles in direct]
    assert generic[0] == direct[0] == ["7 minute briefing: safe sleep", "Baby M", "Jaiden"]
