"""Headless preview: an approver sees a draft in the external front end.

``/api/v2/preview/link/<page id>/`` gives a signed-in user who may edit or
publish the page a token for the page's latest revision (and, when
``SSCP_API_PREVIEW_FRONTEND_URL`` is set, sends them to the front end with
it). ``/api/v2/preview/?content_type=<app.model>&token=<token>`` serves that
revision's JSON, in the same shape as ``/api/v2/pages/<id>/``, for
``SSCP_API_PREVIEW_MAX_AGE`` seconds.

The token is signed with ``SECRET_KEY`` (``django.core.signing``) and names
the page, the revision and the user; nothing is stored. When it is used, the
user must still be active and still allowed to edit or publish the page, so
taking someone's permission away ends their links at once. Responses are
``Cache-Control: no-store``. wagtail-headless-preview was not used: its
release at the time supports Wagtail 7, not 8, and keeps preview content in a
database table readable by anyone holding the token until it is cleaned up.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from wagtail.api.utils import get_full_url
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

SALT = "sscp_wagtail.api.preview"


class PreviewDenied(Exception):
    """The token is missing its page, expired, tampered with or no longer honoured."""


def may_preview(user, page: Page) -> bool:
    if user is None or not user.is_active:
        return False
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() or permissions.can_publish()


def content_type_label(page: Page) -> str:
    return page.specific_class._meta.label_lower


def make_token(page: Page, user) -> str:
    revision_id = page.latest_revision_id
    return signing.dumps({"page": page.pk, "revision": revision_id, "user": user.pk}, salt=SALT, compress=True)


def read_token(token: str, content_type: str):
    """The draft page object the token grants, or ``PreviewDenied``/``BadRequestError``."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.SSCP_API_PREVIEW_MAX_AGE)
    except signing.SignatureExpired as error:
        raise PreviewDenied("this preview link has expired; open the preview again from the admin") from error
    except signing.BadSignature as error:
        raise PreviewDenied("this preview token is not valid") from error
    page = Page.objects.filter(pk=data.get("page")).first()
    user = get_user_model().objects.filter(pk=data.get("user")).first()
    if page is None or not may_preview(user, page):
        raise PreviewDenied("this preview token is not valid")
    if content_type.lower() != content_type_label(page):
        raise BadRequestError("content_type does not match the previewed page")
    revision = page.revisions.filter(pk=data.get("revision")).first() if data.get("revision") else None
    draft = revision.as_object() if revision is not None else page.specific
    return draft


def preview_link(request, page_id: int):
    """A preview token for the page's latest revision, for a user who may edit or publish it."""
    page = Page.objects.filter(pk=page_id).first()
    if not request.user.is_authenticated:
        response = JsonResponse({"message": "sign in to the admin to preview a draft"}, status=403)
    elif page is None or page.is_root() or not may_preview(request.user, page):
        response = JsonResponse({"message": "you may not preview this page"}, status=403)
    else:
        token = make_token(page, request.user)
        content_type = content_type_label(page)
        query = urlencode({"content_type": content_type, "token": token})
        frontend = settings.SSCP_API_PREVIEW_FRONTEND_URL
        frontend_url = f"{frontend}{'&' if '?' in frontend else '?'}{query}" if frontend else None
        if frontend_url and request.GET.get("redirect"):
            response = redirect(frontend_url)
        else:
            expires = timezone.now() + dt.timedelta(seconds=settings.SSCP_API_PREVIEW_MAX_AGE)
            response = JsonResponse(
                {
                    "page": page.pk,
                    "content_type": content_type,
                    "token": token,
                    "expires_at": expires.isoformat(),
                    "preview_url": get_full_url(request, f"{reverse('wagtailapi:preview')}?{query}"),
                    "frontend_url": frontend_url,
                }
            )
    patch_cache_control(response, no_store=True, private=True)
    return response
