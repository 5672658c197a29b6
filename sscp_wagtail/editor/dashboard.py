"""Dashboard panel: "Contact panels: what the public sees now".

A comms officer's first question on a bank holiday or the evening the clocks
change is "which number are we giving out right now?". Each published panel
is shown with the sentence and number the site shows at this minute, and a
link to check any other moment.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from ..contact_panels.schedule import with_rows
from ..contact_panels.views import version_status
from ..models import ContactPanel
from ..opening_hours import LONDON

PANEL_ROLES = ("add", "change", "publish")


def current_moment():
    """This minute on the office clock (a function, so a test can choose the moment)."""
    return timezone.now().astimezone(LONDON).replace(second=0, microsecond=0)


def may_see_contact_panels(user) -> bool:
    return any(user.has_perm(f"sscp_wagtail.{action}_contactpanel") for action in PANEL_ROLES)


class ContactPanelsNowPanel(Component):
    """Added to the dashboard only for those who may edit contact panels (``wagtail_hooks.py``)."""

    name = "contact_panels_now"
    template_name = "sscp_wagtail/editor/contact_panels_now.html"
    order = 310

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        at = current_moment()
        # Translations share their source's numbers and hours: the main language tells the whole story.
        panels = with_rows(
            ContactPanel.objects.filter(live=True, locale__language_code=settings.LANGUAGE_CODE).order_by("title")
        )
        context.update(
            at=at,
            rows=[
                {
                    "panel": panel,
                    "status": version_status(panel.title, panel, at),
                    "status_url": reverse("wagtailsnippets_sscp_wagtail_contactpanel:status", args=[panel.pk]),
                }
                for panel in panels
            ],
        )
        return context
