"""What empties the page cache (and a CDN or Varnish in front, if configured).

Connected once from the core app's ``ready()``. Page drafts and revisions do
not purge: only what changes the live site does.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from . import page_cache

logger = logging.getLogger(__name__)


def purge_frontend_cache() -> None:
    """Every live page's URL, in batches, to the CDN or Varnish configured in
    WAGTAILFRONTENDCACHE. Wagtail's own handlers purge only the page that
    changed, not the listings, menus and pages that show it."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().public().specific(defer=True))
    batch.purge()


def purge_everything(**kwargs) -> None:
    page_cache.purge()
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(purge_frontend_cache)


# Wagtail fills these in on first use while rendering a page; nothing a reader sees changes.
LAZY_FIELDS = frozenset({"file_size", "file_hash"})


def purge_on_model_change(sender, update_fields=None, **kwargs) -> None:
    if update_fields and set(update_fields) <= LAZY_FIELDS:
        return
    if sender in purging_models():
        purge_everything()


def purging_models() -> set[type]:
    """Models whose every save shows on the site at once: snippets without
    drafts, images, documents, sites, and collections (privacy).
    Snippets with drafts purge on ``published``/``unpublished`` instead, so an
    editor's draft leaves the cache alone."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, CollectionViewRestriction, DraftStateMixin, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    models = {get_image_model(), get_document_model(), Site, Collection, PageViewRestriction, CollectionViewRestriction}
    models |= {model for model in get_snippet_models() if not issubclass(model, DraftStateMixin)}
    return models


def purge_on_delete(sender, instance, **kwargs) -> None:
    """Any page or snippet deleted, drafts included (a live one may be shown)."""
    from wagtail.models import Page
    from wagtail.snippets.models import get_snippet_models

    if isinstance(instance, Page) or sender in purging_models() or sender in get_snippet_models():
        purge_everything()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(purge_everything, dispatch_uid=f"sscp-page-cache-{id(signal)}")
    post_save.connect(purge_on_model_change, dispatch_uid="sscp-page-cache-save")
    post_delete.connect(purge_on_delete, dispatch_uid="sscp-page-cache-delete")
