"""``POST /api/v2/forms/<page id>/submissions/``: a referral from a separate front end.

The body is JSON (``{"<field name>": value, ...}``; a list for checkboxes and
multiple selects) or ``multipart/form-data`` when a file is attached. Answers:
201 ``{"reference": "SCR-2026-000123"}``; 400 ``{"errors": {"<field name>":
[...], "__all__": [...]}}``; 413 when the body is too large; 415 for any other
content type; 429 ``{"detail": "..."}`` with ``Retry-After``; 404 for an unknown,
unpublished or private form page. Every answer has ``Cache-Control: no-store``.

The referral goes through exactly the code path of the HTML form
(``submission.submit_referral``): the same form class, so the same errors for
the same input, the same honeypot (``referral_website``), rate limit and storage.

CSRF: the endpoint is exempt. It exists for front ends on another origin, which
cannot hold this site's CSRF cookie, and it acts for nobody: it ignores session
cookies (the request's user is always anonymous), so a forged cross-site request
can do nothing a direct one could not (another site's HTML form can post
multipart here, but only as an anonymous referrer would). It accepts only JSON
or multipart bodies, checks the honeypot and counts toward the per-client rate
limit. The one-time ``form_token`` of the HTML
form is optional here: a front end may send one (as a field) to make retries
safe; without it each accepted request is a new referral.
"""

from __future__ import annotations

import json

from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse, QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import ReferralFormPage
from .submission import submit_referral
from .views import no_store, request_too_large


class NotAcceptable(ValueError):
    pass


def answer(data: dict, status: int, **headers) -> JsonResponse:
    response = JsonResponse(data, status=status)
    for name, value in headers.items():
        response[name] = value
    return no_store(response)


def json_to_querydict(body: bytes) -> QueryDict:
    """JSON in the shape the HTML form posts, so the form sees the same input either way."""
    try:
        payload = json.loads(body or b"{}")
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise NotAcceptable(_("The request body is not valid JSON.")) from error
    if not isinstance(payload, dict):
        raise NotAcceptable(_("The request body must be a JSON object of field names and values."))
    data = QueryDict(mutable=True)
    for name, value in payload.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, bool):
                data.appendlist(name, "on" if item else "")
            elif item is None:
                data.appendlist(name, "")
            elif isinstance(item, str | int | float):
                data.appendlist(name, str(item))
            else:
                raise NotAcceptable(_("The value of %(name)s must be text, a number, true or false.") % {"name": name})
    return data


def live_public_form(page_id: int) -> ReferralFormPage | None:
    return ReferralFormPage.objects.live().public().filter(pk=page_id).first()


@csrf_exempt
@require_POST
def submit(request, page_id: int):
    page = live_public_form(page_id)
    if page is None:
        return answer({"detail": _("There is no referral form here.")}, 404)
    if request_too_large(request):
        return answer({"detail": _("The referral is too large to send.")}, 413)
    request.user = AnonymousUser()
    content_type = request.content_type
    try:
        if content_type == "application/json":
            data, files = json_to_querydict(request.body), None
        elif content_type == "multipart/form-data":
            data, files = request.POST, request.FILES
        else:
            return answer({"detail": _("Send the referral as JSON or multipart/form-data.")}, 415)
    except NotAcceptable as error:
        return answer({"errors": {"__all__": [str(error)]}}, 400)

    outcome = submit_referral(page, request, data, files, require_token=False)
    if outcome.rate_limited:
        minutes = max(1, -(-outcome.retry_after // 60))
        detail = ngettext(
            "Too many referrals have been sent from here. Try again in %(minutes)s minute.",
            "Too many referrals have been sent from here. Try again in %(minutes)s minutes.",
            minutes,
        ) % {"minutes": minutes}
        return answer({"detail": detail}, 429, **{"Retry-After": str(outcome.retry_after)})
    if outcome.submission is None:
        return answer({"errors": outcome.form.json_errors()}, 400)
    # A replayed token answers with the referral it already made, as the HTML form does.
    return answer({"reference": outcome.submission.reference}, 201)
