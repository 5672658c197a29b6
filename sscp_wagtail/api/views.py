"""The contact-panels endpoint: live panels only, with their status.

Drafts never leave the admin: the list and detail querysets hold only panels
whose live version exists, and for those the database row *is* the live
version (Wagtail keeps unpublished changes in revisions), so the endpoint can
serve rows without reading revisions.
"""

from __future__ import annotations

import datetime as dt
import re

from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.api.v2.filters import LocaleFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from sscp_wagtail.contact_panels.schedule import with_rows
from sscp_wagtail.models import ContactPanel
from sscp_wagtail.opening_hours import LONDON

# Years the engine and the bank-holiday data answer sensibly for; anything
# else is a typo, and an unbounded year would overflow the search horizon.
EARLIEST_YEAR = 1970
LATEST_YEAR = 2100
# "2026-12-26T10:00:00+00:00" arrives as "... 00:00" when the + is not
# written %2B in the URL; put it back rather than refuse a common slip.
_UNENCODED_PLUS = re.compile(r"^(?P<moment>.+T[\d:.]+) (?P<offset>\d{2}(?::?\d{2})?)$")
AT_HELP = "e.g. ?at=2026-12-26T10:00:00Z or ?at=2026-12-26T10:00:00%2B00:00 (write + as %2B)"


def parse_at(value: str) -> dt.datetime:
    """An aware datetime from ISO 8601 text, or ValueError saying what is wrong."""
    text = value.strip()
    match = _UNENCODED_PLUS.match(text)
    if match:
        text = f"{match['moment']}+{match['offset']}"
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"at must be an ISO 8601 date and time with a UTC offset, {AT_HELP}; got {value!r}") from error
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(
            f"at must include a UTC offset or Z, because a time without one is ambiguous, {AT_HELP}; got {value!r}"
        )
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise ValueError(f"at must be between {EARLIEST_YEAR} and {LATEST_YEAR}; got {value!r}")
    return moment


class ContactPanelsAPIViewSet(BaseAPIViewSet):
    model = ContactPanel
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["at", "locale"])
    filter_backends = [LocaleFilter]
    # A panel is only useful whole, so the listing shows everything the detail does.
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "locale",
        "title",
        "lead",
        "lines",
        "closures",
        "special_openings",
        "status",
    ]
    name = "contact-panels"

    def get_queryset(self):
        return with_rows(ContactPanel.objects.filter(live=True).select_related("locale")).order_by("id")

    @cached_property
    def status_at(self) -> dt.datetime:
        raw = self.request.GET.get("at")
        if raw is None:
            return timezone.now().astimezone(LONDON)
        try:
            return parse_at(raw).astimezone(LONDON)
        except ValueError as error:
            raise BadRequestError(str(error)) from error

    def listing_view(self, request):
        self.status_at  # noqa: B018 - a bad ?at= is a 400 before any query runs
        return super().listing_view(request)

    def detail_view(self, request, pk):
        self.status_at  # noqa: B018
        return super().detail_view(request, pk)
