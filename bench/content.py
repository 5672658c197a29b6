"""Generated case reviews for the benchmarks, shaped like real ones.

Each review has a summary, a "how it was reviewed" paragraph, a three-part
story, three learning-theme blocks (each on one of the demo's eight themes, with
practice points), five recommendations with a status and two documents from a
shared pool, in text drawn from the words of the demo seed (about 6 KB a
review). The same sizes give the same text on every run.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REVIEW_TYPES = ["serious_case_review", "practice_review", "rapid_review", "multi_agency_review", "national_analysis"]
STATUSES = ["not_started", "in_progress", "complete", ""]
DOCUMENT_KINDS = ["full_report", "executive_summary"]
DOCUMENT_POOL = 40


def vocabulary() -> list[str]:
    text = (ROOT / "home" / "demo" / "serious-case-reviews.txt").read_text(encoding="utf-8")
    return re.findall(r"[A-Za-z][a-z]+", text)


def sentence(rng: random.Random, words: list[str], length: int) -> str:
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


def paragraph(rng: random.Random, words: list[str], sentences: int) -> str:
    return " ".join(sentence(rng, words, rng.randint(8, 20)) for _ in range(sentences))


def ensure_themes():
    """The demo's learning themes (created if the demo content is not loaded)."""
    from wagtail.models import Locale

    from home.demo.content import THEMES
    from sscp_wagtail.learning.models import LearningTheme

    locale = Locale.get_default()
    themes = []
    for slug, name, description in THEMES:
        theme = LearningTheme.objects.filter(slug=slug, locale=locale).first()
        if theme is None:
            theme = LearningTheme.objects.create(name=name, slug=slug, description=description)
        themes.append(theme)
    return themes


def ensure_documents():
    from wagtail.documents import get_document_model

    from home.factories import DocumentFactory

    Document = get_document_model()
    existing = list(Document.objects.filter(title__startswith="Generated review report ").order_by("pk"))
    for number in range(len(existing), DOCUMENT_POOL):
        existing.append(DocumentFactory(title=f"Generated review report {number}"))
    return existing


def review_fields(number: int, rng: random.Random, words: list[str], themes, documents) -> dict:
    published = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randint(0, 20 * 365))
    return {
        "title": f"Child {number}",
        "slug": f"child-{number}",
        "review_type": REVIEW_TYPES[number % len(REVIEW_TYPES)],
        "publication_date": published,
        "incident_year": published.year - 1,
        "summary": sentence(rng, words, 30)[:300],
        "how_reviewed": f"<p>{paragraph(rng, words, 3)}</p>",
        "story": [{"type": "paragraph", "value": f"<p>{paragraph(rng, words, 6)}</p>"} for _ in range(3)],
        "learning": [
            {
                "type": "learning_theme",
                "value": {
                    "heading": f"{theme.name}: {sentence(rng, words, 4)}",
                    "themes": [theme.pk],
                    "learning": f"<p>{paragraph(rng, words, 4)}</p>",
                    "practice_points": [sentence(rng, words, 10) for _ in range(2)],
                    "resources": [],
                },
            }
            for theme in rng.sample(themes, 3)
        ],
        "recommendations": [
            {
                "type": "recommendation",
                "value": {
                    "text": sentence(rng, words, 15),
                    "agency": rng.choice(["Children's social care", "Health", "Police", "Education"]),
                    "status": (status := rng.choice(STATUSES)),
                    "status_date": published + dt.timedelta(days=365) if status else None,
                    "status_note": sentence(rng, words, 10) if status else "",
                },
            }
            for _ in range(5)
        ],
        "documents": [
            {"type": "document", "value": {"kind": kind, "document": document.pk, "title": ""}}
            for kind, document in zip(DOCUMENT_KINDS, rng.sample(documents, 2), strict=True)
        ],
        "live": True,
        "first_published_at": dt.datetime(published.year, published.month, published.day, tzinfo=dt.UTC),
    }


def index_in_bulk(reviews, batch_size: int = 500) -> None:
    """Adds ``reviews`` to the search index in batches, as ``update_index`` does,
    then refreshes PostgreSQL's planner statistics for the new rows."""
    from django.db import connection, transaction
    from wagtail.search.backends import get_search_backend

    from reviews.models import ReviewPage

    search_index = get_search_backend().get_index_for_model(ReviewPage)
    batch = []
    with transaction.atomic():
        for review in reviews.iterator(chunk_size=batch_size):
            batch.append(review)
            if len(batch) == batch_size:
                search_index.add_items(ReviewPage, batch)
                batch = []
        if batch:
            search_index.add_items(ReviewPage, batch)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def build_reviews(target: int, *, log=print) -> None:
    """Adds generated reviews under the site's review index until there are ``target``.

    Pages are indexed for search in bulk afterwards, as ``update_index`` would,
    because indexing each page as it is saved would dominate the build.
    """
    from django.db import transaction
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.models import Site
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from reviews import counts as review_counts
    from reviews.factories import ReviewIndexPageFactory
    from reviews.models import ReviewIndexPage, ReviewPage

    existing = ReviewPage.objects.filter(slug__regex=r"^child-[0-9]+$").count()
    if existing >= target:
        return
    home = Site.objects.get(is_default_site=True).root_page
    index = ReviewIndexPage.objects.first() or ReviewIndexPageFactory(parent=home, slug="serious-case-reviews")
    themes = ensure_themes()
    documents = ensure_documents()
    words = vocabulary()
    rng = random.Random(existing)  # noqa: S311 - the same text for the same sizes, run after run
    started = time.perf_counter()
    post_save.disconnect(post_save_signal_handler, sender=ReviewPage)
    try:
        with transaction.atomic(), disable_reference_index_auto_update(), review_counts.deferred():
            for number in range(existing, target):
                index.add_child(instance=ReviewPage(**review_fields(number, rng, words, themes, documents)))
    finally:
        post_save.connect(post_save_signal_handler, sender=ReviewPage)
    built = time.perf_counter()
    index_in_bulk(ReviewPage.objects.filter(slug__regex=r"^child-[0-9]+$").order_by("pk")[existing:target])
    log(
        f"built {target - existing} reviews in {built - started:.0f} s, "
        f"indexed them in {time.perf_counter() - built:.0f} s ({target} generated reviews in all)"
    )
