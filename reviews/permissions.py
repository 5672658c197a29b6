"""Who may see the reviews' dashboard panel and reports."""

from __future__ import annotations

from wagtail.models import Page
from wagtail.permissions import policy_registry

# The same test as Wagtail's own page reports: people who edit or approve pages.
# The Safeguarding Unit's role reads referrals only; it has no page permission.
PAGE_ROLES = ["add", "change", "publish"]


def may_see_review_reports(user) -> bool:
    return policy_registry.get_by_type(Page).user_has_any_permission(user, PAGE_ROLES)
