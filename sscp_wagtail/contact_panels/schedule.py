"""The one adapter between a ContactPanel's rows and the opening-hours engine.

Everything downstream (templates, the data island for the browser, JSON-LD,
the API, the admin status check) works from ``PanelData``, so they cannot
disagree about what the rows mean. The adapter reads rows through the related
managers' ``.all()``, which serves prefetched rows on the site and the
in-memory rows of an unsaved draft in previews.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet, prefetch_related_objects

from sscp_wagtail.bank_holidays import bank_holidays_around
from sscp_wagtail.opening_hours import Closure, Line, Period, Schedule, SpecialOpening
from sscp_wagtail.phone_numbers import PhoneNumberError, parse_uk_phone_number

if TYPE_CHECKING:
    from sscp_wagtail.models import ContactPanel

# Everything a panel needs from the database, in four queries after the panel.
PANEL_PREFETCH = ("lines__periods", "closures", "special_openings")


@dataclass(frozen=True)
class LineContact:
    """How to reach a line, beyond what the engine needs to know."""

    label: str
    phone: str
    tel: str | None
    email: str = ""
    relay_tel: str | None = None


@dataclass(frozen=True)
class PanelData:
    """A panel as plain data: its schedule and, in the same order as
    ``schedule.lines``, the contact details of each line."""

    pk: int | None
    title: str
    lead: str
    schedule: Schedule
    contacts: tuple[LineContact, ...]
    closures: tuple[Closure, ...] = ()
    special_openings: tuple[SpecialOpening, ...] = ()

    def contact_for(self, line: Line | None) -> LineContact | None:
        if line is None:
            return None
        for engine_line, contact in zip(self.schedule.lines, self.contacts, strict=True):
            if engine_line is line:
                return contact
        return None


def contact_details(label: str, phone: str, email: str = "", text_relay: bool = False) -> LineContact:
    try:
        number = parse_uk_phone_number(phone)
    except PhoneNumberError:
        # Rows saved before validation must still show their text; they just get no link.
        return LineContact(label=label, phone=phone, tel=None, email=email)
    return LineContact(
        label=label,
        phone=number.display,
        tel=number.tel,
        email=email,
        relay_tel=number.relay_tel if text_relay else None,
    )


def keeps_office_hours(*, always_open: bool, out_of_hours: bool) -> bool:
    """Panel-level closures and special openings change the office lines
    only: a 24-hour line stays open, and the out-of-hours line takes over
    when the office closes."""
    return not always_open and not out_of_hours


def build_schedule_line(
    *,
    label: str,
    phone: str,
    periods: Iterable[Period],
    closed_on_bank_holidays: bool,
    always_open: bool,
    out_of_hours: bool,
    closures: tuple[Closure, ...],
    special_openings: tuple[SpecialOpening, ...],
) -> Line:
    office = keeps_office_hours(always_open=always_open, out_of_hours=out_of_hours)
    return Line(
        label=label,
        phone=" ".join(phone.split()),
        periods=() if always_open else tuple(periods),
        closed_on_bank_holidays=closed_on_bank_holidays,
        always_open=always_open,
        out_of_hours=out_of_hours,
        closures=closures if office else (),
        special_openings=special_openings if office else (),
    )


def panel_data(panel: ContactPanel, *, year: int) -> PanelData:
    """``year`` picks the bank holidays: the schedule answers correctly for
    any moment in that year (see ``bank_holidays_around``)."""
    closures = tuple(Closure(date=row.date, reason=row.reason) for row in panel.closures.all())
    specials = tuple(
        SpecialOpening(date=row.date, opens=row.opens, closes=row.closes) for row in panel.special_openings.all()
    )
    lines: list[Line] = []
    contacts: list[LineContact] = []
    for row in panel.lines.all():
        lines.append(
            build_schedule_line(
                label=row.label,
                phone=row.phone,
                periods=(Period(p.weekday, p.opens, p.closes) for p in row.periods.all()),
                closed_on_bank_holidays=row.closed_on_bank_holidays,
                always_open=row.always_open,
                out_of_hours=row.out_of_hours,
                closures=closures,
                special_openings=specials,
            )
        )
        contacts.append(contact_details(row.label, row.phone, row.email, row.text_relay))
    return PanelData(
        pk=panel.pk,
        title=panel.title,
        lead=panel.lead,
        schedule=Schedule(lines=tuple(lines), bank_holidays=bank_holidays_around(year)),
        contacts=tuple(contacts),
        closures=closures,
        special_openings=specials,
    )


def with_rows(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related(*PANEL_PREFETCH)


def load_rows(panel: Any) -> None:
    """Fetches a saved panel's rows in four queries, whatever the number of
    lines. A panel built from a form (a preview) holds its rows in memory
    already and is left alone."""
    if panel.pk is None or getattr(panel, "_cluster_related_objects", None):
        return
    if "lines" in getattr(panel, "_prefetched_objects_cache", {}):
        return
    prefetch_related_objects([panel], *PANEL_PREFETCH)
