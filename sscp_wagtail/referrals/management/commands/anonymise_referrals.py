"""Strip the personal data out of every referral, for a copy of the production database.

A staging or training site restored from a production backup must not hold
real referrals. This keeps each referral's shape (its form, reference, dates,
notification state and the criteria chosen, which name no one) and replaces
every answer that could identify someone: free text by a note of its length,
email addresses and web addresses by reserved example ones, numbers by 0 and
dates by nothing. Attached files are deleted, with their records.

It refuses to run unless ``--database-name`` repeats the name of the database it
is connected to, so it cannot be pointed at production by a stray environment.
"""

from __future__ import annotations

import secrets

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from sscp_wagtail.referrals.fields import ATTACHMENT
from sscp_wagtail.referrals.models import ReferralAttachment, ReferralFormField, ReferralSubmission

ANONYMISED = "anonymised-"
# Answers that are one of the editor's own choices, not the referrer's words.
CHOICE_TYPES = {"checkbox", "checkboxes", "dropdown", "multiselect", "radio"}


def anonymised(field_type: str, value, number: int):
    if value in (None, "", [], False):
        return value
    if field_type in CHOICE_TYPES:
        return value
    if field_type == "email":
        return f"referrer-{number}@example.invalid"
    if field_type == "url":
        return "https://example.invalid/"
    if field_type == "number":
        return 0
    if field_type in {"date", "datetime"}:
        return None
    if field_type == ATTACHMENT:
        return "[file removed]"
    return f"[removed: {len(str(value))} characters]"


class Command(BaseCommand):
    help = "Replace the personal data in every referral, and delete attached files (for staging copies only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-name",
            required=True,
            help="The name of the database this will change, as a check that it is the copy you mean.",
        )

    def handle(self, *args, database_name: str, **options):
        actual = connection.settings_dict["NAME"]
        if str(database_name) != str(actual):
            raise CommandError(
                f"This would change the database {actual!r}, not {database_name!r}. Nothing was changed. "
                "Run it only on a copy, naming that copy's database."
            )
        field_types = {(field.page_id, field.clean_name): field.field_type for field in ReferralFormField.objects.all()}
        changed = 0
        with transaction.atomic():
            files = ReferralAttachment.objects.count()
            # The files go once the deletion commits (see signals.py).
            ReferralAttachment.objects.all().delete()
            # A referral already done carries an "anonymised-" token in place of its form's one.
            remaining = ReferralSubmission.objects.exclude(form_token__startswith=ANONYMISED)
            for submission in remaining.select_for_update().order_by("pk").iterator():
                submission.form_data = {
                    name: anonymised(field_types.get((submission.page_id, name), "multiline"), value, submission.pk)
                    for name, value in submission.form_data.items()
                }
                submission.form_token = f"{ANONYMISED}{secrets.token_hex(16)}"
                submission.save(update_fields=["form_data", "form_token"])
                changed += 1
        self.stdout.write(f"Anonymised {changed} referrals and deleted {files} attached files in {actual!r}.")
