"""The one path every referral takes, from the HTML form and the JSON endpoint alike.

``submit_referral`` applies the rate limit, validates, stores the referral and
its files in one transaction, and schedules the unit's notification for after
the commit. A mail failure therefore never touches the stored referral, and a
replayed form (double click, back-and-resend, a retried request) finds the row
its token already made instead of making another.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction

from .models import ReferralAttachment, ReferralSubmission, new_reference
from .notifications import notify_unit_after_commit

if TYPE_CHECKING:
    from .forms import ReferralBaseForm
    from .models import ReferralFormPage

REFERENCE_ATTEMPTS = 20


@dataclass
class Outcome:
    form: ReferralBaseForm | None = None
    submission: ReferralSubmission | None = None
    retry_after: int | None = None  # seconds, when rate-limited
    replayed: bool = False

    @property
    def rate_limited(self) -> bool:
        return self.retry_after is not None


# --- Rate limit --------------------------------------------------------------


def client_key(request) -> str:
    """The client's address, keyed with the secret so the cache never holds an IP address.

    Behind a proxy, ``SSCP_REFERRAL_CLIENT_IP_HEADER`` names the header (e.g.
    ``HTTP_X_REAL_IP``) that the proxy sets; it must be one that clients cannot
    set themselves.
    """
    header = settings.SSCP_REFERRAL_CLIENT_IP_HEADER
    address = (request.META.get(header, "") if header else "") or request.META.get("REMOTE_ADDR", "")
    address = address.split(",")[0].strip()
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


class RateLimit:
    """A fixed window per client, counted in Django's cache.

    The count is only shared between processes when the cache is (Redis in
    production, ``CACHE_URL``); with per-process memory each process counts
    on its own.
    """

    def __init__(self, key: str, *, now: float | None = None) -> None:
        self.limit = settings.SSCP_REFERRAL_RATE_LIMIT
        self.window = settings.SSCP_REFERRAL_RATE_WINDOW
        now = time.time() if now is None else now
        start = math.floor(now / self.window) * self.window
        self.cache_key = f"sscp_referrals:rate:{key}:{start}"
        self.retry_after = max(1, math.ceil(start + self.window - now))

    def exceeded(self) -> bool:
        return (cache.get(self.cache_key) or 0) >= self.limit

    def hit(self) -> None:
        if cache.add(self.cache_key, 1, timeout=self.window + 1):
            return
        try:
            cache.incr(self.cache_key)
        except ValueError:  # expired between add and incr
            cache.add(self.cache_key, 1, timeout=self.window + 1)


# --- Storing -----------------------------------------------------------------


def _save(page: ReferralFormPage, form: ReferralBaseForm, nonce: str) -> ReferralSubmission:
    """One attempt, in one transaction; files written before a failure are removed again."""
    written = []
    try:
        with transaction.atomic():
            submission = ReferralSubmission.objects.create(
                page=page, form_data=form.data_fields(), reference=new_reference(), form_token=nonce
            )
            for name, upload in form.attachments().items():
                attachment = ReferralAttachment(
                    submission=submission,
                    field_name=name,
                    original_name=upload.name[-255:],
                    content_type=upload.checked.content_type,
                    size=upload.size,
                )
                attachment.file.save(upload.name, upload, save=False)
                written.append(attachment.file)
                attachment.save()
    except BaseException:
        for stored in written:
            stored.storage.delete(stored.name)
        raise
    return submission


def store_referral(page: ReferralFormPage, form: ReferralBaseForm, nonce: str) -> tuple[ReferralSubmission, bool]:
    """Store the referral and its files atomically; (submission, created).

    A token already used returns the referral it made. References are random,
    so two can collide: the unique index decides, and another is drawn.
    """
    existing = ReferralSubmission.objects.filter(form_token=nonce).first()
    if existing is not None:
        return existing, False
    for _attempt in range(REFERENCE_ATTEMPTS):
        try:
            submission = _save(page, form, nonce)
        except IntegrityError:
            existing = ReferralSubmission.objects.filter(form_token=nonce).first()
            if existing is not None:  # the same form, sent twice at once
                return existing, False
            continue  # a reference collision: draw another
        notify_unit_after_commit(submission.pk)
        return submission, True
    raise RuntimeError("Could not draw a free referral reference")


def submit_referral(page: ReferralFormPage, request, data, files, *, require_token: bool = True) -> Outcome:
    limit = RateLimit(client_key(request))
    if limit.exceeded():
        return Outcome(retry_after=limit.retry_after)
    form = page.get_form(data, files, page=page, user=request.user, require_token=require_token)
    if not form.is_valid():
        if form.honeypot_filled:
            limit.hit()
        return Outcome(form=form)
    # Without a token (the JSON endpoint's clients may not send one) each request is its own referral.
    nonce = form.nonce or secrets.token_hex(16)
    submission, created = store_referral(page, form, nonce)
    if created:
        limit.hit()
    return Outcome(form=form, submission=submission, replayed=not created)
