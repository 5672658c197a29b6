"""Keep theme names in the search index in step with the pages that carry them.

A page's themes are a ``ParentalManyToManyField``: django-modelcluster writes
them after the page row, so the index update that ``post_save`` triggers still
sees the old themes. ``page_published`` comes after everything is written, so
pages whose ``search_fields`` follow a relation are indexed again then. When a
theme is published (renamed, say), the pages that carry it are indexed again.
"""

from __future__ import annotations

from modelsearch.index import RelatedFields, class_is_indexed
from modelsearch.tasks import insert_or_update_object_task
from wagtail.search import index
from wagtail.signals import page_published, published

from sscp_wagtail.learning.models import LearningTheme


def _follows_relations(model) -> bool:
    return class_is_indexed(model) and any(isinstance(f, RelatedFields) for f in model.get_search_fields())


def reindex_published_page(sender, instance, **kwargs):
    if _follows_relations(type(instance)):
        index.insert_or_update_object(instance)


def reindex_pages_on_theme(sender, instance, **kwargs):
    if not isinstance(instance, LearningTheme):
        return
    for related in (instance.reviews, instance.briefings):
        model = related.model
        for pk in related.values_list("pk", flat=True):
            insert_or_update_object_task.enqueue(model._meta.app_label, model._meta.model_name, str(pk))


def connect() -> None:
    page_published.connect(reindex_published_page, dispatch_uid="search-reindex-published-page")
    published.connect(reindex_pages_on_theme, sender=LearningTheme, dispatch_uid="search-reindex-theme-pages")
