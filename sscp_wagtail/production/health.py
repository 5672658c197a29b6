"""``/healthz`` (is this process able to serve?) and ``/readyz`` (should it get traffic?).

Answered by the first middleware, before host validation and the HTTPS redirect,
so a load balancer or systemd can probe a server by its own address over plain
HTTP. Neither says anything about the content of the site: only "ok" or what is
wrong, as plain text, never cached.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.cache import cache
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)


def database_is_reachable() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.warning("Health check: the database is unreachable", exc_info=True)
        return False


def migrations_are_applied() -> bool:
    connection = connections["default"]
    executor = MigrationExecutor(connection)
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


def cache_is_reachable() -> bool:
    """A write and a read; django-redis ignores errors, so a failure reads back None."""
    try:
        cache.set("sscp:readyz", "ok", 10)
        return cache.get("sscp:readyz") == "ok"
    except Exception:  # any cache backend's own error: the site runs without the cache
        logger.warning("Ready check: the cache is unreachable", exc_info=True)
        return False


def plain(text: str, status: int) -> HttpResponse:
    response = HttpResponse(text + "\n", status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


def healthz() -> HttpResponse:
    if database_is_reachable():
        return plain("ok", 200)
    return plain("database unreachable", 503)


def readyz() -> HttpResponse:
    """Ready for traffic: database reachable and fully migrated. The cache is
    reported but never fails readiness: the site serves without it."""
    if not database_is_reachable():
        return plain("database unreachable", 503)
    try:
        if not migrations_are_applied():
            return plain("migrations not applied", 503)
    except DatabaseError:
        return plain("database unreachable", 503)
    return plain("ok" if cache_is_reachable() else "ok (cache unreachable: serving uncached)", 200)


CHECKS = {"/healthz": healthz, "/readyz": readyz}


class HealthCheckMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        check = CHECKS.get(request.path_info.rstrip("/"))
        if check is not None and request.method in ("GET", "HEAD"):
            return check()
        return self.get_response(request)
