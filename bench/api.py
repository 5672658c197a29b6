"""Benchmark: the headless API's listing and detail endpoints.

Run from the project root:

    .venv/bin/python bench/api.py [--reviews 60] [--iterations 100]

Builds a throwaway SQLite database with ``settings.test`` (the migrations take
about half a minute), loads the demo content, adds ``--reviews`` reviews with
learning blocks on two themes, a document and a rich-text link each, and
reports throughput, latency percentiles and database queries per request for
the listing and detail endpoints through Django's test client. Nothing here
asserts: it is for spotting regressions by eye; the query counts are also
pinned by ``tests/api/test_query_counts.py``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.contact_panel import measure, setup_django  # noqa: E402


def add_reviews(count: int) -> int:
    from home.factories import DocumentFactory
    from reviews.factories import ReviewPageFactory, learning_block
    from reviews.models import ReviewIndexPage
    from sscp_wagtail.learning.models import LearningTheme

    index = ReviewIndexPage.objects.get(slug="serious-case-reviews")
    themes = list(LearningTheme.objects.filter(live=True).order_by("pk"))
    last = None
    for number in range(count):
        document = DocumentFactory(title=f"Review {number} report")
        review = ReviewPageFactory(parent=index, title=f"Bench review {number}", live=True)
        review.how_reviewed = f'<p>See <a linktype="page" id="{index.pk}">the review process</a>.</p>'
        review.learning = [
            learning_block(
                "What we learned",
                themes[number % len(themes)],
                themes[(number + 1) % len(themes)],
                learning=f'<p>Read <a linktype="document" id="{document.pk}">the report</a>.</p>',
            )
        ]
        review.documents = [{"type": "document", "value": {"kind": "full_report", "document": document.pk}}]
        review.save_revision().publish()
        last = review.pk
    return last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=60)
    parser.add_argument("--iterations", type=int, default=100)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sscp-bench-") as directory:
        print("Setting up a temporary database (migrations take about 30 s)...", file=sys.stderr)
        setup_django(directory)

        from django.test import Client

        from home.demo.loader import load_demo_content
        from tests.conftest import page_at

        load_demo_content()
        review_id = add_reviews(args.reviews)
        client = Client(HTTP_HOST="localhost")
        baby_m = page_at("/serious-case-reviews/baby-m/").pk
        home = page_at("/").pk

        def get(url: str, **query) -> None:
            response = client.get(url, query)
            assert response.status_code == 200, response.content

        cases = [
            ("pages listing (default)", lambda i: get("/api/v2/pages/")),
            (
                "reviews fields=* limit=20",
                lambda i: get("/api/v2/pages/", type="reviews.ReviewPage", fields="*", limit=20),
            ),
            (
                "reviews ?theme= &year=",
                lambda i: get("/api/v2/pages/", type="reviews.ReviewPage", theme="safe-sleep", year=2019),
            ),
            ("pages ?search=safe sleep", lambda i: get("/api/v2/pages/", search="safe sleep")),
            ("review detail (Baby M)", lambda i: get(f"/api/v2/pages/{baby_m}/")),
            ("review detail (bench)", lambda i: get(f"/api/v2/pages/{review_id}/")),
            ("home page detail", lambda i: get(f"/api/v2/pages/{home}/")),
            ("themes listing", lambda i: get("/api/v2/themes/")),
        ]
        results = [measure(name, run, args.iterations) for name, run in cases]

    header = f"{'benchmark':28} {'req/s':>10} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'queries':>8}"
    print(f"{args.iterations} requests per benchmark, {args.reviews} extra reviews, Python {sys.version.split()[0]}")
    print(header)
    print("-" * len(header))
    for row in results:
        print(
            f"{row['name']:28} {row['per_second']:10.0f} {row['p50']:8.3f} {row['p95']:8.3f} "
            f"{row['p99']:8.3f} {row['max']:8.3f} {row['queries']:>8}"
        )


if __name__ == "__main__":
    main()
