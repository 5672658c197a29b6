"""How contact-panel values look in the API.

The model's ``api_fields`` say which fields are exposed; these fields say how
the values that are not plain columns are written. They import nothing from
the models so ``models.py`` can use them in ``api_fields``.
"""

from __future__ import annotations

import datetime as dt

from rest_framework.fields import Field

from sscp_wagtail.opening_hours import ENGLISH, status_sentence


class WeekdayNameField(Field):
    """Weekday names rather than 0 to 6: numbering conventions differ (ISO 8601 starts at 1)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value: int) -> str:
        return ENGLISH.weekdays[value]


class LocaleCodeField(Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        return value.language_code


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


class ContactPanelStatusField(Field):
    """``{"at", "open", "current", "next_change", "sentence"}`` for the moment
    the view parsed from ``?at=`` (or now).

    ``open`` is whether any office (not out-of-hours) line is open; ``current``
    is the line to call at that moment, or null if none is answered; times are
    ISO 8601 with the Europe/London offset in force at that instant.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, panel) -> dict:
        from sscp_wagtail.contact_panels.schedule import panel_data
        from sscp_wagtail.opening_hours import LONDON

        at: dt.datetime = self.context["view"].status_at
        data = panel_data(panel, year=at.astimezone(LONDON).year)
        status = data.schedule.status(at)
        contact = data.contact_for(status.current)
        return {
            "at": status.at.isoformat(),
            "open": status.open,
            "current": (
                {"label": status.current.label, "phone": status.current.phone, "tel": contact.tel}
                if status.current is not None and contact is not None
                else None
            ),
            "next_change": _iso(status.next_change),
            "sentence": status_sentence(status),
        }
