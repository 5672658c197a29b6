"""/healthz and /readyz: what a load balancer and an operator rely on."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import override_settings

BROKEN_DATABASE = mock.patch(
    "django.db.backends.base.base.BaseDatabaseWrapper.cursor", side_effect=OperationalError("connection refused")
)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/healthz/", "/readyz/"])
def test_healthy_site_answers_ok_in_plain_text_never_cached(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.content.decode().startswith("ok")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_database_down_is_503(client, path):
    with BROKEN_DATABASE:
        response = client.get(path)
    assert response.status_code == 503
    assert response.content == b"database unreachable\n"


@pytest.mark.django_db
def test_readyz_refuses_traffic_until_migrations_are_applied(client):
    with mock.patch("sscp_wagtail.production.health.migrations_are_applied", return_value=False):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content == b"migrations not applied\n"


@pytest.mark.django_db
@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
)
def test_readyz_stays_ready_when_the_cache_is_down(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.content == b"ok (cache unreachable: serving uncached)\n"


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["sscp.example.org"])
def test_probes_by_address_over_plain_http_are_answered(client):
    """A load balancer probes http://10.0.0.5:8000/healthz: no redirect, no DisallowedHost."""
    response = client.get("/healthz", HTTP_HOST="10.0.0.5:8000")
    assert response.status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.5:8000").status_code == 400


@pytest.mark.django_db
def test_health_checks_answer_only_get_and_head(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code != 200
