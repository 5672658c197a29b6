"""Admin views: "what will the public be told at this moment?".

Editors change hours ahead of Christmas or a clock change and need to see
the result for a moment of their choosing, for the draft they are working on
and for the version the public sees now, before they publish.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.contrib.admin.utils import quote, unquote
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button, MenuItem
from wagtail.snippets.views.snippets import EditView, IndexView

from sscp_wagtail.opening_hours import LONDON, status_sentence

from .presentation import describe_moment
from .schedule import load_rows, panel_data

STATUS_VIEW_LABEL = "Check status at a time"


class StatusAtForm(forms.Form):
    at = forms.CharField(
        label="Date and time (UK time)",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local", "step": 60}),
        help_text=(
            "Leave empty for now. In the hour repeated when the clocks go back, the first (BST) hour is used; "
            "a time skipped when the clocks go forward is read as the hour after."
        ),
    )

    def clean_at(self) -> dt.datetime | None:
        value = (self.cleaned_data.get("at") or "").strip()
        if not value:
            return None
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError as error:
            raise forms.ValidationError("Enter a date and time, for example 2026-12-26 10:00.") from error
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=LONDON)
        if not 1970 <= moment.year <= 2100:
            raise forms.ValidationError("Enter a date between 1970 and 2100.")
        return moment.astimezone(LONDON)


@dataclass(frozen=True)
class VersionStatus:
    name: str
    sentence: str
    open: bool
    current: str
    next_change: str
    hours: list[tuple[str, str, list[str]]]


def _describe(moment: dt.datetime | None) -> str:
    if moment is None:
        return "Not within the next year"
    local = moment.astimezone(LONDON)
    return f"{describe_moment(local)} ({local.tzname()})"


def version_status(name: str, panel, at: dt.datetime) -> VersionStatus:
    data = panel_data(panel, year=at.year)
    status = data.schedule.status(at)
    contact = data.contact_for(status.current)
    return VersionStatus(
        name=name,
        sentence=status_sentence(status),
        open=status.open,
        current=f"{contact.label}: {contact.phone}" if contact else "No line is answered",
        next_change=_describe(status.next_change),
        hours=[
            (contact.label, contact.phone, data.schedule.describe_hours(line))
            for line, contact in zip(data.schedule.lines, data.contacts, strict=True)
        ],
    )


class ContactPanelStatusView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    any_permission_required = ["add", "change", "publish", "view"]
    template_name = "sscp_wagtail/admin/contact_panel_status.html"
    page_title = STATUS_VIEW_LABEL
    header_icon = "time"
    model = None
    edit_url_name = None
    index_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(self.model, pk=unquote(str(kwargs["pk"])))

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": self.model._meta.verbose_name_plural.capitalize()},
            {"url": reverse(self.edit_url_name, args=[quote(self.object.pk)]), "label": str(self.object)},
            {"url": "", "label": STATUS_VIEW_LABEL, "sublabel": str(self.object)},
        ]

    @cached_property
    def form(self) -> StatusAtForm:
        return StatusAtForm(self.request.GET or None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        at = timezone.now().astimezone(LONDON).replace(second=0, microsecond=0)
        if self.form.is_bound and self.form.is_valid() and self.form.cleaned_data["at"] is not None:
            at = self.form.cleaned_data["at"]
        versions = []
        if self.object.live:
            load_rows(self.object)
            versions.append(version_status("Published version (what the public sees)", self.object, at))
        if self.object.has_unpublished_changes or not self.object.live:
            draft = self.object.get_latest_revision_as_object()
            versions.append(version_status("Latest draft", draft, at))
        context.update(
            form=self.form,
            at=at,
            at_text=_describe(at),
            versions=versions,
            edit_url=reverse(self.edit_url_name, args=[quote(self.object.pk)]),
        )
        return context


class StatusLinkMixin:
    status_url_name = None

    def get_status_url(self, instance) -> str:
        return reverse(self.status_url_name, args=[quote(instance.pk)])


class ContactPanelIndexView(StatusLinkMixin, IndexView):
    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            MenuItem(STATUS_VIEW_LABEL, url=self.get_status_url(instance), icon_name="time", priority=25),
        ]


class ContactPanelEditView(StatusLinkMixin, EditView):
    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(STATUS_VIEW_LABEL, url=self.get_status_url(self.object), icon_name="time", priority=25),
        ]
