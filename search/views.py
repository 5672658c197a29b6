"""Public site search: live, public pages only."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.template.response import TemplateResponse
from wagtail.models import Page

MAX_QUERY_LENGTH = 200


def search(request: HttpRequest) -> TemplateResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.live().public().search(query) if query else Page.objects.none()
    paginator = Paginator(results, getattr(settings, "SSCP_SEARCH_PAGE_SIZE", 10))
    # get_page() turns "?page=abc" into page 1 and out-of-range numbers into the last page.
    page_of_results = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": page_of_results, "paginator": paginator},
    )
