"""Build the demo site from ``content.py``: idempotent, in one transaction.

A page that already exists is left alone, so an editor's changes survive a
second ``make run``; ``refresh=True`` rewrites the demo pages from the seed
(as a new, published revision, so nothing is lost from the history) and
rebuilds any demo page whose type has changed since it was first loaded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from home.factories import DocumentFactory, StandardPageFactory
from home.models import HomePage
from reviews.factories import BriefingPageFactory, ReviewIndexPageFactory, ReviewPageFactory
from search.demo import ensure_search_promotions
from sscp_wagtail.learning.models import LearningTheme
from sscp_wagtail.referrals.demo import ensure_referral_form

from . import content
from .contact_panels import ensure_contact_panels

FACTORIES = {
    "standard": StandardPageFactory,
    "review_index": ReviewIndexPageFactory,
    "review": ReviewPageFactory,
    "briefing": BriefingPageFactory,
}
# A reference that fills a whole JSON string becomes a number; one in a rich-text
# attribute (id="doc:key") stays inside its string.
WHOLE_REFERENCE = re.compile(r'"(doc|page|theme|panel):([a-z0-9/-]+)"')
ATTRIBUTE_REFERENCE = re.compile(r'id=\\?"(doc|page|theme|panel):([a-z0-9/-]+)\\?"')


@dataclass
class Report:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    outdated: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        text = f"Demo content: {len(self.created)} created, {len(self.updated)} updated, {len(self.kept)} kept."
        if self.outdated:
            text += (
                f" {len(self.outdated)} page(s) were built by an earlier version ({', '.join(self.outdated)});"
                " run `python manage.py load_demo_content --refresh` to rebuild them from the seed."
            )
        return text


class DemoContentError(Exception):
    pass


@dataclass
class References:
    documents: dict[str, int]
    themes: dict[str, int]
    panels: dict[str, int]
    pages: dict[str, Page] = field(default_factory=dict)

    def id_for(self, kind: str, key: str) -> int:
        if kind == "doc":
            return self.documents[key]
        if kind == "theme":
            return self.themes[key]
        if kind == "panel":
            return self.panels[key]
        return self.pages[key].pk

    def resolve(self, value):
        """Turn ``doc:``, ``page:`` and ``theme:`` references into database ids."""
        if not isinstance(value, str | list | dict):
            return value
        as_json = json.dumps(value)
        as_json = WHOLE_REFERENCE.sub(lambda m: str(self.id_for(*m.groups())), as_json)
        as_json = ATTRIBUTE_REFERENCE.sub(lambda m: f'id=\\"{self.id_for(*m.groups())}\\"', as_json)
        return json.loads(as_json)


def _documents() -> dict[str, int]:
    Document = get_document_model()
    ids = {}
    for key, title in content.DOCUMENTS.items():
        document = Document.objects.filter(title=title).first() or DocumentFactory(title=title)
        ids[key] = document.pk
    return ids


def _themes(locale_id: int) -> dict[str, int]:
    ids = {}
    for slug, name, description in content.THEMES:
        theme = LearningTheme.objects.filter(slug=slug, locale_id=locale_id).first()
        if theme is None:
            theme = LearningTheme.objects.create(name=name, slug=slug, description=description, locale_id=locale_id)
            theme.save_revision(log_action=True).publish()
        ids[slug] = theme.pk
    return ids


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

    refs = References(
        documents=_documents(),
        themes=_themes(home.locale_id),
        panels={name: panel.pk for name, panel in ensure_contact_panels().items()},
    )

    if refresh:
        for path in content.RETIRED:
            home.get_children().filter(slug=path).delete()

    # First pass: every page exists with the right type, so pages can link to
    # pages built after them.
    fresh: set[str] = set()
    for path, kind, fields in content.PAGES:
        parent_path, _, slug = path.rpartition("/")
        if parent_path in report.outdated:
            report.outdated.append(path)
            continue
        parent = refs.pages[parent_path] if parent_path else home
        factory = FACTORIES[kind]
        page = parent.get_children().filter(slug=slug).first()
        if page is not None and not isinstance(page.specific, factory._meta.model):
            if not refresh:
                # Built by an earlier version as another page type: leave it and
                # everything under it as it is, and say how to rebuild it.
                report.outdated.append(path)
                continue
            page.delete()
            page = None
        if page is None:
            page = factory(parent=parent, title=fields["title"], slug=slug)
            fresh.add(path)
        refs.pages[path] = page.specific

    refs.pages["case-review-referral"] = ensure_referral_form(home, refresh=refresh, report=report)

    # Second pass: fill and publish what is new, or everything when refreshing.
    for path, _kind, fields in content.PAGES:
        page = refs.pages.get(path)
        if page is None:
            continue
        if path in fresh or refresh:
            for name, value in fields.items():
                setattr(page, name if name != "contact_panel" else "contact_panel_id", refs.resolve(value))
            _publish(page)
            (report.created if path in fresh else report.updated).append(path)
        else:
            report.kept.append(path)

    # The home page from the migration has never been edited until the demo fills it.
    if home.latest_revision_id is None or refresh:
        for name in ("title", "introduction"):
            setattr(home, name, content.HOME[name])
        home.contact_panel_id = refs.resolve(content.HOME["contact_panel"])
        home.featured = [
            {"type": "page", "value": {"page": refs.pages[path].pk, "label": "", "summary": ""}}
            for path in content.HOME["featured"]
            if path in refs.pages
        ]
        _publish(home)
        (report.updated if refresh else report.created).append("")
    else:
        report.kept.append("")

    for old_path, path in content.REDIRECTS.items():
        if path not in refs.pages:
            continue
        Redirect.objects.update_or_create(
            old_path=Redirect.normalise_path(old_path),
            site=site,
            defaults={"redirect_page": refs.pages[path], "is_permanent": True},
        )

    if not site.site_name or refresh:
        site.site_name = content.SITE_NAME
        site.save(update_fields=["site_name"])
    # Editors' picks for the demo's searches, once the pages they point to exist.
    ensure_search_promotions()
    return report
