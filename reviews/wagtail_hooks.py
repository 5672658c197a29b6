"""The reviews' place in the admin: a dashboard panel and two reports."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .dashboard import OutstandingRecommendationsPanel
from .permissions import may_see_review_reports
from .reports import RecommendationsReportView, ReviewsReportView


@hooks.register("construct_homepage_panels")
def outstanding_recommendations_panel(request, panels):
    if may_see_review_reports(request.user):
        panels.append(OutstandingRecommendationsPanel())


@hooks.register("register_admin_urls")
def report_urls():
    urls = [
        path("reviews/", ReviewsReportView.as_view(), name="reviews"),
        path("reviews/results/", ReviewsReportView.as_view(results_only=True), name="reviews_results"),
        path("recommendations/", RecommendationsReportView.as_view(), name="recommendations"),
        path(
            "recommendations/results/",
            RecommendationsReportView.as_view(results_only=True),
            name="recommendations_results",
        ),
    ]
    return [path("reports/case-reviews/", include((urls, "sscp_reports")))]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_review_reports(request.user)


@hooks.register("register_reports_menu_item")
def reviews_report_menu_item():
    return ReviewReportMenuItem(
        _("Reviews by type and status"),
        reverse("sscp_reports:reviews"),
        name="sscp-reviews",
        icon_name="doc-full",
        order=1300,
    )


@hooks.register("register_reports_menu_item")
def recommendations_report_menu_item():
    return ReviewReportMenuItem(
        _("Recommendations by agency and status"),
        reverse("sscp_reports:recommendations"),
        name="sscp-recommendations",
        icon_name="tick-inverse",
        order=1310,
    )
