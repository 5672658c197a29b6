"""``{% languages as languages %}`` for the switcher and the hreflang alternates."""

from __future__ import annotations

from django import template
from wagtail.models import Page

from sscp_wagtail.i18n.languages import page_languages, view_languages

register = template.Library()


@register.simple_tag(takes_context=True)
def languages(context) -> list:
    """Asked once per render (the base template keeps the answer for the head
    and the switcher). A view outside the page tree (search) is offered in
    every language; a missing page, in none: its address belongs to no
    language."""
    request = context.get("request")
    page = context.get("page")
    if isinstance(page, Page) and page.pk is not None:
        return page_languages(request, page)
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name not in (None, "wagtail_serve") and not context.get("error"):
        return view_languages(request)
    return []
