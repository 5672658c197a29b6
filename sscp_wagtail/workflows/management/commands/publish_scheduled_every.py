"""Run Wagtail's ``publish_scheduled`` every N seconds, for machines without cron.

Scheduled go-live and expiry dates only take effect when ``publish_scheduled``
runs. In production run it from cron (see the README); for local development
``make run`` can start this alongside the server:

    python manage.py publish_scheduled_every 60
"""

from __future__ import annotations

import logging
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections, connections

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run publish_scheduled every SECONDS seconds (default 60) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("seconds", nargs="?", type=int, default=60, help="Seconds between runs (default 60).")
        parser.add_argument("--times", type=int, default=0, help="Stop after this many runs (default: never).")

    def handle(self, *args, seconds: int, times: int, **options):
        if seconds < 1:
            raise CommandError("SECONDS must be at least 1.")
        runs = 0
        try:
            while True:
                # Like a request: drop connections the database closed or that outlived CONN_MAX_AGE
                # (never inside a transaction, e.g. a test's).
                if not any(connection.in_atomic_block for connection in connections.all()):
                    close_old_connections()
                try:
                    call_command("publish_scheduled", verbosity=0)
                except Exception:
                    # A locked database or a dropped connection must not stop the schedule.
                    logger.exception("publish_scheduled failed; trying again in %s seconds", seconds)
                runs += 1
                if times and runs >= times:
                    return
                time.sleep(seconds)
        except KeyboardInterrupt:
            return
