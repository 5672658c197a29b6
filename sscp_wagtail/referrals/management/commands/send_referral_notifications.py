"""Retry the Safeguarding Unit's notifications that could not be sent. Run it every few minutes from cron."""

from django.core.management.base import BaseCommand

from sscp_wagtail.referrals.models import ReferralSubmission
from sscp_wagtail.referrals.notifications import send_notification


class Command(BaseCommand):
    help = "Send the notification of every referral whose notification has not gone yet."

    def handle(self, *args, **options):
        pending = list(
            ReferralSubmission.objects.filter(notified_at__isnull=True).order_by("pk").values_list("pk", flat=True)
        )
        sent = sum(1 for pk in pending if send_notification(pk))
        failed = len(pending) - sent
        self.stdout.write(f"Referral notifications: {sent} sent, {failed} still unsent.")
        if failed:
            self.stderr.write("Some notifications failed again; see the log for the reason (no personal data).")
