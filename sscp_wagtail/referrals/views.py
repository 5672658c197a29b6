"""The public form's responses, and the Safeguarding Unit's admin views."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.forms.views import DeleteSubmissionsView, SubmissionsListView
from wagtail.log_actions import log

from .fields import ATTACHMENT
from .forms import HONEYPOT, TOKEN, new_form_token
from .models import ReferralAttachment
from .permissions import can_delete_referrals, can_read_referrals
from .submission import submit_referral


def no_store(response):
    """Referral pages are never kept by a browser or a shared cache."""
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True, private=True)
    return response


def request_too_large(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > settings.SSCP_REFERRAL_MAX_REQUEST_SIZE


def render_form(request, page, form, token, *, status=200, notice=None):
    context = page.get_context(request)
    context.update(form=form, form_token=token, notice=notice)
    return no_store(TemplateResponse(request, page.get_template(request), context, status=status))


def answers_kept(request) -> dict:
    """What was typed, to show again in an unvalidated form."""
    return {
        name: values if len(values) > 1 else values[0]
        for name, values in request.POST.lists()
        if name not in (TOKEN, HONEYPOT)
    }


def rate_limited_response(request, page, seconds: int):
    minutes = max(1, -(-seconds // 60))
    retry_at = timezone.localtime() + timedelta(seconds=seconds)
    notice = {
        "title": _("Your referral has not been sent yet"),
        "lines": [
            ngettext(
                "Too many referrals have been sent from this connection in a short time. "
                "Please try again in %(minutes)s minute, after %(time)s.",
                "Too many referrals have been sent from this connection in a short time. "
                "Please try again in %(minutes)s minutes, after %(time)s.",
                minutes,
            )
            % {"minutes": minutes, "time": date_format(retry_at, "TIME_FORMAT")},
            _("Your answers are kept below; attach any file again before you send the form."),
        ],
    }
    form = page.get_form(initial=answers_kept(request), page=page, user=request.user)
    response = render_form(request, page, form, new_form_token(page.pk), status=429, notice=notice)
    response["Retry-After"] = str(seconds)
    return response


def too_large_response(request, page):
    notice = {
        "title": _("Your referral has not been sent"),
        "lines": [
            _("The attached file is too large: it must be smaller than %(limit)s.")
            % {"limit": filesizeformat(settings.SSCP_REFERRAL_MAX_ATTACHMENT_SIZE)},
            _("Use your browser's Back button to return to your answers, then attach a smaller file."),
        ],
    }
    form = page.get_form(page=page, user=request.user)
    return render_form(request, page, form, new_form_token(page.pk), status=413, notice=notice)


def serve_referral_form(page, request, *args, **kwargs):
    if request.method == "POST":
        if request_too_large(request):
            return too_large_response(request, page)
        outcome = submit_referral(page, request, request.POST, request.FILES)
        if outcome.rate_limited:
            return rate_limited_response(request, page, outcome.retry_after)
        if outcome.submission is not None:
            return no_store(page.render_landing_page(request, outcome.submission))
        form = outcome.form
        # A genuine token that stored nothing yet stays; a bad or expired one is replaced.
        token = request.POST.get(TOKEN) if form.nonce else new_form_token(page.pk)
        return render_form(request, page, form, token)
    return render_form(request, page, page.get_form(page=page, user=request.user), new_form_token(page.pk))


# --- Admin --------------------------------------------------------------------


class ReferralSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions list, for the Safeguarding Unit only, with every look written to the audit log."""

    def dispatch(self, request, *args, **kwargs):
        if not can_read_referrals(request.user):
            raise PermissionDenied
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code == 200:
            if self.is_export:
                log(self.form_page, "sscp_referrals.export", data={"format": request.GET.get("export", "")})
            elif not self.results_only:
                log(self.form_page, "sscp_referrals.view")
        return response

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("attachments")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_export:
            return context
        names = [name for name, _label in self.form_page.get_data_fields()]
        attachment_names = {
            field.clean_name for field in self.form_page.get_form_fields() if field.field_type == ATTACHMENT
        }
        by_id = {submission.pk: submission for submission in context["submissions"]}
        for row in context.get("data_rows", []):
            attachments = {a.field_name: a for a in by_id[row["model_id"]].attachments.all()}
            for index, name in enumerate(names):
                if name in attachment_names and name in attachments:
                    attachment = attachments[name]
                    row["fields"][index] = format_html(
                        '<a href="{}" download>{}</a>',
                        attachment_url(attachment),
                        attachment.original_name,
                    )
        return context


class ReferralDeleteSubmissionsView(DeleteSubmissionsView):
    """Wagtail's delete view, which for a referral form also needs the delete permission.

    ``wagtail_hooks`` registers it at Wagtail's own address for the view, ahead
    of Wagtail's pattern; for other forms it behaves exactly as Wagtail's.
    """

    def dispatch(self, request, *args, **kwargs):
        from .models import ReferralFormPage

        is_referral_form = ReferralFormPage.objects.filter(pk=kwargs.get("page_id")).exists()
        if is_referral_form and not can_delete_referrals(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def attachment_url(attachment: ReferralAttachment) -> str:
    from django.urls import reverse

    return reverse("sscp_referrals:attachment", args=[attachment.pk])


@require_admin_access
@require_GET
def download_attachment(request, attachment_id: int):
    if not can_read_referrals(request.user):
        raise PermissionDenied
    attachment = get_object_or_404(ReferralAttachment.objects.select_related("submission__page"), pk=attachment_id)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    log(
        attachment.submission.page,
        "sscp_referrals.download",
        data={"reference": attachment.submission.reference, "attachment": attachment.pk},
    )
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return no_store(response)


@require_admin_access
@require_GET
def referral_forms_index(request):
    """The unit's way in: Wagtail's Forms index needs page permissions the unit does not have."""
    if not can_read_referrals(request.user):
        raise PermissionDenied
    from .models import ReferralFormPage

    forms = ReferralFormPage.objects.order_by("title")
    return TemplateResponse(request, "sscp_referrals/admin/index.html", {"form_pages": forms})
