"""After ``migrate`` the roles and the sign-off workflow exist, with exactly the
intended permissions, and the data migration can be undone and redone."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Task,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
)

from sscp_wagtail.learning.models import LearningTheme
from sscp_wagtail.models import ContactPanel
from sscp_wagtail.workflows.models import FourEyesApprovalTask

roles_migration = importlib.import_module("sscp_wagtail.workflows.migrations.0002_roles_and_sign_off")
referrals_migration = importlib.import_module("sscp_wagtail.referrals.migrations.0002_safeguarding_unit_access")

DOCUMENTS_AND_IMAGES = {
    "add_document",
    "change_document",
    "choose_document",
    "add_image",
    "change_image",
    "choose_image",
}


def model_permissions(name: str) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name=name).permissions.all()}


def page_permissions(name: str) -> set[tuple[int, str]]:
    return {(p.page.depth, p.permission.codename) for p in GroupPagePermission.objects.filter(group__name=name)}


def collection_permissions(name: str) -> set[str]:
    permissions = GroupCollectionPermission.objects.filter(group__name=name)
    assert all(p.collection == Collection.get_first_root_node() for p in permissions)
    return {p.permission.codename for p in permissions}


def check_editors():
    assert page_permissions("Editors") == {(1, "add_page"), (1, "change_page"), (1, "lock_page")}
    assert collection_permissions("Editors") == DOCUMENTS_AND_IMAGES
    assert model_permissions("Editors") == {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        *(f"wagtaildocs.{action}_document" for action in ("add", "change", "choose")),
        *(f"wagtailimages.{action}_image" for action in ("add", "change", "choose")),
        *(f"sscp_wagtail.{action}_contactpanel" for action in ("add", "change", "lock")),
        *(f"sscp_learning.{action}_learningtheme" for action in ("add", "change", "lock")),
    }


@pytest.mark.django_db
def test_editors_draft_but_cannot_publish_unpublish_or_delete():
    check_editors()


@pytest.mark.django_db
def test_the_safeguarding_unit_reads_referrals_but_has_no_page_or_content_permissions():
    check_safeguarding_unit()


@pytest.mark.django_db
def test_moderators_approve_publish_unpublish_and_delete():
    assert page_permissions("Moderators") == {
        (1, codename) for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
    }
    assert collection_permissions("Moderators") == DOCUMENTS_AND_IMAGES | {"delete_document", "delete_image"}
    snippet_actions = ("add", "change", "delete", "publish", "lock", "unlock")
    assert model_permissions("Moderators") == {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        *(f"wagtaildocs.{action}_document" for action in ("add", "change", "delete", "choose")),
        *(f"wagtailimages.{action}_image" for action in ("add", "change", "delete", "choose")),
        *(f"sscp_wagtail.{action}_contactpanel" for action in snippet_actions),
        *(f"sscp_learning.{action}_learningtheme" for action in snippet_actions),
    }


def check_safeguarding_unit():
    assert model_permissions("Safeguarding Unit") == {
        "wagtailadmin.access_admin",
        # Given by the referral app's migration: its submissions are the unit's alone.
        "sscp_referrals.view_referralsubmission",
        "sscp_referrals.delete_referralsubmission",
    }
    assert page_permissions("Safeguarding Unit") == set()
    assert collection_permissions("Safeguarding Unit") == set()


@pytest.mark.django_db
def test_the_sign_off_workflow_covers_every_page_and_both_snippets():
    workflow = Workflow.objects.get(name="Safeguarding sign-off")
    assert workflow.active
    (task,) = workflow.tasks.specific()
    assert isinstance(task, FourEyesApprovalTask)
    assert task.active
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]

    root = Page.get_first_root_node()
    assert WorkflowPage.objects.get(page=root).workflow == workflow
    home = Site.objects.get(is_default_site=True).root_page
    assert home.get_workflow() == workflow
    assert ContactPanel.get_default_workflow() == workflow
    assert LearningTheme.get_default_workflow() == workflow
    assert WorkflowContentType.objects.filter(workflow=workflow).count() == 2

    # Wagtail's default workflow is left with nothing to do and switched off.
    assert not Workflow.objects.get(name="Moderators approval").active
    assert list(Task.objects.filter(active=True)) == [task.task_ptr]


@pytest.mark.django_db
def test_the_migration_reverses_to_wagtails_defaults_and_reapplies_cleanly():
    roles_migration.restore_wagtail_defaults(apps, None)
    assert not Workflow.objects.filter(name="Safeguarding sign-off").exists()
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow.name == "Moderators approval"
    assert Workflow.objects.get(name="Moderators approval").active
    assert not Group.objects.filter(name="Safeguarding Unit").exists()
    assert page_permissions("Editors") == {(1, "add_page"), (1, "change_page")}
    assert "wagtaildocs.delete_document" in model_permissions("Editors")
    assert not FourEyesApprovalTask.objects.exists()

    roles_migration.create_roles_and_workflow(apps, None)
    roles_migration.create_roles_and_workflow(apps, None)  # and again: nothing doubles
    referrals_migration.grant(apps, None)  # the migrations after it, as `migrate` runs them
    check_editors()
    check_safeguarding_unit()
    assert Workflow.objects.filter(name="Safeguarding sign-off").count() == 1
    assert FourEyesApprovalTask.objects.count() == 1
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow.name == "Safeguarding sign-off"
