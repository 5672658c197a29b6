"""``{% contact_panel panel %}``: a contact panel with its status for now."""

from __future__ import annotations

import datetime as dt
import itertools

from django import template
from django.utils import timezone

from sscp_wagtail.contact_panels.presentation import panel_context
from sscp_wagtail.contact_panels.schedule import load_rows, panel_data
from sscp_wagtail.opening_hours import LONDON

register = template.Library()
_fallback_ids = itertools.count(1)


def _dom_id(context, panel) -> str:
    """Unique within the page even when one panel appears twice, and stable
    for a given page render so tests and caches see the same HTML."""
    request = context.get("request")
    if request is not None:
        number = getattr(request, "_contact_panel_count", 0) + 1
        request._contact_panel_count = number
    else:
        number = next(_fallback_ids)
    return f"contact-panel-{panel.pk or 'preview'}-{number}"


@register.inclusion_tag("sscp_wagtail/includes/contact_panel.html", takes_context=True)
def contact_panel(
    context,
    panel,
    at: dt.datetime | None = None,
    heading_level: int = 2,
    preview: bool = False,
    frozen: bool = False,
):
    """Renders nothing for a missing or unpublished panel: a page never shows
    a draft panel's numbers. ``preview`` is for the panel's own preview, where
    the draft is the point. ``at`` defaults to the moment of rendering;
    ``frozen`` keeps the browser from updating the status to its own clock
    (a preview of another moment)."""
    if panel is None or (not preview and not getattr(panel, "live", False)):
        return {"panel": None}
    load_rows(panel)
    moment = (at or timezone.now()).astimezone(LONDON)
    data = panel_data(panel, year=moment.year)
    return {
        "panel": panel,
        **panel_context(data, moment, dom_id=_dom_id(context, panel), heading_level=int(heading_level)),
        "frozen": frozen,
    }
