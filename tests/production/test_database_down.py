"""With the database down, readers get a 503 page with the emergency numbers."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client, override_settings

from sscp_wagtail.production import unavailable
from tests.conftest import soup


@pytest.fixture
def reader():
    return Client(raise_request_exception=False)


def broken_database():
    return mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor", side_effect=OperationalError("connection refused")
    )


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/serious-case-reviews/baby-m/", "/search/?q=neglect", "/api/v2/pages/"])
def test_any_address_gives_the_unavailable_page_with_emergency_numbers(reader, demo, path):
    with broken_database():
        response = reader.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
    page = soup(response)
    assert page.h1.get_text() == "Sorry, this website is not available at the moment"
    numbers = [link["href"] for link in page.select("main a[href^='tel:']")]
    assert numbers == ["tel:999", "tel:01612176028", "tel:01617182118"]
    assert "If a child is in immediate danger, call 999" in " ".join(page.get_text(" ").split())
    assert page.select_one("[data-exit-this-page-button]")


@pytest.mark.django_db
def test_the_site_recovers_when_the_database_returns(reader, demo):
    with broken_database():
        assert reader.get("/").status_code == 503
    assert reader.get("/").status_code == 200


def test_the_page_is_built_from_settings_alone(settings):
    unavailable.unavailable_html.cache_clear()
    settings.SSCP_EMERGENCY_CONTACTS = [("Children's services", "01234 567890")]
    try:
        with mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.cursor", side_effect=AssertionError):
            html = unavailable.unavailable_response().content.decode()
    finally:
        unavailable.unavailable_html.cache_clear()
    assert 'Children\'s services: <a href="tel:01234567890">01234 567890</a>' in html.replace("&#x27;", "'")


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_other_errors_still_give_the_500_page(reader, demo):
    with mock.patch("home.models.HomePage.get_context", side_effect=ValueError("a bug")):
        response = reader.get("/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_emergency_contacts_are_read_from_the_environment():
    from tests.test_settings import run_python

    result = run_python(
        "import django; django.setup(); from django.conf import settings as s; print(s.SSCP_EMERGENCY_CONTACTS)",
        DJANGO_SETTINGS_MODULE="settings.dev",
        SSCP_EMERGENCY_CONTACTS="Police=999;Duty team=0161 000 0000",
    )
    assert result.stdout.strip() == "[('Police', '999'), ('Duty team', '0161 000 0000')]"


def test_the_proxy_gets_the_same_page_as_a_file(tmp_path):
    from io import StringIO

    from django.core.management import call_command

    call_command("write_unavailable_page", str(tmp_path / "503.html"), stdout=StringIO())
    assert (tmp_path / "503.html").read_text() == unavailable.unavailable_html()
    assert "tel:999" in (tmp_path / "503.html").read_text()
