"""Dashboard panel: "Recommendations not yet complete, oldest first"."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .recommendations import ROW_FIELDS, outstanding_oldest_first, source_language_reviews

SHOWN = 10


class OutstandingRecommendationsPanel(Component):
    """The published recommendations the public is still waiting on, those made longest ago first.

    One query whatever the number of reviews: the rows come from the stored
    StreamField data (see ``recommendations.py``). Added to the dashboard only
    for those who may see the review reports (``wagtail_hooks.py``).
    """

    name = "outstanding_recommendations"
    template_name = "reviews/admin/outstanding_recommendations_panel.html"
    order = 300

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        reviews = source_language_reviews().live().only(*ROW_FIELDS)
        rows = outstanding_oldest_first(reviews)
        context.update(
            rows=rows[:SHOWN],
            total=len(rows),
            report_url=reverse("sscp_reports:recommendations") + "?status=outstanding",
        )
        return context
