"""Demo users: one per role, idempotent, never in production unless forced."""

from __future__ import annotations

import stat

import pytest
from django.contrib.auth import authenticate, get_user_model

from sscp_wagtail.workflows.demo import DemoUsersNotAllowed, describe_demo_users, ensure_demo_users

ROLES = {
    "editor": "Editors",
    "moderator": "Moderators",
    "moderator2": "Moderators",
    "safeguarding": "Safeguarding Unit",
}


def groups_of(username: str) -> list[str]:
    return list(get_user_model().objects.get(username=username).groups.values_list("name", flat=True))


@pytest.mark.django_db
def test_each_role_gets_a_user_with_the_password_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DEMO_USER_PASSWORD", "a demo password for tests")
    users = ensure_demo_users(password_file=tmp_path / "pw")
    assert users == dict.fromkeys(ROLES, "a demo password for tests")
    for username, group in ROLES.items():
        assert groups_of(username) == [group]
        user = authenticate(username=username, password="a demo password for tests")
        assert user is not None and not user.is_staff and not user.is_superuser
    assert not (tmp_path / "pw").exists(), "a password from the environment is not written down"
    assert describe_demo_users(users).endswith("password as set in DEMO_USER_PASSWORD.")


@pytest.mark.django_db
def test_without_the_environment_a_password_is_generated_once_and_kept(monkeypatch, tmp_path):
    monkeypatch.delenv("DEMO_USER_PASSWORD", raising=False)
    password_file = tmp_path / ".demo-user-password"
    first = ensure_demo_users(password_file=password_file)
    password = first["editor"]
    assert len(password) >= 12
    assert password_file.read_text().strip() == password
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert password in describe_demo_users(first)

    # Run again: same users, same password, nothing doubled; a changed group is put right.
    get_user_model().objects.get(username="editor").groups.clear()
    assert ensure_demo_users(password_file=password_file) == first
    assert get_user_model().objects.filter(username__in=ROLES).count() == 4
    assert groups_of("editor") == ["Editors"]
    assert authenticate(username="moderator2", password=password) is not None


@pytest.mark.django_db
def test_refused_in_production_unless_forced(settings, tmp_path):
    settings.SSCP_DEMO_CONTENT_ALLOWED = False
    with pytest.raises(DemoUsersNotAllowed):
        ensure_demo_users(password="whatever it is", password_file=tmp_path / "pw")
    assert not get_user_model().objects.filter(username__in=ROLES).exists()
    ensure_demo_users(password="whatever it is", password_file=tmp_path / "pw", force=True)
    assert get_user_model().objects.filter(username__in=ROLES).count() == 4
