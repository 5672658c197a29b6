"""The Safeguarding Unit, and only it, reads and deletes referrals.

The group is created by ``sscp_workflows``' roles migration; this adds the two
permissions that the referral views check. Reversing removes them again.
"""

from django.db import migrations

GROUP = "Safeguarding Unit"
PERMISSIONS = [
    ("view_referralsubmission", "Can view referral"),
    ("delete_referralsubmission", "Can delete referral"),
]


def permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type = ContentType.objects.get_or_create(app_label="sscp_referrals", model="referralsubmission")[0]
    return [
        Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]
        for codename, name in PERMISSIONS
    ]


def grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)[0]
    group.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("sscp_referrals", "0001_initial"),
        ("sscp_workflows", "0002_roles_and_sign_off"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
