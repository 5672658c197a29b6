from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from home.demo.loader import DemoContentError, load_demo_content
from home.demo.translations import ensure_demo_translations
from sscp_wagtail.workflows.demo import describe_demo_users, ensure_demo_users


class Command(BaseCommand):
    help = (
        "Build the demo site from the seed text. Safe to run again: existing pages are kept unless --refresh is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--refresh", action="store_true", help="Rewrite existing demo pages from the seed (as a new revision)."
        )
        parser.add_argument("--force", action="store_true", help="Run even where settings forbid demo content.")

    def handle(self, *args, refresh=False, force=False, **options):
        if not settings.SSCP_DEMO_CONTENT_ALLOWED and not force:
            raise CommandError(
                "Demo content is switched off in these settings (production). "
                "Use --force only if you really mean to write demo pages to this site."
            )
        try:
            report = load_demo_content(refresh=refresh)
        except DemoContentError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(str(report)))
        # The editorial roles, so a newcomer can try the whole sign-off flow.
        self.stdout.write(describe_demo_users(ensure_demo_users(force=force)))
        # Polish and Urdu versions of three pages, translated and signed off by those users.
        User = get_user_model()
        translated = ensure_demo_translations(
            User.objects.get(username="editor"), User.objects.get(username="moderator")
        )
        if translated:
            self.stdout.write(self.style.SUCCESS(f"Demo translations signed off: {', '.join(translated)}."))
