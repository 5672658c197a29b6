"""Recommendations as rows, read from the reviews' stored StreamField data.

The dashboard and the recommendations report both need every recommendation
with its review, agency and status. They are read from ``raw_data`` (the
stored JSON), so a hundred reviews cost the one query that loads them: no
block conversion, no per-review query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .blocks import RecommendationBlock
from .models import ReviewPage

STATUS_LABELS = dict(RecommendationBlock.STATUSES)
NOT_SET = "not_set"
NOT_SET_LABEL = _("Not yet reported")
COMPLETE = "complete"
# The fields a row needs: loading only these keeps the rest of the review out of memory.
ROW_FIELDS = ("id", "title", "live", "publication_date", "review_type", "recommendations", "locale_id")


@dataclass(frozen=True)
class Recommendation:
    review: ReviewPage
    number: int  # its place in the review's list, from 1
    text: str
    agency: str
    status: str  # a key of STATUS_LABELS, or NOT_SET
    status_date: dt.date | None
    status_note: str

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS.get(self.status, NOT_SET_LABEL))

    @property
    def complete(self) -> bool:
        return self.status == COMPLETE

    @property
    def review_title(self) -> str:
        return self.review.title

    @property
    def review_type_label(self) -> str:
        return str(self.review.get_review_type_display())

    @property
    def publication_date(self) -> dt.date:
        return self.review.publication_date


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def recommendations_of(review: ReviewPage) -> list[Recommendation]:
    rows = []
    blocks = [block for block in review.recommendations.raw_data if block.get("type") == "recommendation"]
    for number, block in enumerate(blocks, 1):
        value = block.get("value") or {}
        status = value.get("status") or ""
        rows.append(
            Recommendation(
                review=review,
                number=number,
                text=" ".join(str(value.get("text") or "").split()),
                agency=" ".join(str(value.get("agency") or "").split()),
                status=status if status in STATUS_LABELS else NOT_SET,
                status_date=_date(value.get("status_date")),
                status_note=str(value.get("status_note") or ""),
            )
        )
    return rows


def all_recommendations(reviews: Iterable[ReviewPage]) -> list[Recommendation]:
    return [row for review in reviews for row in recommendations_of(review)]


def source_language_reviews() -> QuerySet:
    """Reviews in the site's main language: a translation repeats its source's recommendations."""
    return ReviewPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def outstanding_oldest_first(reviews: Iterable[ReviewPage]) -> list[Recommendation]:
    """Recommendations not complete, those made longest ago (the review's publication) first."""
    rows = [row for row in all_recommendations(reviews) if not row.complete]
    return sorted(rows, key=lambda row: (row.publication_date, row.review.pk, row.number))
