"""Deleting a referral is audited, and its files go with it (only once the deletion is committed)."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.log_actions import log
from wagtail.models import Page

from .models import ReferralAttachment, ReferralSubmission


@receiver(post_delete, sender=ReferralSubmission)
def log_deleted_referral(sender, instance: ReferralSubmission, **kwargs) -> None:
    # The user comes from Wagtail's log context (set by every admin view); a purge has none.
    page = Page.objects.filter(pk=instance.page_id).first()  # gone when the page itself is deleted
    if page is not None:
        log(page, "sscp_referrals.delete", data={"reference": instance.reference})


@receiver(post_delete, sender=ReferralAttachment)
def delete_attachment_file(sender, instance: ReferralAttachment, **kwargs) -> None:
    file, name = instance.file, instance.file.name
    if name:
        transaction.on_commit(lambda: file.storage.delete(name))
