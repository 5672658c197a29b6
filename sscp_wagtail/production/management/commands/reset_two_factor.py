from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Remove a person's authenticator-app devices (a lost or replaced phone) and end their sessions. "
        "They set up a new app at their next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        deleted, _ = TOTPDevice.objects.filter(user=user).delete()
        # A session verified with the old device must not outlive it (in the database and the cache).
        store = import_module(settings.SESSION_ENGINE).SessionStore
        ended = 0
        for session in Session.objects.iterator():
            if session.get_decoded().get("_auth_user_id") == str(user.pk):
                store(session_key=session.session_key).delete()
                ended += 1
        self.stdout.write(f"Removed {deleted} device(s) and ended {ended} session(s) for {username}.")
