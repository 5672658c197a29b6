"""A referral form's fields become translatable with their page.

Each field takes its page's locale. Fields of pages that are translations of
one another share a translation key when they share a ``clean_name`` (the
name submissions are stored under), so wagtail-localize pairs them. Reversing
drops the columns again; nothing else changes.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def give_fields_their_page_s_locale(apps, schema_editor):
    ReferralFormField = apps.get_model("sscp_referrals", "ReferralFormField")
    keys: dict[tuple, uuid.UUID] = {}
    for field in ReferralFormField.objects.select_related("page").order_by("pk"):
        field.locale_id = field.page.locale_id
        field.translation_key = keys.setdefault((field.page.translation_key, field.clean_name), uuid.uuid4())
        field.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("sscp_referrals", "0002_safeguarding_unit_access"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="referralformfield",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
        migrations.AddField(
            model_name="referralformfield",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_fields_their_page_s_locale, migrations.RunPython.noop),
    ]
