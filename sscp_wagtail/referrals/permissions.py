"""Who may read referrals: holders of ``view_referralsubmission``, given only to the Safeguarding Unit.

Superusers hold every permission, so they can too (the audit log records it).
Wagtail's default, that anyone who can edit a form page reads its
submissions, does not apply to referral forms.
"""

from __future__ import annotations

VIEW_REFERRALS = "sscp_referrals.view_referralsubmission"
DELETE_REFERRALS = "sscp_referrals.delete_referralsubmission"


def can_read_referrals(user) -> bool:
    return bool(user and user.is_active and user.has_perm(VIEW_REFERRALS))


def can_delete_referrals(user) -> bool:
    return bool(user and user.is_active and user.has_perm(DELETE_REFERRALS))
