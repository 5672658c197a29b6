"""Make sure the local admin account exists, for ``make run``.

The password comes from DJANGO_SUPERUSER_PASSWORD; without it one is generated
once (and reused if the database is rebuilt), printed, and kept in ``.admin-password`` (readable by the owner only,
ignored by git) so a second ``make run`` can show it again instead of changing it.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"


class Command(BaseCommand):
    help = "Create the 'admin' superuser if it does not exist (local development)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@localhost")

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        given = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        user = User.objects.filter(username=username).first()
        if user is not None:
            if given:
                self.stdout.write(f"Superuser '{username}' exists; password as set in DJANGO_SUPERUSER_PASSWORD.")
            elif PASSWORD_FILE.exists():
                self.stdout.write(
                    f"Superuser '{username}' exists; its generated password is in {PASSWORD_FILE.name}: "
                    f"{PASSWORD_FILE.read_text().strip()}"
                )
            else:
                self.stdout.write(f"Superuser '{username}' exists; its password is unchanged.")
            return
        kept = PASSWORD_FILE.read_text().strip() if PASSWORD_FILE.exists() else ""
        password = given or kept or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        if given:
            self.stdout.write(self.style.SUCCESS(f"Created superuser '{username}' with DJANGO_SUPERUSER_PASSWORD."))
            return
        PASSWORD_FILE.write_text(password + "\n")
        PASSWORD_FILE.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created superuser '{username}' with password: {password} (kept in {PASSWORD_FILE.name})"
            )
        )
