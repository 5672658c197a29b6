"""Build the demo site from ``content.py``: idempotent, in one transaction.

A page that already exists is left alone, so an editor's changes survive a
second ``make run``; ``refresh=True`` rewrites the demo pages from the seed
(as a new, published revision, so nothing is lost from the history).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from home.factories import DocumentFactory, StandardPageFactory
from home.models import HomePage

from . import content

REFERENCE = re.compile(r"\b(doc|page):([a-z0-9/-]+)")


@dataclass
class Report:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"Demo content: {len(self.created)} created, {len(self.updated)} updated, {len(self.kept)} kept."


class DemoContentError(Exception):
    pass


def _documents() -> dict[str, int]:
    Document = get_document_model()
    ids = {}
    for key, title in content.DOCUMENTS.items():
        document = Document.objects.filter(title=title).first() or DocumentFactory(title=title)
        ids[key] = document.pk
    return ids


def _child(parent: Page, slug: str) -> Page | None:
    return parent.get_children().filter(slug=slug).first()


def _resolve(value, documents: dict[str, int], pages: dict[str, Page]):
    """Turn ``doc:key`` and ``page:path`` references into database ids."""
    as_json = json.dumps(value)

    def replace(match: re.Match) -> str:
        kind, key = match.groups()
        return str(documents[key] if kind == "doc" else pages[key].pk)

    # A reference that fills a whole JSON string becomes a number; one inside
    # rich text (id="doc:key") stays inside its string.
    as_json = re.sub(r'"(doc|page):([a-z0-9/-]+)"', lambda m: replace(m), as_json)
    return json.loads(REFERENCE.sub(replace, as_json))


def _publish(page: Page) -> None:
    page.save_revision(log_action=True).publish()


@transaction.atomic
def load_demo_content(*, refresh: bool = False) -> Report:
    report = Report()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise DemoContentError("There is no default site; run the migrations first.")
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise DemoContentError(f"The default site's root page is a {type(home).__name__}, not a home page.")

    documents = _documents()

    # First pass: every page exists, so pages can link to pages built after them.
    pages: dict[str, Page] = {}
    fresh: set[str] = set()
    for path, fields in content.PAGES:
        parent_path, _, slug = path.rpartition("/")
        parent = pages[parent_path] if parent_path else home
        page = _child(parent, slug)
        if page is None:
            page = StandardPageFactory(parent=parent, title=fields["title"], slug=slug, body=[])
            fresh.add(path)
        pages[path] = page.specific

    # Second pass: fill and publish what is new, or everything when refreshing.
    for path, fields in content.PAGES:
        page = pages[path]
        if path in fresh or refresh:
            for name, value in fields.items():
                setattr(page, name, _resolve(value, documents, pages) if name == "body" else value)
            _publish(page)
            (report.created if path in fresh else report.updated).append(path)
        else:
            report.kept.append(path)

    # The home page from the migration has never been edited until the demo fills it.
    if home.latest_revision_id is None or refresh:
        home.title = content.HOME["title"]
        home.introduction = content.HOME["introduction"]
        home.emergency_heading = content.HOME["emergency_heading"]
        home.emergency_text = content.HOME["emergency_text"]
        home.featured = [
            {"type": "page", "value": {"page": pages[p].pk, "label": "", "summary": ""}}
            for p in content.HOME["featured"]
        ]
        _publish(home)
        (report.updated if refresh else report.created).append("")
    else:
        report.kept.append("")

    if not site.site_name or refresh:
        site.site_name = content.SITE_NAME
        site.save(update_fields=["site_name"])
    return report
