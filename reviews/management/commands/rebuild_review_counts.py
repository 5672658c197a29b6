from django.core.management.base import BaseCommand

from reviews import counts
from reviews.models import ReviewCount


class Command(BaseCommand):
    help = (
        "Counts every review index's published, public reviews by type, year and theme afresh. The counts are "
        "kept up to date as pages change; run this after changing pages outside Wagtail (SQL, bulk updates)."
    )

    def handle(self, *args, **options):
        counts.rebuild()
        self.stdout.write(f"{ReviewCount.objects.count()} review count rows written.")
