"""Benchmark: latency of /search/ with 100, 1,000 and 10,000 case reviews.

Run from the project root:

    .venv/bin/python bench/search.py                      # 100 and 1000 reviews, SQLite
    .venv/bin/python bench/search.py 100 1000 10000       # sizes are cumulative
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sscp .venv/bin/python bench/search.py 100 1000 10000

Builds a throwaway database with ``settings.test`` (SQLite in a temporary file,
or ``test_<name>`` on the PostgreSQL server in DATABASE_URL; ``--keep`` keeps it
and reuses the reviews already built), adds reviews with realistic text made from
the demo seed's words until each size is reached, indexes them the way
``manage.py update_index`` does, and then requests a fixed set of searches
through Django's test client, reporting the 50th/95th/99th percentile latency in
milliseconds and the database queries of each request. Nothing here asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.content import index_in_bulk, paragraph, sentence, vocabulary  # noqa: E402

THEMES = [
    ("safe-sleep", "Safe sleep"),
    ("alcohol-and-substance-misuse", "Alcohol and substance misuse"),
    ("information-sharing", "Information sharing"),
    ("discharge-planning", "Discharge planning"),
    ("supporting-parents", "Supporting parents"),
    ("neglect", "Neglect"),
    ("domestic-abuse", "Domestic abuse"),
    ("looked-after-children", "Looked-after children"),
]
REVIEW_TYPES = ["serious_case_review", "practice_review", "rapid_review", "multi_agency_review", "national_analysis"]

# (label, GET parameters): common words, phrases, a theme, a pseudonym, a rare
# word, a misspelling (the empty-results path), filters, a deep page, hostile input.
QUERIES = [
    ("safe sleep", {"q": "safe sleep"}),
    ("alcohol", {"q": "alcohol"}),
    ("discharge planning", {"q": "discharge planning"}),
    ("neglect", {"q": "neglect"}),
    ("domestic abuse", {"q": "domestic abuse"}),
    ("pseudonym", {"q": "Child 77"}),
    ("rare word", {"q": "trampoline"}),
    ("misspelt", {"q": "negelct"}),
    ("filtered", {"q": "safe sleep", "theme": "neglect", "type": "rapid_review", "year": "2019"}),
    ("page 5", {"q": "safe sleep", "page": "5"}),
    ("50,000 chars", {"q": "safe sleep " * 4545}),
]


def setup_django(keep: bool) -> str:
    os.environ["DJANGO_SETTINGS_MODULE"] = "settings.test"
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = "sqlite:///" + str(Path(tempfile.gettempdir()) / "sscp-bench-search-main.sqlite3")
    import django
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / "sscp-bench-search.sqlite3")}
    # On PostgreSQL Django's own test database, test_<name>: one per DATABASE_URL, so
    # a kept 10,000-review database and a throwaway one can live side by side.
    django.setup()
    from django.db import connection

    started = time.perf_counter()
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=keep)
    print(f"database: {connection.vendor} {name} ready in {time.perf_counter() - started:.0f} s")
    return name


def ensure_themes():
    from wagtail.models import Locale

    from sscp_wagtail.learning.models import LearningTheme

    locale = Locale.get_default()
    themes = []
    for slug, name in THEMES:
        theme = LearningTheme.objects.filter(slug=slug, locale=locale).first()
        if theme is None:
            theme = LearningTheme.objects.create(name=name, slug=slug, description=f"Learning on {name.lower()}.")
        themes.append(theme)
    return themes


def build_reviews(target: int) -> None:
    """Adds reviews under one index until there are ``target``; indexes the new ones in bulk."""
    from django.db import transaction
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.models import Site
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from reviews import counts as review_counts
    from reviews.factories import ReviewIndexPageFactory
    from reviews.models import ReviewIndexPage, ReviewPage

    existing = ReviewPage.objects.count()
    if existing >= target:
        return
    home = Site.objects.get(is_default_site=True).root_page
    index = ReviewIndexPage.objects.first() or ReviewIndexPageFactory(parent=home, slug="serious-case-reviews")
    themes = ensure_themes()
    words = vocabulary()
    rng = random.Random(existing)  # noqa: S311 - the same text for the same sizes, run after run
    started = time.perf_counter()
    # Indexing every page as it is saved would dominate: index in bulk afterwards instead.
    post_save.disconnect(post_save_signal_handler, sender=ReviewPage)
    try:
        with transaction.atomic(), disable_reference_index_auto_update(), review_counts.deferred():
            for number in range(existing, target):
                chosen = rng.sample(themes, 2)
                published = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randint(0, 20 * 365))
                review = ReviewPage(
                    title=f"Child {number}",
                    slug=f"child-{number}",
                    review_type=REVIEW_TYPES[number % len(REVIEW_TYPES)],
                    publication_date=published,
                    summary=sentence(rng, words, 30)[:300],
                    how_reviewed=f"<p>{paragraph(rng, words, 3)}</p>",
                    story=[{"type": "paragraph", "value": f"<p>{paragraph(rng, words, 6)}</p>"} for _ in range(3)],
                    learning=[
                        {
                            "type": "learning_theme",
                            "value": {
                                "heading": f"{theme.name}: {sentence(rng, words, 4)}",
                                "themes": [theme.pk],
                                "learning": f"<p>{paragraph(rng, words, 4)}</p>",
                                "practice_points": [],
                                "resources": [],
                            },
                        }
                        for theme in chosen
                    ],
                    recommendations=[
                        {
                            "type": "recommendation",
                            "value": {
                                "text": sentence(rng, words, 15),
                                "agency": "",
                                "status": "",
                                "status_date": None,
                                "status_note": "",
                            },
                        }
                        for _ in range(3)
                    ],
                    live=True,
                    first_published_at=dt.datetime(published.year, published.month, published.day, tzinfo=dt.UTC),
                )
                index.add_child(instance=review)
    finally:
        post_save.connect(post_save_signal_handler, sender=ReviewPage)
    built = time.perf_counter()
    index_in_bulk(ReviewPage.objects.filter(pk__gt=0).order_by("pk")[existing:target])
    print(
        f"built {target - existing} reviews in {built - started:.0f} s, "
        f"indexed them in {time.perf_counter() - built:.0f} s (total {target})"
    )


def measure(repeat: int) -> list[tuple[str, list[float], int, int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    rows = []
    for label, params in QUERIES:
        response = client.get("/search/", params)  # warm: content types, site roots, templates
        assert response.status_code == 200, (label, response.status_code)
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/search/", params)
        queries = len(captured.captured_queries)  # now: later requests clear the log
        timings = []
        for _ in range(repeat):
            start = time.perf_counter_ns()
            client.get("/search/", params)
            timings.append((time.perf_counter_ns() - start) / 1e6)
        count = re.search(rb"(\d+) results? for", response.content)
        rows.append((label, timings, queries, int(count.group(1)) if count else 0))
    return rows


def percentile(values: list[float], pct: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def report(size: int, rows) -> None:
    print(f"\n{size} reviews")
    print(f"{'query':<20}{'results':>8}{'queries':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    everything = []
    for label, timings, queries, results in rows:
        everything.extend(timings)
        print(
            f"{label:<20}{results:>8}{queries:>9}{percentile(timings, 50):>9.1f}"
            f"{percentile(timings, 95):>9.1f}{percentile(timings, 99):>9.1f}"
        )
    print(
        f"{'all queries':<20}{'':>8}{'':>9}{percentile(everything, 50):>9.1f}"
        f"{percentile(everything, 95):>9.1f}{percentile(everything, 99):>9.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000], help="numbers of reviews, ascending")
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per query (default 20)")
    parser.add_argument("--keep", action="store_true", help="keep the database and reuse its reviews next time")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # progress shows as it happens, even when piped
    name = setup_django(args.keep)
    from django.db import connection

    try:
        for size in sorted(args.sizes):
            build_reviews(size)
            report(size, measure(args.repeat))
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    main()
