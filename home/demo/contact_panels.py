"""The demo's contact panels, built from the seed text's numbers and hours.

``ensure_contact_panels()`` is idempotent: each panel is found by a stable
name (turned into a fixed translation key), and a panel that already exists
is returned as editors left it, never overwritten.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Locale

from sscp_wagtail.contact_panels.schedule import panel_data
from sscp_wagtail.models import ContactLine, ContactPanel, OpeningPeriod
from sscp_wagtail.opening_hours import Weekday
from sscp_wagtail.phone_numbers import parse_uk_phone_number

# Fixed so that the same name always gives the same translation key.
DEMO_NAMESPACE = uuid.UUID("6f1d3a52-8c1e-4d7b-9b1a-5c2f0e7d4a10")

CHILD_ABUSE_OR_NEGLECT = "child-abuse-or-neglect"
SAFEGUARDING_UNIT = "safeguarding-unit"

# The seed: "Monday to Thursday from 8.30am to 5pm, Friday from 8.30am to 4.30pm".
OFFICE_HOURS: tuple[tuple[Weekday, dt.time, dt.time], ...] = (
    *((day, dt.time(8, 30), dt.time(17)) for day in Weekday if day <= Weekday.THURSDAY),
    (Weekday.FRIDAY, dt.time(8, 30), dt.time(16, 30)),
)


@dataclass(frozen=True)
class DemoLine:
    label: str
    phone: str
    hours: tuple[tuple[Weekday, dt.time, dt.time], ...] = ()
    closed_on_bank_holidays: bool = True
    out_of_hours: bool = False


@dataclass(frozen=True)
class DemoPanel:
    title: str
    lead: str
    lines: tuple[DemoLine, ...]


PANELS: dict[str, DemoPanel] = {
    CHILD_ABUSE_OR_NEGLECT: DemoPanel(
        title="Child abuse or neglect",
        lead="Do not ignore it",
        lines=(
            DemoLine(label="Office hours", phone="0161 217 6028", hours=OFFICE_HOURS),
            # "or 0161 718 2118 – evenings and weekends": with no hours of its
            # own it answers whenever the office is closed, bank holidays included.
            DemoLine(
                label="Evenings and weekends",
                phone="0161 718 2118",
                closed_on_bank_holidays=False,
                out_of_hours=True,
            ),
        ),
    ),
    SAFEGUARDING_UNIT: DemoPanel(
        title="Queries about past serious case reviews",
        lead="Call the Safeguarding Unit",
        lines=(
            # The seed gives no hours for the Safeguarding Unit. For the demo we
            # ASSUME it keeps the same office hours as the child-abuse office line
            # and closes on bank holidays; editors should correct this.
            DemoLine(label="Safeguarding Unit", phone="0161 474 5657", hours=OFFICE_HOURS),
        ),
    ),
}


def translation_key_for(name: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, name)


def _build(name: str, spec: DemoPanel, locale: Locale) -> ContactPanel:
    return ContactPanel(
        title=spec.title,
        lead=spec.lead,
        locale=locale,
        translation_key=translation_key_for(name),
        live=False,  # publishing the first revision makes it live
        # Orderable rows need their sort order set when built in code (the admin's
        # forms set it): the panel's lines are shown, and chosen from, in this order.
        lines=[
            ContactLine(
                sort_order=line_number,
                label=line.label,
                phone=parse_uk_phone_number(line.phone).display,
                closed_on_bank_holidays=line.closed_on_bank_holidays,
                out_of_hours=line.out_of_hours,
                periods=[
                    OpeningPeriod(sort_order=number, weekday=day, opens=opens, closes=closes)
                    for number, (day, opens, closes) in enumerate(line.hours)
                ],
            )
            for line_number, line in enumerate(spec.lines)
        ],
    )


@transaction.atomic
def ensure_contact_panels() -> dict[str, ContactPanel]:
    """The demo panels by stable name, creating and publishing any that are
    missing in the default locale. Existing panels are returned untouched."""
    locale = Locale.get_default()
    panels: dict[str, ContactPanel] = {}
    for name, spec in PANELS.items():
        panel = ContactPanel.objects.filter(translation_key=translation_key_for(name), locale=locale).first()
        if panel is None:
            panel = _build(name, spec, locale)
            # Refuse a broken seed outright rather than publish wrong hours.
            panel_data(panel, year=dt.date.today().year).schedule.check()
            panel.save()
            panel.save_revision(log_action=True).publish(log_action=True)
            panel.refresh_from_db()
        panels[name] = panel
    return panels
