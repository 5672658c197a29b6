"""The referral form, built from the page's fields.

One form class serves the HTML page and the JSON endpoint, so both give the
same errors for the same input. On top of Wagtail's form builder it limits
every field's length, refuses control characters, adds the attachment type,
a honeypot and the one-time form token, and describes each field's hint and
errors to assistive technology.
"""

from __future__ import annotations

import secrets

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from .fields import (
    MAX_LENGTHS,
    check_attachment,
    reject_control_characters,
    reject_control_characters_multiline,
)

HONEYPOT = "referral_website"
TOKEN = "form_token"  # noqa: S105 - a field name
TOKEN_SALT = "sscp_referrals.form_token"  # noqa: S105 - a signing salt, not a secret


def new_form_token(page_id: int) -> str:
    """A signed, timestamped one-time token for one rendering of the form."""
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(f"{page_id}:{secrets.token_hex(16)}")


def read_form_token(token: str, page_id: int) -> str | None:
    """The token's nonce if it is genuine, for this page and not expired; else None."""
    try:
        value = signing.TimestampSigner(salt=TOKEN_SALT).unsign(
            token, max_age=settings.SSCP_REFERRAL_FORM_TOKEN_MAX_AGE
        )
    except signing.BadSignature:  # includes SignatureExpired
        return None
    page, _sep, nonce = value.partition(":")
    return nonce if page == str(page_id) and len(nonce) == 32 else None


class CleanTextMixin:
    """Control characters are refused before any other check, so the one clear message is shown."""

    forbid = staticmethod(reject_control_characters)

    def to_python(self, value):
        if isinstance(value, str):
            self.forbid(value)
        return super().to_python(value)


class TextField(CleanTextMixin, forms.CharField):
    pass


class MultilineTextField(CleanTextMixin, forms.CharField):
    forbid = staticmethod(reject_control_characters_multiline)


class EmailField(CleanTextMixin, forms.EmailField):
    pass


class URLField(CleanTextMixin, forms.URLField):
    pass


class AttachmentField(forms.FileField):
    widget = forms.ClearableFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 255)  # the file name
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ".pdf,.docx,.odt"

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            upload.checked = check_attachment(upload)
        return upload


class ReferralFormBuilder(FormBuilder):
    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.field_type in MAX_LENGTHS:
            options["max_length"] = MAX_LENGTHS[field.field_type]
        return options

    def create_singleline_field(self, field, options):
        return TextField(**options)

    def create_multiline_field(self, field, options):
        return MultilineTextField(widget=forms.Textarea(attrs={"rows": 8}), **options)

    def create_email_field(self, field, options):
        return EmailField(**options)

    def create_url_field(self, field, options):
        return URLField(assume_scheme="https", **options)

    def create_number_field(self, field, options):
        return forms.DecimalField(max_digits=12, decimal_places=2, **options)

    def create_attachment_field(self, field, options):
        options.pop("initial", None)
        return AttachmentField(**options)

    @property
    def formfields(self):
        formfields = super().formfields
        for field in self.fields:
            formfield = formfields[field.clean_name or field.get_field_clean_name()]
            if getattr(field, "autocomplete", ""):
                formfield.widget.attrs["autocomplete"] = field.autocomplete
        return formfields

    def get_form_class(self):
        return type("ReferralForm", (ReferralBaseForm,), self.formfields)


class ReferralBaseForm(BaseForm):
    """Adds the honeypot and the one-time token, and ARIA links from fields to their hints and errors."""

    def __init__(self, *args, require_token: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.require_token = require_token
        self.nonce: str | None = None
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Leave this field empty"), required=False, max_length=200, widget=forms.TextInput
        )
        self.fields[HONEYPOT].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields[TOKEN] = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
        for name, field in self.fields.items():
            if field.help_text and name not in (HONEYPOT, TOKEN):
                field.widget.attrs["aria-describedby"] = f"{self[name].auto_id}-hint"

    @property
    def honeypot_filled(self) -> bool:
        return bool(self.data.get(HONEYPOT))

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT]

    def clean(self):
        cleaned = super().clean()
        if self.honeypot_filled:
            raise forms.ValidationError(_("Your referral could not be sent. Please try again."), code="honeypot")
        token = self.data.get(TOKEN) or ""
        if token:
            self.nonce = read_form_token(token, self.page.pk)
            if self.nonce is None:
                raise forms.ValidationError(
                    _(
                        "This form was open for too long, so it was not sent. Your answers are kept below: "
                        "check them, attach any file again and send the form again."
                    ),
                    code="token",
                )
        elif self.require_token:
            raise forms.ValidationError(
                _("The form could not be checked. Reload the page and send it again."), code="token"
            )
        return cleaned

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                described = widget.attrs.get("aria-describedby", "")
                widget.attrs["aria-describedby"] = f"{described} {self[name].auto_id}-error".strip()
                widget.attrs["aria-invalid"] = "true"

    def data_fields(self):
        """(name, value) pairs to store: everything but files, the honeypot and the token."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in (HONEYPOT, TOKEN) and not isinstance(self.fields[name], AttachmentField)
        }

    def attachments(self):
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if isinstance(self.fields.get(name), AttachmentField) and value
        }

    def error_summary(self):
        """(anchor id, message) for the GOV.UK error summary, fields in page order."""
        items = [("", str(message)) for message in self.non_field_errors()]
        for name in self.fields:
            if name in self.errors and name not in (HONEYPOT, TOKEN):
                bound = self[name]
                anchor = bound.auto_id
                if isinstance(bound.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                    anchor = f"{anchor}_0"
                items.extend((anchor, str(message)) for message in bound.errors)
        return items

    def json_errors(self) -> dict[str, list[str]]:
        errors: dict[str, list[str]] = {}
        for name, messages in self.errors.items():
            key = "__all__" if name in ("__all__", HONEYPOT, TOKEN) else name
            errors.setdefault(key, []).extend(str(message) for message in messages)
        return errors
