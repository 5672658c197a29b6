"""England and Wales bank holidays for the opening-hours engine.

Kept apart from ``opening_hours`` so the engine stays standard-library only
and tests can hand it any holidays they like; this is the one place that
knows where the real dates come from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import holidays


def england_and_wales_bank_holidays(years: Iterable[int]) -> dict[dt.date, str]:
    """Includes substitute days (e.g. "Boxing Day (observed)"), because the
    office is shut on the substitute Monday, not on the weekend date.

    England's calendar serves Wales too: the two share every bank holiday,
    unlike Scotland and Northern Ireland.
    """
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=sorted(set(years)))
    return dict(sorted(calendar.items()))
