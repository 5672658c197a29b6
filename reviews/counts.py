"""The review index's counts by type, year and theme, kept as a small summary table.

The filters on a review index show how many reviews each option lists, and the
paginator shows how many match. Counted from the reviews, every request would
read every review (at 10,000 reviews those counts were most of the page's
cost). They are kept instead in ``ReviewCount``: for each index, one row per
(review type, year) and one per (review type, year, theme), each with how many
published, public reviews it has. However many reviews there are, a page reads
a few hundred rows at most (five types, the years and the themes).

The rows of an index are worked out again from its reviews, in the same
transaction, whenever something that can change its list changes:

* a review is saved in full (published, unpublished, created, copied: every
  publish path saves the page; saving a draft revision saves only a few
  fields and changes nothing listed) or deleted;
* any page is moved (a review may move between indexes, an index into or out
  of a private section);
* a page's view restriction is added, changed or removed.

What the rows do not hold is read when they are: whether a theme is live and
its name, slug and language. ``rebuild_review_counts`` (and a data migration)
work every index's rows out afresh.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Count
from django.db.models.functions import ExtractYear

# Index ids waiting for their rows while changes are made in bulk (``deferred()``).
_pending: ContextVar[set[int] | None] = ContextVar("review_counts_pending", default=None)
EVERY_INDEX = 0


def rows_for(index) -> list:
    """The summary rows for one index, counted from its published, public reviews."""
    from .models import ReviewCount

    reviews = index.live_reviews().order_by().annotate(_year=ExtractYear("publication_date"))
    rows = [
        ReviewCount(index_id=index.pk, review_type=review_type, year=year, theme_id=None, reviews=n)
        for review_type, year, n in reviews.values_list("review_type", "_year").annotate(n=Count("pk"))
    ]
    rows += [
        ReviewCount(index_id=index.pk, review_type=review_type, year=year, theme_id=theme_id, reviews=n)
        for review_type, year, theme_id, n in reviews.filter(themes__isnull=False)
        .values_list("review_type", "_year", "themes")
        .annotate(n=Count("pk"))
    ]
    return rows


def rebuild(index_ids: Iterable[int] | None = None) -> None:
    """Works out the rows of these indexes (every index when None) from their reviews."""
    from .models import ReviewCount, ReviewIndexPage

    pending = _pending.get()
    if pending is not None:
        pending.update([EVERY_INDEX] if index_ids is None else index_ids)
        return
    indexes = ReviewIndexPage.objects.all() if index_ids is None else ReviewIndexPage.objects.filter(pk__in=index_ids)
    with transaction.atomic():
        stale = ReviewCount.objects.all()
        if index_ids is not None:
            stale = stale.filter(index_id__in=list(index_ids))
        stale.delete()
        rows = [row for index in indexes.only("id", "path", "depth") for row in rows_for(index)]
        ReviewCount.objects.bulk_create(rows, batch_size=500)


def rebuild_for_path(path: str) -> None:
    """The rows of the index at ``path`` (a review's parent), if there is one."""
    from .models import ReviewIndexPage

    rebuild(list(ReviewIndexPage.objects.filter(path=path).values_list("pk", flat=True)))


@contextmanager
def deferred() -> Iterator[None]:
    """Many changes at once (generated content, imports): each index's rows once, at the end."""
    if _pending.get() is not None:
        yield
        return
    token = _pending.set(set())
    try:
        yield
        pending = _pending.get()
    finally:
        _pending.reset(token)
    if pending:
        rebuild(None if EVERY_INDEX in pending else pending)


def forget_index(index_id: int) -> None:
    from .models import ReviewCount

    ReviewCount.objects.filter(index_id=index_id).delete()


# Signal handlers, connected in ReviewsConfig.ready().


def on_page_delete(sender, instance, **kwargs) -> None:
    from .models import ReviewIndexPage, ReviewPage

    if isinstance(instance, ReviewPage):
        rebuild_for_path(instance.path[: -instance.steplen])
    elif isinstance(instance, ReviewIndexPage):
        forget_index(instance.pk)


def on_theme_delete(sender, instance, **kwargs) -> None:
    from .models import ReviewCount

    ReviewCount.objects.filter(theme_id=instance.pk).delete()


def on_page_move(sender, **kwargs) -> None:
    rebuild()


def on_view_restriction_change(sender, **kwargs) -> None:
    rebuild()


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction
    from wagtail.signals import post_page_move

    from sscp_wagtail.learning.models import LearningTheme

    from .models import ReviewIndexPage, ReviewPage

    post_delete.connect(on_theme_delete, sender=LearningTheme, dispatch_uid="review-counts-theme-delete")
    for model in (ReviewPage, ReviewIndexPage):
        post_delete.connect(on_page_delete, sender=model, dispatch_uid=f"review-counts-delete-{model.__name__}")
    post_page_move.connect(on_page_move, dispatch_uid="review-counts-move")
    post_save.connect(on_view_restriction_change, sender=PageViewRestriction, dispatch_uid="review-counts-privacy")
    post_delete.connect(
        on_view_restriction_change, sender=PageViewRestriction, dispatch_uid="review-counts-privacy-delete"
    )
