from pathlib import Path

from django.core.management.base import BaseCommand

from sscp_wagtail.production.unavailable import unavailable_html


class Command(BaseCommand):
    help = (
        "Write the 'not available at the moment' page, with the emergency numbers, to a file "
        "the proxy serves when no app server answers (run after collectstatic on each release)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="e.g. /srv/sscp/static/503.html")

    def handle(self, path: Path, **options):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(unavailable_html(), encoding="utf-8")
        self.stdout.write(f"Wrote {path}")
