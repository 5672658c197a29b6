"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py sscp_wagtail.wsgi`.

Every value can be changed from the environment (see docs/deployment.md). The
access log records the path without its query string: visitors may type a
child's name into search, and that must not end up in a log file.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


# Behind a proxy on the same machine (nginx) or a load balancer on the private network.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers with a few threads each: the pages are quick and mostly database-bound.
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
threads = _int("GUNICORN_THREADS", 2)
worker_class = "gthread"
# A request that takes longer than this is killed and logged; uploads go through
# the proxy's buffer first, so this stays short.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5
# Recycle workers now and then so memory stays flat over weeks.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# Django is loaded once and the workers forked from it: faster starts, shared memory.
preload_app = True
# Trust X-Forwarded-* only from the proxy (comma-separated addresses).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# No runtime control socket in the home directory.
control_socket_disable = True

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# %(U)s is the path alone: never the query string (search words) or the body (referrals).
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s"'


def post_fork(server, worker):
    # Each worker opens its own database connections; none is inherited from the parent.
    from django.db import connections

    connections.close_all()
