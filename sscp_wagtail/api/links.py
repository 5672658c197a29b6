"""Rich-text links for a whole API response in one query per kind.

Wagtail expands the ``<a linktype="page" id="3">`` links of each rich-text
value with its own queries, so a listing of twenty reviews would query once
per field that holds a link. Within ``link_scope``, ``preload_links`` reads every link id in the
texts about to be serialised, loads those pages and documents once, and the
link handlers below serve from that while it is active. Inside it a link to
a page that is not live comes out as a bare ``<a>``: the API never gives a
front end the address of a draft.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

_LINKS: ContextVar[dict | None] = ContextVar("sscp_api_links", default=None)
_TAG = re.compile(r"<a\b[^>]*>")
_LINKTYPE = re.compile(r'\blinktype=\\?"(page|document)\\?"')
_ID = re.compile(r'\bid=\\?"(\d+)\\?"')


def link_ids(texts: Iterable[str]) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {"page": set(), "document": set()}
    for text in texts:
        for tag in _TAG.findall(text):
            kind, pk = _LINKTYPE.search(tag), _ID.search(tag)
            if kind and pk:
                found[kind[1]].add(int(pk[1]))
    return found


@contextmanager
def link_scope() -> Iterator[None]:
    """While active, rich-text links are served from one cache (see ``preload_links``)."""
    token = _LINKS.set({"page": {}, "document": {}})
    try:
        yield
    finally:
        _LINKS.reset(token)


def preload_links(texts: Iterable[str]) -> None:
    """Load every page and document the texts link to, in one query per kind."""
    cache = _LINKS.get()
    if cache is None:
        return
    ids = link_ids(texts)
    pages = ids["page"] - {int(pk) for pk in cache["page"]}
    documents = ids["document"] - {int(pk) for pk in cache["document"]}
    if pages:
        found = Page.objects.filter(pk__in=pages).defer_streamfields().specific()
        cache["page"].update({str(page.pk): page for page in found})
        cache["page"].update({str(pk): None for pk in pages if str(pk) not in cache["page"]})
    if documents:
        found = get_document_model().objects.filter(pk__in=documents)
        cache["document"].update({str(doc.pk): doc for doc in found})
        cache["document"].update({str(pk): None for pk in documents if str(pk) not in cache["document"]})


def rich_texts(objects: Iterable) -> Iterator[str]:
    """The stored rich text of the objects' RichTextFields and StreamFields."""
    for obj in objects:
        for field in type(obj)._meta.get_fields():
            if isinstance(field, RichTextField):
                yield getattr(obj, field.attname) or ""
            elif isinstance(field, StreamField):
                yield json.dumps(list(getattr(obj, field.attname).raw_data), cls=DjangoJSONEncoder)


def in_batch() -> bool:
    return _LINKS.get() is not None


def cached_many(kind: str, attrs_list: list[dict], fetch: Callable[[list[dict]], list]) -> list:
    cache = _LINKS.get()
    if cache is None:
        return fetch(attrs_list)
    missing = [attrs for attrs in attrs_list if str(attrs.get("id")) not in cache[kind]]
    if missing:
        for attrs, obj in zip(missing, fetch(missing), strict=True):
            cache[kind][str(attrs.get("id"))] = obj
    return [cache[kind].get(str(attrs.get("id"))) for attrs in attrs_list]


class LivePageLinkHandler(PageLinkHandler):
    """Wagtail's page links, batched in API responses and never to a draft there."""

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list:
        return cached_many("page", attrs_list, super().get_many)

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        if not in_batch():
            return super().expand_db_attributes_many(attrs_list)
        return [
            f'<a href="{escape(page.url)}">' if page is not None and page.live and page.url else "<a>"
            for page in cls.get_many(attrs_list)
        ]
