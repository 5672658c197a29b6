"""The case-review referral form and what it stores.

Wagtail's form builder is the base, with three of its defaults changed for
safeguarding data: the notification email holds no submitted data (see
``notifications.py``), only the Safeguarding Unit can read submissions (see
``wagtail_hooks.py``), and a failing mail server never loses or duplicates a
referral (the submission is committed first and the email sent after commit).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from sscp_wagtail.i18n.fields import synchronised
from sscp_wagtail.rich_text import RICH_TEXT_FEATURES
from sscp_wagtail.routing import RoutedPageMixin

from .fields import ATTACHMENT, max_length_for
from .panels import ReferralSubmissionsPanel
from .serializers import FormFieldDefinitions

# Hidden fields would let a front end pre-fill data the referrer never sees.
FIELD_TYPE_CHOICES = tuple(choice for choice in FORM_FIELD_CHOICES if choice[0] != "hidden") + (
    (ATTACHMENT, _("File attachment (PDF, DOCX or ODT)")),
)
# Only superusers hold it (no group is given it): who is told of new referrals.
CHANGE_NOTIFY_ADDRESS = "sscp_referrals.change_notification_address"


def attachment_path(instance: ReferralAttachment, filename: str) -> str:
    """A random name: the referrer's file name may itself be personal data."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{timezone.now():%Y/%m}/{secrets.token_hex(16)}.{extension}"


def attachment_storage() -> FileSystemStorage:
    """Attachments live outside MEDIA_ROOT, with no URL: only the admin view serves them."""
    return FileSystemStorage(location=settings.SSCP_REFERRAL_FILES_ROOT, base_url=None)


class ReferralFormField(TranslatableMixin, AbstractFormField):
    page = ParentalKey("ReferralFormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(verbose_name=_("field type"), max_length=16, choices=FIELD_TYPE_CHOICES)
    field_type.required_on_save = True
    autocomplete = models.CharField(
        verbose_name=_("autocomplete"),
        max_length=40,
        blank=True,
        help_text=_("The browser's autofill hint, e.g. name, organization, email, tel. Leave blank for none."),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel(
            "help_text",
            help_text=_("Shown under the question: what to write, and why the partnership asks."),
        ),
        FieldPanel("required", help_text=_("Tick if a referral cannot be sent without an answer to this question.")),
        FieldPanel(
            "field_type",
            classname="formbuilder-type",
            required_on_save=True,
            help_text=_("The kind of answer: a line of text, a paragraph, a date, a choice from a list or a file."),
        ),
        FieldPanel("choices", classname="formbuilder-choices"),
        FieldPanel("default_value", classname="formbuilder-default"),
        FieldPanel("autocomplete"),
    ]
    # Translators change the label, hint, choices and default text; the name
    # answers are stored under stays the source's, so a Polish referral's
    # answers line up with an English one's.
    override_translatable_fields = [
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("autocomplete", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass

    @property
    def max_length(self) -> int | None:
        return max_length_for(self.field_type)


class ReferralFormPage(RoutedPageMixin, AbstractEmailForm):
    """A case-review referral form: editors shape its fields, the Safeguarding Unit reads what it stores."""

    intro = RichTextField(verbose_name=_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    thank_you_text = RichTextField(
        verbose_name=_("thank-you text"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown with the referral's reference number once it is sent: say what happens next."),
    )

    content_panels = [
        *AbstractEmailForm.content_panels,
        ReferralSubmissionsPanel(),
        FieldPanel("intro", help_text=_("Shown above the form: who should refer, and what happens to a referral.")),
        InlinePanel(
            "form_fields",
            label=_("Form fields"),
            help_text=_("The questions, in the order the person referring sees them."),
        ),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("to_address", permission=CHANGE_NOTIFY_ADDRESS),
                        FieldPanel(
                            "from_address",
                            permission=CHANGE_NOTIFY_ADDRESS,
                            help_text=_("The sender of the notification email; blank uses the site's address."),
                        ),
                    ]
                ),
                FieldPanel(
                    "subject",
                    permission=CHANGE_NOTIFY_ADDRESS,
                    help_text=_("The notification email's subject. It is sent as written: never put a name in it."),
                ),
            ],
            heading=_("Notification email (superusers only; it never contains the referral)"),
        ),
    ]
    search_fields = [*AbstractEmailForm.search_fields, index.SearchField("intro")]
    # Where notifications go is the same for every language, and not the translators' to change.
    override_translatable_fields = synchronised("to_address", "from_address", "subject")
    # Never to_address, from_address, subject or submissions.
    api_fields = [
        APIField("intro"),
        APIField("thank_you_text"),
        APIField("form_fields", serializer=FormFieldDefinitions()),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("referral form page")
        permissions = [("change_notification_address", "Can change where referral notifications go")]

    def get_submissions_list_view_class(self):
        from .views import ReferralSubmissionsListView

        return ReferralSubmissionsListView

    def get_context(self, request, *args, **kwargs):
        from .forms import new_form_token

        context = super().get_context(request, *args, **kwargs)
        context["form_token"] = new_form_token(self.pk)  # previews too
        return context

    def get_submission_class(self):
        return ReferralSubmission

    def get_form_class(self):
        from .forms import ReferralFormBuilder

        return ReferralFormBuilder(self.get_form_fields()).get_form_class()

    def get_data_fields(self):
        return [
            ("reference", _("Reference")),
            *[(name, label) for name, label in super().get_data_fields()],
        ]

    def notification_recipients(self) -> list[str]:
        address = self.to_address or settings.SSCP_REFERRAL_NOTIFY_EMAIL or ""
        return [part.strip() for part in address.split(",") if part.strip()]

    def process_form_submission(self, form):
        # Wagtail's version emails every field; storing goes through submission.py instead.
        raise NotImplementedError("Referrals are stored by sscp_wagtail.referrals.submission.store_referral")

    def serve(self, request, *args, **kwargs):
        from .views import serve_referral_form

        return serve_referral_form(self, request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        from .views import no_store

        return no_store(super().serve_preview(request, mode_name))


def new_reference(year: int | None = None) -> str:
    """``SCR-<year>-<6 random digits>``: random, so a reference says nothing about how many came before."""
    year = year or timezone.localdate().year
    return f"SCR-{year}-{secrets.randbelow(1_000_000):06d}"


class ReferralSubmission(AbstractFormSubmission):
    """One referral. ``form_token`` is the one-time token of the form it came from."""

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    form_token = models.CharField(max_length=64, unique=True, editable=False)
    notified_at = models.DateTimeField(_("unit notified at"), null=True, blank=True, editable=False)
    notify_attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [
            models.Index(fields=["submit_time"], name="referral_submit_time"),
            models.Index(fields=["notified_at"], name="referral_notified_at"),
        ]

    def __str__(self) -> str:
        # Never the form data: this string appears in logs and admin messages.
        return self.reference

    def get_data(self):
        data = super().get_data()
        data["reference"] = self.reference
        for attachment in self.attachments.all():
            data[attachment.field_name] = attachment.original_name
        return data


class ReferralAttachment(models.Model):
    submission = models.ForeignKey(ReferralSubmission, on_delete=models.CASCADE, related_name="attachments")
    field_name = models.CharField(max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    file = models.FileField(storage=attachment_storage, upload_to=attachment_path, max_length=255)

    class Meta:
        verbose_name = _("referral attachment")

    def __str__(self) -> str:
        return self.original_name
