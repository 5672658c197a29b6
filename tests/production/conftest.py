import pytest
from django.core.cache import cache
from redis.backoff import NoBackoff
from redis.retry import Retry


@pytest.fixture
def page_cache(settings):
    """The anonymous page cache on (as production has it with Redis), on an empty cache."""
    settings.SSCP_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """A private redis-server on a free loopback port for the session (apt's `redis-server`).

    Outside CI a machine without it skips these tests, saying so; in CI (where
    .ci/run installs it) its absence fails them.
    """
    import os
    import shutil
    import socket
    import subprocess

    binary = shutil.which("redis-server")
    if binary is None:
        message = "redis-server is not installed (apt-get install -y --no-install-recommends redis-server)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(  # noqa: S603
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = RedisServer(process, port)
    server.wait_until_up()
    yield server
    server.stop()


class RedisServer:
    def __init__(self, process, port: int):
        self.process = process
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"

    def wait_until_up(self) -> None:
        import socket
        import time

        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def redis_caches(url: str) -> dict:
    """The CACHES that settings/base.py builds for REDIS_URL."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "sscp-test",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "CONNECTION_POOL_KWARGS": {"retry": Retry(NoBackoff(), 0)},
            },
        }
    }
