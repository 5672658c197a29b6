"""An edit-form panel that shows what might identify a child, for the editor and the approver."""

from __future__ import annotations

from collections.abc import Sequence

from wagtail.admin.panels import Panel

from .checks import check_content, check_identifying_information


class IdentifyingInformationPanel(Panel):
    """Warns, never blocks: lists text in ``fields`` that looks like a date of birth,
    a full postcode, an unknown phone number, an email address or a person's name.

    It reads the version being edited (the latest draft), so whoever opens the
    page for approval sees the warnings for what they are about to approve.
    Names found in ``allowed_fields`` (a reviewer's name, say) are not flagged.
    """

    def __init__(self, fields: Sequence[str] = (), allowed_fields: Sequence[str] = (), **kwargs):
        kwargs.setdefault("heading", "Possible identifying information")
        super().__init__(**kwargs)
        self.fields = tuple(fields)
        self.allowed_fields = tuple(allowed_fields)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "fields": self.fields, "allowed_fields": self.allowed_fields}

    class BoundPanel(Panel.BoundPanel):
        template_name = "sscp_wagtail/editor/identifying_information_panel.html"

        def findings(self):
            if not hasattr(self, "_findings"):
                self._findings = check_identifying_information(
                    self.instance, self.panel.fields, self.panel.allowed_fields
                )
            return self._findings

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["findings"] = self.findings()
            context["checked"] = bool(self.instance.pk)
            return context


class ContentChecksPanel(Panel):
    """Warnings about how the page reads: link text, document links, heading levels,
    long paragraphs and (with ``summary_field``) a summary longer than three sentences.
    ``sectioned``: the page shows each field under its own h2 (see ``check_content``)."""

    def __init__(self, fields: Sequence[str] = (), summary_field: str | None = None, sectioned: bool = False, **kwargs):
        kwargs.setdefault("heading", "Content checks")
        super().__init__(**kwargs)
        self.fields = tuple(fields)
        self.summary_field = summary_field
        self.sectioned = sectioned

    def clone_kwargs(self):
        return {
            **super().clone_kwargs(),
            "fields": self.fields,
            "summary_field": self.summary_field,
            "sectioned": self.sectioned,
        }

    class BoundPanel(Panel.BoundPanel):
        template_name = "sscp_wagtail/editor/content_checks_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["warnings"] = check_content(
                self.instance, self.panel.fields, self.panel.summary_field, sectioned=self.panel.sectioned
            )
            context["checked"] = bool(self.instance.pk)
            return context
