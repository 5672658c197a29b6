"""Roles and the "Safeguarding sign-off" workflow, on every install, with no clicking.

Forwards:

* "Editors" and "Moderators" (Wagtail's own groups) get exactly the permissions
  below, replacing Wagtail's defaults; "Safeguarding Unit" is created with admin
  access only (the referral work adds its form-submission permission).
* The workflow "Safeguarding sign-off" has one four-eyes approval task for
  Moderators and is assigned to the root of the page tree (so to every site's
  home page and everything below it) and to the contact-panel and
  learning-theme snippets. Wagtail's default "Moderators approval" workflow,
  left with nothing to apply to, is deactivated.

Backwards restores Wagtail's defaults. Running forwards again is harmless.

Only core models are named here: the site apps (home, reviews) are never
imported, so the reusable core migrates on any site.
"""

from django.db import migrations

WORKFLOW = "Safeguarding sign-off"
TASK = "Moderator approval"
WAGTAIL_WORKFLOW = "Moderators approval"
EDITORS = "Editors"
MODERATORS = "Moderators"
SAFEGUARDING_UNIT = "Safeguarding Unit"

# (app label, model, verbose name) of the content that goes through the workflow.
SNIPPETS = [("sscp_wagtail", "contactpanel", "contact panel"), ("sscp_learning", "learningtheme", "learning theme")]
DOCUMENT = ("wagtaildocs", "document", "document")
IMAGE = ("wagtailimages", "image", "image")
# Permissions other apps' migrations create with get_or_create(..., name=...):
# created here under the same name, whichever migration runs first.
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
SUBMIT_TRANSLATION = ("wagtail_localize", "translation", "submit_translation")


def _model_permissions(target, actions):
    app_label, model, verbose_name = target
    return [(app_label, model, f"{action}_{model}", f"Can {action} {verbose_name}") for action in actions]


ROLES = {
    EDITORS: {
        # Draft and submit; never publish, unpublish or delete what is live.
        "model": [
            ACCESS_ADMIN,
            *_model_permissions(DOCUMENT, ["add", "change", "choose"]),
            *_model_permissions(IMAGE, ["add", "change", "choose"]),
            *[perm for snippet in SNIPPETS for perm in _model_permissions(snippet, ["add", "change", "lock"])],
        ],
        "page": ["add_page", "change_page", "lock_page"],
        "collection": ["add_document", "change_document", "choose_document", "add_image", "change_image", "choose_image"],
        "translations": True,
    },
    MODERATORS: {
        # Approve (the last approval publishes), publish, unpublish, delete, unlock.
        "model": [
            ACCESS_ADMIN,
            *_model_permissions(DOCUMENT, ["add", "change", "delete", "choose"]),
            *_model_permissions(IMAGE, ["add", "change", "delete", "choose"]),
            *[
                perm
                for snippet in SNIPPETS
                for perm in _model_permissions(snippet, ["add", "change", "delete", "publish", "lock", "unlock"])
            ],
        ],
        "page": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "collection": [
            "add_document",
            "change_document",
            "delete_document",
            "choose_document",
            "add_image",
            "change_image",
            "delete_image",
            "choose_image",
        ],
        "translations": True,
    },
    SAFEGUARDING_UNIT: {"model": [ACCESS_ADMIN], "page": [], "collection": [], "translations": False},
}

# What Wagtail's own migrations give its two groups, restored on the way back.
_WAGTAIL_MODEL_DEFAULTS = [
    ACCESS_ADMIN,
    *_model_permissions(DOCUMENT, ["add", "change", "delete", "choose"]),
    *_model_permissions(IMAGE, ["add", "change", "delete", "choose"]),
]
_WAGTAIL_COLLECTION_DEFAULTS = [
    "add_document",
    "change_document",
    "choose_document",
    "add_image",
    "change_image",
    "choose_image",
]
WAGTAIL_DEFAULTS = {
    EDITORS: {
        "model": _WAGTAIL_MODEL_DEFAULTS,
        "page": ["add_page", "change_page"],
        "collection": _WAGTAIL_COLLECTION_DEFAULTS,
        "translations": True,
    },
    MODERATORS: {
        "model": _WAGTAIL_MODEL_DEFAULTS,
        "page": ["add_page", "change_page", "lock_page", "publish_page", "unlock_page"],
        "collection": _WAGTAIL_COLLECTION_DEFAULTS,
        "translations": True,
    },
}


class Roles:
    def __init__(self, apps):
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.Permission = apps.get_model("auth", "Permission")
        self.Group = apps.get_model("auth", "Group")
        self.Page = apps.get_model("wagtailcore", "Page")
        self.Collection = apps.get_model("wagtailcore", "Collection")
        self.GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
        self.GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def content_type(self, app_label, model):
        return self.ContentType.objects.get_or_create(app_label=app_label, model=model)[0]

    def permission(self, app_label, model, codename, name):
        return self.Permission.objects.get_or_create(
            content_type=self.content_type(app_label, model), codename=codename, defaults={"name": name}
        )[0]

    def page_permission(self, codename):
        action = codename.removesuffix("_page")
        return self.permission("wagtailcore", "page", codename, f"Can {action.replace('_', ' ')} page")

    def collection_permission(self, codename):
        action, model = codename.split("_")
        target = DOCUMENT if model == "document" else IMAGE
        return self.permission(target[0], target[1], codename, f"Can {action} {target[2]}")

    def root_page(self):
        return self.Page.objects.filter(depth=1).order_by("path").first()

    def apply(self, name, spec):
        group = self.Group.objects.get_or_create(name=name)[0]
        permissions = [self.permission(*perm) for perm in spec["model"]]
        if spec["translations"]:
            # Created by wagtail-localize, which also gives it to both groups if it migrates after this.
            app_label, model, codename = SUBMIT_TRANSLATION
            permissions.extend(
                self.Permission.objects.filter(
                    content_type__app_label=app_label, content_type__model=model, codename=codename
                )
            )
        group.permissions.set(permissions)

        self.GroupPagePermission.objects.filter(group=group).delete()
        root = self.root_page()
        if root is not None:
            for codename in spec["page"]:
                self.GroupPagePermission.objects.create(
                    group=group, page=root, permission=self.page_permission(codename)
                )

        self.GroupCollectionPermission.objects.filter(group=group).delete()
        root_collection = self.Collection.objects.filter(depth=1).order_by("path").first()
        if root_collection is not None:
            for codename in spec["collection"]:
                self.GroupCollectionPermission.objects.create(
                    group=group, collection=root_collection, permission=self.collection_permission(codename)
                )
        return group


def create_roles_and_workflow(apps, schema_editor):
    roles = Roles(apps)
    groups = {name: roles.apply(name, spec) for name, spec in ROLES.items()}

    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    FourEyesApprovalTask = apps.get_model("sscp_workflows", "FourEyesApprovalTask")
    Task = apps.get_model("wagtailcore", "Task")

    task = FourEyesApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = FourEyesApprovalTask.objects.create(
            name=TASK, content_type=roles.content_type("sscp_workflows", "foureyesapprovaltask"), active=True
        )
    task.groups.set([groups[MODERATORS]])

    workflow = Workflow.objects.filter(name=WORKFLOW).first() or Workflow.objects.create(name=WORKFLOW, active=True)
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})

    root = roles.root_page()
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for app_label, model, _verbose_name in SNIPPETS:
        WorkflowContentType.objects.update_or_create(
            content_type=roles.content_type(app_label, model), defaults={"workflow": workflow}
        )

    for old in Workflow.objects.filter(name=WAGTAIL_WORKFLOW, active=True):
        in_use = (
            WorkflowPage.objects.filter(workflow=old).exists()
            or WorkflowContentType.objects.filter(workflow=old).exists()
        )
        if not in_use:
            old.active = False
            old.save(update_fields=["active"])
            Task.objects.filter(workflow_tasks__workflow=old).exclude(
                workflow_tasks__workflow__active=True
            ).update(active=False)


def restore_wagtail_defaults(apps, schema_editor):
    roles = Roles(apps)
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    FourEyesApprovalTask = apps.get_model("sscp_workflows", "FourEyesApprovalTask")

    # Cascades to its page and snippet assignments and to its workflow states.
    Workflow.objects.filter(name=WORKFLOW).delete()
    FourEyesApprovalTask.objects.all().delete()

    old = Workflow.objects.filter(name=WAGTAIL_WORKFLOW).first()
    root = roles.root_page()
    if old is not None:
        old.active = True
        old.save(update_fields=["active"])
        apps.get_model("wagtailcore", "Task").objects.filter(workflow_tasks__workflow=old).update(active=True)
        if root is not None and not WorkflowPage.objects.filter(page=root).exists():
            WorkflowPage.objects.create(page=root, workflow=old)

    roles.Group.objects.filter(name=SAFEGUARDING_UNIT).delete()
    for name, spec in WAGTAIL_DEFAULTS.items():
        roles.apply(name, spec)


class Migration(migrations.Migration):
    dependencies = [
        ("sscp_workflows", "0001_four_eyes_task"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("sscp_wagtail", "0001_contact_panels"),
        ("sscp_learning", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, restore_wagtail_defaults)]
