"""Telling the Safeguarding Unit a referral has arrived, without saying what it holds.

The email carries the reference, the form's name and a link into the admin:
nothing the referrer typed. It is sent after the referral is committed; if it
fails, the referral stays saved and unsent, the failure is logged with the
submission's id and the error's type only, and ``send_referral_notifications``
tries again.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

logger = logging.getLogger(__name__)


def notify_unit_after_commit(submission_id: int) -> None:
    transaction.on_commit(lambda: send_notification(submission_id))


def admin_link(page_id: int) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailforms:list_submissions", args=[page_id])


def build_message(submission) -> EmailMessage:
    page = submission.page.specific
    with override(settings.LANGUAGE_CODE):
        subject = _("New case review referral %(reference)s") % {"reference": submission.reference}
        body = "\n".join(
            [
                _("A new referral has been made through the website."),
                "",
                _("Reference: %(reference)s") % {"reference": submission.reference},
                _("Form: %(form)s") % {"form": page.title},
                _("Read it in the admin (Safeguarding Unit only): %(link)s") % {"link": admin_link(page.pk)},
                "",
                _("This email deliberately holds none of the referral's contents."),
            ]
        )
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=page.notification_recipients(),
    )


def send_notification(submission_id: int) -> bool:
    """Send one referral's notification; True if it went. Never raises."""
    from .models import ReferralSubmission

    submission = ReferralSubmission.objects.select_related("page").filter(pk=submission_id).first()
    if submission is None or submission.notified_at is not None:
        return submission is not None
    try:
        message = build_message(submission)
        if not message.to:
            raise LookupError("no recipient: set SSCP_REFERRAL_NOTIFY_EMAIL or the page's to address")
        message.send(fail_silently=False)
    except Exception as error:  # noqa: BLE001 - any mail failure must leave the referral saved
        ReferralSubmission.objects.filter(pk=submission.pk).update(notify_attempts=submission.notify_attempts + 1)
        # The submission's id and the error's type only: a mail error's text can quote addresses.
        logger.warning(
            "Referral notification not sent (submission id %s, %s); "
            "`manage.py send_referral_notifications` will retry it.",
            submission.pk,
            type(error).__name__,
        )
        return False
    ReferralSubmission.objects.filter(pk=submission.pk).update(
        notified_at=timezone.now(), notify_attempts=submission.notify_attempts + 1
    )
    return True
