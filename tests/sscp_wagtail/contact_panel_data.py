"""Contact panels as plain data (no database) for tests of rendering,
the browser data island and JSON-LD.

The seed panel is built from the demo's own definition, so the tests and the
demo cannot drift apart.
"""

from __future__ import annotations

import datetime as dt

from home.demo.contact_panels import CHILD_ABUSE_OR_NEGLECT, PANELS
from sscp_wagtail.bank_holidays import bank_holidays_around
from sscp_wagtail.contact_panels.schedule import PanelData, build_schedule_line, contact_details
from sscp_wagtail.opening_hours import Closure, Period, Schedule, SpecialOpening, Weekday

LINE_DEFAULTS = {"always_open": False, "out_of_hours": False, "closed_on_bank_holidays": True}


def make_panel_data(
    lines: list[dict],
    *,
    year: int = 2026,
    title: str = "Child abuse or neglect",
    lead: str = "",
    closures: tuple[Closure, ...] = (),
    special_openings: tuple[SpecialOpening, ...] = (),
) -> PanelData:
    engine_lines = []
    contacts = []
    for spec in lines:
        spec = {**LINE_DEFAULTS, **spec}
        engine_lines.append(
            build_schedule_line(
                label=spec["label"],
                phone=spec["phone"],
                periods=spec.get("periods", ()),
                closed_on_bank_holidays=spec["closed_on_bank_holidays"],
                always_open=spec["always_open"],
                out_of_hours=spec["out_of_hours"],
                closures=closures,
                special_openings=special_openings,
            )
        )
        contacts.append(contact_details(spec["label"], spec["phone"], spec.get("email", ""), spec.get("relay", False)))
    return PanelData(
        pk=None,
        title=title,
        lead=lead,
        schedule=Schedule(lines=tuple(engine_lines), bank_holidays=bank_holidays_around(year)),
        contacts=tuple(contacts),
        closures=closures,
        special_openings=special_openings,
    )


def seed_panel_data(year: int = 2026, **changes) -> PanelData:
    spec = PANELS[CHILD_ABUSE_OR_NEGLECT]
    lines = [
        {
            "label": line.label,
            "phone": line.phone,
            "periods": tuple(Period(day, opens, closes) for day, opens, closes in line.hours),
            "closed_on_bank_holidays": line.closed_on_bank_holidays,
            "out_of_hours": line.out_of_hours,
        }
        for line in spec.lines
    ]
    return make_panel_data(lines, year=year, title=spec.title, lead=spec.lead, **changes)


def night_panel_data(year: int = 2026) -> PanelData:
    """A line that runs past midnight, an always-open helpline and a long
    Christmas closure: the wording paths the seed panel never reaches."""
    night = tuple(Period(day, dt.time(22), dt.time(2)) for day in Weekday)
    return make_panel_data(
        [
            {"label": "Night team", "phone": "0161 000 0001", "periods": night},
            {
                "label": "NSPCC helpline",
                "phone": "0808 800 5000",
                "out_of_hours": True,
                "always_open": True,
                "closed_on_bank_holidays": False,
            },
        ],
        year=year,
        title="Night line",
        closures=tuple(Closure(dt.date(2026, 12, day), "Christmas closure") for day in range(20, 32)),
    )
