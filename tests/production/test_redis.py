"""With Redis: a cache every process shares, purged for all; without it the site still serves."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache

from tests.conftest import page_at, visible_text
from tests.production.conftest import redis_caches

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache(settings, redis_server):
    settings.CACHES = redis_caches(redis_server.url)
    settings.SSCP_PAGE_CACHE = True
    cache.clear()
    yield redis_server
    cache.clear()


def test_pages_are_cached_in_redis_and_purged_on_publish(client, demo, redis_cache):
    assert client.get("/").headers["X-Page-Cache"] == "miss"
    assert client.get("/").headers["X-Page-Cache"] == "hit"
    # What another app server sees: the same entries, straight from Redis.
    import redis

    keys = redis.Redis.from_url(redis_cache.url).keys("sscp-test:*sscp:page:*")
    assert keys
    home = page_at("/")
    home.title = "Home (new)"
    home.save_revision().publish()
    assert client.get("/").headers["X-Page-Cache"] == "miss"


def test_a_hit_is_one_round_trip_to_redis(client, demo, redis_cache):
    """The live token and the entry are read together, in one MGET."""
    import redis

    client.get("/")
    assert client.get("/").headers["X-Page-Cache"] == "hit"
    server = redis.Redis.from_url(redis_cache.url)
    server.config_resetstat()
    assert client.get("/").headers["X-Page-Cache"] == "hit"
    commands = {name.removeprefix("cmdstat_"): stats["calls"] for name, stats in server.info("commandstats").items()}
    assert commands == {"config|resetstat": 1, "mget": 1}


def test_a_purge_by_one_process_reaches_every_other(client, demo, redis_cache):
    """`publish_scheduled` runs in its own process: its purge must reach the web processes."""
    client.get("/")
    assert client.get("/").headers["X-Page-Cache"] == "hit"
    # Another process configured as production is: by REDIS_URL alone.
    code = "import django; django.setup(); from sscp_wagtail.production.page_cache import purge_now; purge_now()"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            "DJANGO_SETTINGS_MODULE": "settings.dev",
            "REDIS_URL": redis_cache.url,
            "CACHE_KEY_PREFIX": "sscp-test",
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert client.get("/").headers["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("down_url", ["redis://127.0.0.1:9/0"])
def test_with_redis_down_pages_still_serve_and_editors_still_sign_in(client, demo, settings, down_url):
    settings.CACHES = redis_caches(down_url)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.SSCP_PAGE_CACHE = True
    for path in ("/", "/serious-case-reviews/baby-m/", "/search/?q=sleep"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "X-Page-Cache" not in response or response["X-Page-Cache"] != "hit"
    assert "Baby M" in visible_text(client.get("/serious-case-reviews/"))
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("ops", "ops@example.org", "a long password here")
    assert client.login(username="ops", password="a long password here")  # noqa: S106
    assert client.get("/admin/").status_code == 200
