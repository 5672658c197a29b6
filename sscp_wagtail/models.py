"""Contact panels: who to call, and when, as a translatable, moderated snippet.

The rows here are only storage and editing. What a panel *means* (is a line
open, which number to call now) is decided by the pure engine in
``opening_hours.py``; ``contact_panels/schedule.py`` is the one adapter
between the two, so nothing in this file reads the clock.

Translation: labels, titles and closure reasons are translated; phone
numbers, emails, dates and times are synchronised from the source panel and
cannot be overridden, because a translated page must never show a different
number from the English one.
"""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .api.serializers import ContactPanelStatusField, LocaleCodeField, WeekdayNameField
from .contact_panels.forms import ContactPanelForm
from .contact_panels.moments import MOMENTS, NOW, moment_for
from .contact_panels.validation import (
    ALWAYS_OPEN_LABEL,
    OUT_OF_HOURS_LABEL,
    OVERNIGHT_LABEL,
    hours_row_errors,
)
from .phone_numbers import PhoneNumberError, UKPhoneNumber, parse_uk_phone_number

WEEKDAY_CHOICES = [
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
]


def validate_uk_phone_number(value: str) -> None:
    try:
        parse_uk_phone_number(value)
    except PhoneNumberError as error:
        raise ValidationError(str(error), code="invalid_phone") from error


class WallClockTimeField(models.TimeField):
    """A time of day on the office clock. Exists to give editors a message
    that says what a valid time looks like, instead of "Enter a valid time."
    when they type 25:00 or 5.30pm."""

    invalid_message = (
        "Enter a time on the 24-hour clock between 00:00 and 23:59, such as 08:30 or 17:00. "
        "For midnight at the end of the day, enter 00:00."
    )

    def formfield(self, **kwargs):
        kwargs.setdefault("error_messages", {"invalid": self.invalid_message})
        return super().formfield(**kwargs)


class HoursRowMixin(models.Model):
    """Opening and closing times with the explicit "runs past midnight" box."""

    opens = WallClockTimeField(help_text="24-hour clock, e.g. 08:30.")
    closes = WallClockTimeField(help_text="24-hour clock, e.g. 17:00. Use 00:00 for midnight.")
    overnight = models.BooleanField(
        OVERNIGHT_LABEL,
        default=False,
        help_text="Tick if these hours close the next morning, e.g. 22:00 to 02:00.",
    )

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        errors = hours_row_errors(self.opens, self.closes, self.overnight)
        if errors:
            raise ValidationError(errors)


class ContactPanel(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A "who to call" panel: a title, a lead line and ordered phone lines
    whose hours decide which number the public is told to call right now."""

    title = models.CharField(max_length=255, help_text="What the panel is about, e.g. 'Child abuse or neglect'.")
    lead = models.CharField(
        max_length=255,
        blank=True,
        help_text="One short line under the title, e.g. 'Do not ignore it'.",
    )

    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="contact_panel",
        for_concrete_model=False,
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="contact_panel",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("lead"),
    ]
    line_panels = [
        InlinePanel(
            "lines",
            heading="Phone lines",
            label="Phone line",
            min_num=1,
            help_text=(
                "In the order the public should try them. The first line that is open is the one shown as "
                "'call now'; an out-of-hours line is shown whenever none of the others is open."
            ),
        ),
    ]
    closure_panels = [
        InlinePanel(
            "closures",
            heading="Closures",
            label="Closure",
            help_text=(
                "Whole days the office lines are closed, e.g. a Christmas closure. Bank holidays are already "
                "included for lines marked 'Closed on bank holidays'. The out-of-hours line covers these days."
            ),
        ),
        InlinePanel(
            "special_openings",
            heading="Special opening hours",
            label="Special opening",
            help_text=(
                "Days when the office lines keep different hours, e.g. open on a bank holiday. These hours "
                "replace the usual hours for that day."
            ),
        ),
    ]

    # In the order a comms officer works: what the panel says, its numbers, then the exceptions.
    edit_handler = TabbedInterface(
        [
            ObjectList(panels, heading="Panel"),
            ObjectList(line_panels, heading="Phone lines"),
            ObjectList(closure_panels, heading="Closures and special hours"),
        ]
    )
    base_form_class = ContactPanelForm

    api_fields = [
        APIField("title"),
        APIField("lead"),
        APIField("lines"),
        APIField("closures"),
        APIField("special_openings"),
        APIField("status", serializer=ContactPanelStatusField(source="*")),
    ]
    api_meta_fields = [APIField("locale", serializer=LocaleCodeField())]

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "contact panel"
        verbose_name_plural = "contact panels"

    def __str__(self) -> str:
        return self.title

    def get_preview_template(self, request, mode_name):
        return "sscp_wagtail/contact_panel.html"

    @property
    def preview_modes(self):
        """ "Now", and the moments when the number given out changes or is easily got wrong."""
        return [(NOW, "Now"), *[(moment.name, moment.label) for moment in MOMENTS]]

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["at"] = moment_for(mode_name, timezone.now())
        context["at_chosen"] = mode_name != NOW
        return context


class ContactLine(TranslatableMixin, Orderable, ClusterableModel):
    """One phone number and the hours it is answered."""

    panel = ParentalKey(ContactPanel, on_delete=models.CASCADE, related_name="lines")
    label = models.CharField(
        max_length=100,
        help_text="Who answers, as a heading, e.g. 'Office hours' or 'Evenings and weekends'.",
    )
    phone = models.CharField(
        max_length=40,
        validators=[validate_uk_phone_number],
        help_text="A UK number as people should dial it, e.g. 0161 217 6028.",
    )
    email = models.EmailField(blank=True, help_text="Optional.")
    text_relay = models.BooleanField(
        "Text relay",
        default=False,
        help_text="Tick if textphone users can call this number through Relay UK (18001 before the number).",
    )
    closed_on_bank_holidays = models.BooleanField(
        default=True,
        help_text="England and Wales bank holidays, including substitute days.",
    )
    always_open = models.BooleanField(
        ALWAYS_OPEN_LABEL,
        default=False,
        help_text="Answered 24 hours a day, 7 days a week. Leave its opening times empty.",
    )
    out_of_hours = models.BooleanField(
        OUT_OF_HOURS_LABEL,
        default=False,
        help_text=(
            "The number to call when no other line is open. Leave its opening times empty and it covers "
            "evenings, weekends, bank holidays and closures automatically."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("phone")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("text_relay")]),
        MultiFieldPanel(
            [FieldPanel("closed_on_bank_holidays"), FieldPanel("always_open"), FieldPanel("out_of_hours")],
            heading="When it is answered",
        ),
        InlinePanel("periods", heading="Opening times", label="Opening time"),
    ]

    api_fields = [
        APIField("label"),
        APIField("phone"),
        APIField("tel"),
        APIField("email"),
        APIField("text_relay"),
        APIField("closed_on_bank_holidays"),
        APIField("always_open"),
        APIField("out_of_hours"),
        APIField("periods"),
    ]

    override_translatable_fields = [
        SynchronizedField("phone", overridable=False),
        SynchronizedField("email", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = "phone line"

    def __str__(self) -> str:
        return f"{self.label}: {self.phone}"

    @property
    def phone_number(self) -> UKPhoneNumber | None:
        try:
            return parse_uk_phone_number(self.phone)
        except PhoneNumberError:
            return None  # rows saved before validation existed must still render

    @property
    def tel(self) -> str | None:
        number = self.phone_number
        return number.tel if number else None


class OpeningPeriod(HoursRowMixin, Orderable):
    """A weekly opening of one line; a period belongs to the day it opens."""

    line = ParentalKey(ContactLine, on_delete=models.CASCADE, related_name="periods")
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAY_CHOICES)

    panels = [
        FieldRowPanel(
            [
                FieldPanel("weekday", help_text="The day these hours start; hours past midnight belong to it."),
                FieldPanel("opens"),
                FieldPanel("closes"),
            ]
        ),
        "overnight",
    ]

    api_fields = [
        APIField("weekday", serializer=WeekdayNameField()),
        APIField("opens"),
        APIField("closes"),
        APIField("overnight"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "opening time"

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens} to {self.closes}"


class Closure(TranslatableMixin, Orderable):
    """A whole day the panel's office lines are closed."""

    panel = ParentalKey(ContactPanel, on_delete=models.CASCADE, related_name="closures")
    date = models.DateField()
    reason = models.CharField(max_length=255, blank=True, help_text="Shown to the public, e.g. 'Christmas closure'.")

    panels = [
        FieldRowPanel(
            [
                FieldPanel("date", help_text="The office lines are closed all day; the out-of-hours line answers."),
                FieldPanel("reason"),
            ]
        )
    ]
    api_fields = [APIField("date"), APIField("reason")]
    override_translatable_fields = [SynchronizedField("date", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = "closure"

    def __str__(self) -> str:
        return f"{self.date} {self.reason}".strip()


class SpecialOpening(HoursRowMixin, Orderable):
    """Hours that replace the office lines' usual hours on one date."""

    panel = ParentalKey(ContactPanel, on_delete=models.CASCADE, related_name="special_openings")
    date = models.DateField()

    panels = [
        FieldRowPanel(
            [
                FieldPanel("date", help_text="The day these hours replace the office lines' usual hours."),
                FieldPanel("opens"),
                FieldPanel("closes"),
            ]
        ),
        "overnight",
    ]
    api_fields = [APIField("date"), APIField("opens"), APIField("closes"), APIField("overnight")]

    class Meta(Orderable.Meta):
        verbose_name = "special opening"

    def __str__(self) -> str:
        return f"{self.date} {self.opens} to {self.closes}"
