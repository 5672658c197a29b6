"""Admin reports: "Reviews by type and status" and "Recommendations by agency and status".

Both are Wagtail report views, so they filter, paginate and download as CSV
or XLSX like Wagtail's own reports. Only people who edit or approve pages see
them (``permissions.py``). Each costs the same few queries for 3 reviews or
300: reviews are loaded once, recommendations are read from their stored data.
"""

from __future__ import annotations

import django_filters
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .models import ReviewPage, ReviewType
from .permissions import PAGE_ROLES
from .recommendations import (
    COMPLETE,
    NOT_SET,
    NOT_SET_LABEL,
    ROW_FIELDS,
    STATUS_LABELS,
    all_recommendations,
    source_language_reviews,
)

OUTSTANDING = "outstanding"


def _readable_date(value) -> str:
    return date_format(value, "j M Y") if value else ""


class ReviewReportView(ReportView):
    """What the reports share: page permissions and the reviews a user may edit."""

    any_permission_required = PAGE_ROLES

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    def permitted_reviews(self):
        editable = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "publish"]
        )
        return source_language_reviews().filter(pk__in=editable.values("pk"))


class ReviewsReportFilterSet(WagtailFilterSet):
    review_type = django_filters.ChoiceFilter(label=_("Type"), choices=ReviewType.choices)
    live = django_filters.BooleanFilter(label=_("Published"))

    class Meta:
        model = ReviewPage
        fields = ["review_type", "live"]


class ReviewsReportView(ReviewReportView):
    page_title = _("Reviews by type and status")
    header_icon = "doc-full"
    filterset_class = ReviewsReportFilterSet
    index_url_name = "sscp_reports:reviews"
    index_results_url_name = "sscp_reports:reviews_results"
    export_filename = "reviews-by-type-and-status"
    verbose_name_plural = _("reviews")
    columns = [
        TitleColumn("title", label=_("Review"), url_name="wagtailadmin_pages:edit"),
        Column("type", label=_("Type"), accessor="get_review_type_display"),
        Column("status", label=_("Status"), accessor="status_string"),
        Column("publication_date", label=_("Publication date"), accessor=lambda r: _readable_date(r.publication_date)),
    ]
    list_export = ["title", "get_review_type_display", "status_string", "publication_date", "url_path"]
    export_headings = {
        "title": _("Review"),
        "get_review_type_display": _("Type"),
        "status_string": _("Status"),
        "publication_date": _("Publication date"),
        "url_path": _("Place in the page tree"),
    }

    def get_queryset(self):
        self.queryset = (
            self.permitted_reviews()
            .prefetch_workflow_states()
            .annotate_approved_schedule()
            .order_by("review_type", "-publication_date", "title", "pk")
        )
        return super().get_queryset()


class RecommendationsReportFilterSet(WagtailFilterSet):
    agency = django_filters.CharFilter(label=_("Agency contains"), method="by_rows")
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(OUTSTANDING, _("Not yet complete")), *STATUS_LABELS.items(), (NOT_SET, NOT_SET_LABEL)],
        method="by_rows",
    )
    review_type = django_filters.ChoiceFilter(label=_("Review type"), choices=ReviewType.choices)
    live = django_filters.BooleanFilter(label=_("Review published"))

    class Meta:
        model = ReviewPage
        fields = ["agency", "status", "review_type", "live"]

    def by_rows(self, queryset, name, value):
        return queryset  # applied to the recommendations, once they are read (see the view)


def _matches(row, agency: str, status: str) -> bool:
    if agency and agency.casefold() not in row.agency.casefold():
        return False
    if status == OUTSTANDING:
        return row.status != COMPLETE
    return not status or row.status == status


class RecommendationsReportView(ReviewReportView):
    page_title = _("Recommendations by agency and status")
    header_icon = "tick-inverse"
    filterset_class = RecommendationsReportFilterSet
    index_url_name = "sscp_reports:recommendations"
    index_results_url_name = "sscp_reports:recommendations_results"
    export_filename = "recommendations-by-agency-and-status"
    verbose_name_plural = _("recommendations")
    columns = [
        Column("agency", label=_("Agency"), accessor="agency"),
        Column("status", label=_("Status"), accessor="status_label"),
        Column("status_date", label=_("Status checked"), accessor=lambda row: _readable_date(row.status_date)),
        Column("text", label=_("Recommendation"), accessor="text"),
        TitleColumn(
            "review",
            label=_("Review"),
            accessor="review_title",
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.review.pk]),
        ),
        Column("number", label=_("No."), accessor="number"),
    ]
    list_export = ["agency", "status_label", "status_date", "text", "review_title", "number", "review_type_label"]
    export_headings = {
        "agency": _("Agency"),
        "status_label": _("Status"),
        "status_date": _("Status checked"),
        "text": _("Recommendation"),
        "review_title": _("Review"),
        "number": _("Number in the review"),
        "review_type_label": _("Review type"),
    }

    def get_queryset(self):
        self.queryset = self.permitted_reviews().only(*ROW_FIELDS).order_by("publication_date", "pk")
        return super().get_queryset()

    def get_filtered_queryset(self):
        reviews = super().get_filtered_queryset()
        data = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        agency = (data.get("agency") or "").strip()
        status = data.get("status") or ""
        rows = [row for row in all_recommendations(reviews) if _matches(row, agency, status)]
        # By agency (a blank one last), then status in the order work moves, then the oldest first.
        order = [*STATUS_LABELS, NOT_SET]
        return sorted(
            rows,
            key=lambda row: (not row.agency, row.agency.casefold(), order.index(row.status), row.publication_date),
        )
