"""``/search/``: the public site search."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from .engine import SiteSearch


@require_safe
def search(request: HttpRequest) -> TemplateResponse:
    outcome = SiteSearch(request.GET, request=request).run()
    response = TemplateResponse(request, "search/search.html", {"search": outcome, "search_query": outcome.query.text})
    # Results pages are not for search engines (the page also says so in a meta tag).
    response["X-Robots-Tag"] = "noindex"
    return response
