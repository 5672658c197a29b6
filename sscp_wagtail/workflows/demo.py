"""Demo users, one per role, so a newcomer can try the whole sign-off flow.

Called by the demo-content command only, never in production (unless forced).
Every demo user shares one password: ``DEMO_USER_PASSWORD`` if set, otherwise
one generated the first time and kept in ``.demo-user-password`` (readable by
its owner only, ignored by git) so that later runs reuse it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

PASSWORD_VARIABLE = "DEMO_USER_PASSWORD"  # noqa: S105 - the name of the variable, not a password
PASSWORD_FILE_NAME = ".demo-user-password"  # noqa: S105 - a file name

# username -> (group, first name, last name)
DEMO_USERS: dict[str, tuple[str, str, str]] = {
    "editor": ("Editors", "Eden", "Editor"),
    "moderator": ("Moderators", "Morgan", "Moderator"),
    "moderator2": ("Moderators", "Max", "Moderator"),
    "safeguarding": ("Safeguarding Unit", "Sam", "Safeguarding"),
}


class DemoUsersNotAllowed(Exception):
    pass


def demo_password(password_file: Path | None = None) -> tuple[str, str]:
    """The demo password and where it came from ("env", "file" or "generated")."""
    given = os.environ.get(PASSWORD_VARIABLE)
    if given:
        return given, "env"
    path = Path(
        password_file or getattr(settings, "SSCP_DEMO_USER_PASSWORD_FILE", Path(settings.BASE_DIR) / PASSWORD_FILE_NAME)
    )
    if path.exists():
        kept = path.read_text().strip()
        if kept:
            return kept, "file"
    password = secrets.token_urlsafe(12)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return password, "generated"


@transaction.atomic
def ensure_demo_users(
    *, password: str | None = None, password_file: Path | None = None, force: bool = False
) -> dict[str, str]:
    """Create or update the demo users; returns username -> password.

    Idempotent: each user exists, is active, is in its role's group only and has
    the demo password. Refuses where ``SSCP_DEMO_CONTENT_ALLOWED`` is off
    (production) unless ``force`` is given. ``password`` overrides the
    environment and the file (tests use it).
    """
    if not getattr(settings, "SSCP_DEMO_CONTENT_ALLOWED", False) and not force:
        raise DemoUsersNotAllowed(
            "Demo users are switched off in these settings (production): they have a shared, known password."
        )
    if password is None:
        password, _source = demo_password(password_file)
    User = get_user_model()
    users = {}
    for username, (group_name, first_name, last_name) in DEMO_USERS.items():
        group = Group.objects.get(name=group_name)  # created by the sscp_workflows migrations
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first_name, "last_name": last_name, "email": f"{username}@example.invalid"},
        )
        if created or not user.check_password(password) or not user.is_active or user.is_staff or user.is_superuser:
            user.set_password(password)
            user.is_active = True
            user.is_staff = False
            user.is_superuser = False
            user.save()
        user.groups.set([group])
        users[username] = password
    return users


def describe_demo_users(users: dict[str, str]) -> str:
    """What the demo command prints: who to log in as, and the password unless it came from the environment."""
    names = ", ".join(f"{name} ({DEMO_USERS[name][0]})" for name in users)
    if os.environ.get(PASSWORD_VARIABLE):
        return f"Demo users: {names}; password as set in {PASSWORD_VARIABLE}."
    password = next(iter(users.values()), "")
    return f"Demo users: {names}; password: {password} (kept in {PASSWORD_FILE_NAME})."
