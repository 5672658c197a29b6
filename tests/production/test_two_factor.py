"""Admin two-factor sign-in: set up once with an authenticator app, a code at every sign-in."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import soup
from tests.test_settings import STRONG_KEY, run_python

PASSWORD = "a long admin password"  # noqa: S105


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset * device.step
    return f"{totp.token():06d}"


@pytest.fixture
def two_factor(settings):
    settings.SSCP_ADMIN_2FA_REQUIRED = True
    # django-otp makes a device wait 1, 2, 4... seconds after each wrong code;
    # the tests that try a right code straight after a wrong one turn that off.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user("mod", "mod@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def signed_in(client, moderator):
    assert client.login(username="mod", password=PASSWORD)
    return client


def set_up_device(client) -> TOTPDevice:
    client.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(user__username="mod")
    response = client.post("/admin/two-factor/setup/?next=/admin/", {"token": code_for(device), "next": "/admin/"})
    assert response.status_code == 302
    return device


def test_a_password_alone_does_not_open_the_admin(two_factor, signed_in):
    response = signed_in.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/setup/?next=/admin/pages/"


def test_setting_up_shows_a_qr_code_and_the_key_and_needs_a_correct_code(two_factor, signed_in):
    page = signed_in.get("/admin/two-factor/setup/?next=/admin/pages/")
    assert page.status_code == 200
    document = soup(page)
    assert document.select_one("[role=img][aria-label] svg")
    key = document.select_one("main code").get_text()
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})+", key)
    device = TOTPDevice.objects.get(user__username="mod", confirmed=False)

    wrong = signed_in.post("/admin/two-factor/setup/", {"token": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    assert soup(wrong).select_one("input[name=token][aria-invalid=true], input[name=token][aria-describedby]")
    device.refresh_from_db()
    assert not device.confirmed
    assert signed_in.get("/admin/pages/").status_code == 302

    right = signed_in.post("/admin/two-factor/setup/", {"token": code_for(device), "next": "/admin/pages/"})
    assert right.status_code == 302
    assert right["Location"] == "/admin/pages/"
    device.refresh_from_db()
    assert device.confirmed
    assert signed_in.get("/admin/pages/").status_code == 200


def test_every_sign_in_asks_for_a_code_once_set_up(two_factor, client, moderator):
    client.login(username="mod", password=PASSWORD)
    device = set_up_device(client)
    client.logout()

    client.login(username="mod", password=PASSWORD)
    response = client.get("/admin/")
    assert response["Location"] == "/admin/two-factor/verify/?next=/admin/"
    # A device cannot be swapped for a new one from a half-signed-in session.
    assert client.get("/admin/two-factor/setup/")["Location"].startswith("/admin/two-factor/verify/")
    wrong = client.post("/admin/two-factor/verify/", {"token": "12345x", "next": "/admin/"})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    right = client.post("/admin/two-factor/verify/", {"token": code_for(device, offset=1), "next": "/admin/"})
    assert right["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_next_never_leaves_the_site(two_factor, signed_in):
    signed_in.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(user__username="mod")
    response = signed_in.post(
        "/admin/two-factor/setup/", {"token": code_for(device), "next": "https://attacker.example/"}
    )
    assert response["Location"] == "/admin/"


def test_public_site_and_signing_out_are_never_blocked(two_factor, signed_in, demo):
    assert signed_in.get("/").status_code == 200
    assert signed_in.post("/admin/logout/")["Location"] == "/admin/login/"


@pytest.mark.django_db
def test_people_without_admin_access_are_not_asked(two_factor, client):
    get_user_model().objects.create_user("reader", "reader@example.org", PASSWORD)
    client.login(username="reader", password=PASSWORD)
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_off_unless_asked_outside_production(signed_in):
    assert signed_in.get("/admin/").status_code == 200


def test_production_requires_two_factor_by_default():
    code = "import django; django.setup(); from django.conf import settings as s; print(s.SSCP_ADMIN_2FA_REQUIRED)"
    env = {"DJANGO_SETTINGS_MODULE": "settings.production", "DJANGO_SECRET_KEY": STRONG_KEY}
    assert run_python(code, DJANGO_ALLOWED_HOSTS="sscp.example.org", **env).stdout.strip() == "True"


def test_guessing_is_slowed_down(two_factor, signed_in, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    signed_in.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(user__username="mod")
    signed_in.post("/admin/two-factor/setup/", {"token": "000000"})
    refused = signed_in.post("/admin/two-factor/setup/", {"token": code_for(device)})
    assert refused.status_code == 200
    assert "came too soon after a wrong one" in refused.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_a_lost_phone_is_reset_by_command_and_ends_the_session(two_factor, client, moderator):
    from io import StringIO

    from django.core.management import call_command

    client.login(username="mod", password=PASSWORD)
    set_up_device(client)
    assert client.get("/admin/").status_code == 200
    out = StringIO()
    call_command("reset_two_factor", "mod", stdout=out)
    assert out.getvalue().strip() == "Removed 1 device(s) and ended 1 session(s) for mod."
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    client.login(username="mod", password=PASSWORD)
    assert client.get("/admin/")["Location"] == "/admin/two-factor/setup/?next=/admin/"


@pytest.mark.django_db
def test_django_admin_staff_need_it_too(two_factor, client):
    get_user_model().objects.create_user("staff", "staff@example.org", PASSWORD, is_staff=True)
    client.login(username="staff", password=PASSWORD)
    assert client.get("/django-admin/")["Location"] == "/admin/two-factor/setup/?next=/django-admin/"
