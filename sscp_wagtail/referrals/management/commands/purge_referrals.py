"""Delete referrals, and their attached files, once they are older than the retention period. Run daily."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from sscp_wagtail.referrals.models import ReferralAttachment, ReferralSubmission


class Command(BaseCommand):
    help = "Delete referrals older than SSCP_REFERRAL_RETENTION_DAYS (and their files)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the retention period (days) for this run.")
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted; delete nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.SSCP_REFERRAL_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("The retention period must be at least one day.")
        cutoff = timezone.now() - timedelta(days=days)
        old = ReferralSubmission.objects.filter(submit_time__lt=cutoff)
        files = ReferralAttachment.objects.filter(submission__in=old).count()
        if dry_run:
            self.stdout.write(f"Would delete {old.count()} referrals and {files} files older than {days} days.")
            return
        with transaction.atomic():
            # Files are removed once the deletion commits (see signals.py).
            deleted = old.delete()[1].get(ReferralSubmission._meta.label, 0)
        self.stdout.write(f"Deleted {deleted} referrals and {files} files older than {days} days.")
