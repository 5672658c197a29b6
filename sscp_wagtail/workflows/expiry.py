"""A clear public notice, not a 404, for pages that have expired.

When a page's expiry date passes, ``publish_scheduled`` unpublishes it and marks
it ``expired``; Wagtail then answers its address with a 404, and a reader who
followed a link from a news story or a training pack is left with nothing. For
the page types listed in ``SSCP_EXPIRY_NOTICE_PAGE_TYPES`` (model label to the
word readers see, e.g. ``{"reviews.ReviewPage": "review"}``) the address
instead says that the page is no longer published, when it was withdrawn, and
who to contact, with the nearest contact panel (the review index's). It answers
410 Gone, so search engines drop the page.

Two entry points, because an expired page can be in either state:

* ``ExpiredPageNoticeMiddleware``: the page was unpublished by the expiry, so the
  site answered 404. Only pages Wagtail marked ``expired`` qualify: a page a
  moderator unpublished on purpose stays a plain 404, and so does any page with
  a view restriction (its title is not public).
* ``expired_page_notice`` (a ``before_serve_page`` hook): the page is still live
  because ``publish_scheduled`` has not run since it expired.

The core names no site models: the site's settings do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import render
from django.utils import timezone
from wagtail.models import Page, Site

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.http import HttpRequest, HttpResponse

TEMPLATE = "sscp_workflows/expired_page.html"


def notice_nouns() -> dict[type[Page], str]:
    """Page model -> the word for it on the notice, from the settings."""
    configured = getattr(settings, "SSCP_EXPIRY_NOTICE_PAGE_TYPES", {}) or {}
    return {apps.get_model(label): noun for label, noun in configured.items()}


def noun_for(page: Page) -> str | None:
    return notice_nouns().get(page.specific_class)


def find_expired_page(request: HttpRequest) -> Page | None:
    """The expired page of a notice type at this address on this site, if any."""
    nouns = notice_nouns()
    site = Site.find_for_request(request)
    if not nouns or site is None:
        return None
    components = [part for part in request.path_info.split("/") if part]
    root_path = site.root_page.localized.url_path
    url_path = root_path + "".join(f"{part}/" for part in components)
    page = (
        Page.objects.filter(
            url_path=url_path,
            live=False,
            expired=True,
            content_type__in=ContentType.objects.get_for_models(*nouns).values(),
        )
        .order_by("path")
        .first()
    )
    if page is None or page.get_view_restrictions().exists():
        return None
    return page


def nearest_contact_panel(page: Page):
    """The live contact panel of the page or its nearest ancestor that has one."""
    for candidate in [page, *reversed(page.get_ancestors().specific())]:
        panel = getattr(candidate, "contact_panel", None)
        if panel is not None and getattr(panel, "live", False):
            return panel
    return None


def render_notice(request: HttpRequest, page: Page) -> HttpResponse:
    page = page.specific
    parent = page.get_parent()
    context = {
        "page": page,
        "noun": noun_for(page) or "page",
        "withdrawn_at": page.expire_at,
        "contact_panel": nearest_contact_panel(page),
        "parent": parent if parent is not None and parent.live and parent.depth > 1 else None,
    }
    return render(request, TEMPLATE, context, status=410)


class ExpiredPageNoticeMiddleware:
    """Turns the 404 for an expired page of a notice type into the notice.

    Place it before Wagtail's ``RedirectMiddleware`` so that a redirect an
    editor set up for the old address still wins.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in {"GET", "HEAD"}:
            return response
        page = find_expired_page(request)
        return render_notice(request, page) if page is not None else response


def expired_page_notice(page: Page, request: HttpRequest, serve_args, serve_kwargs) -> HttpResponse | None:
    """``before_serve_page``: a live page past its expiry date gets the notice at once."""
    if page.expire_at and page.expire_at <= timezone.now() and noun_for(page) is not None:
        return render_notice(request, page)
    return None
